package io.djinn.runtime;

import io.djinn.wire.DisplayMessages;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The runtime's System.in: when it has nothing left, a read asks the notebook for one line and then
 * hands out that whole line at once. Readers that read ahead (InputStreamReader, Scanner) therefore
 * never trigger a second prompt the user did not ask for, which byte-at-a-time forwarding did.
 */
public final class LineInput extends InputStream {

    /** What the kernel answered: a line, or why there is none. */
    record Answer(String line, String error) {}

    private static final LineInput INSTANCE = new LineInput();

    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private byte[] buffer = new byte[0];
    private int position;

    private LineInput() {}

    public static LineInput instance() {
        return INSTANCE;
    }

    /** Asks for a line with a prompt shown beside the input box; password hides what is typed. */
    public String readLine(String prompt, boolean password) throws IOException {
        JsonObject request = new JsonObject();
        request.addProperty(DisplayMessages.TYPE, DisplayMessages.INPUT_REQUEST);
        request.addProperty("prompt", prompt);
        request.addProperty("password", password);
        DisplayChannel.send(request);
        Answer answer;
        try {
            answer = answers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("input was interrupted");
        }
        if (answer.error() != null) {
            throw new IOException(answer.error());
        }
        return answer.line();
    }

    @Override
    public synchronized int read() throws IOException {
        if (position >= buffer.length) {
            fill();
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        if (position >= buffer.length) {
            fill();
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, bytes, offset, count);
        position += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return buffer.length - position;
    }

    private void fill() throws IOException {
        buffer = (readLine("", false) + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
    }

    /** Called by the control listener with the kernel's answer. */
    void answer(String line, String error) {
        answers.add(new Answer(line, error));
    }

    /** Drops input left over from the previous cell (a cell starts with an empty System.in). */
    public void resetForNextCell() {
        synchronized (this) {
            buffer = new byte[0];
            position = 0;
        }
        answers.clear();
    }
}
