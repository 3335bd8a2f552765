package io.djinn.kernel.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamBufferTest {

    private final List<String> sent = new ArrayList<>();
    private final StreamBuffer buffer = new StreamBuffer(sent::add);

    @Test
    void batchesWritesUntilFlush() {
        buffer.write("a".getBytes(), 0, 1);
        buffer.write("bc".getBytes(), 0, 2);
        assertEquals(List.of(), sent);
        buffer.flush();
        assertEquals(List.of("abc"), sent);
        buffer.flush();
        assertEquals(List.of("abc"), sent);
    }

    @Test
    void keepsASplitCharacterWhole() {
        byte[] smiley = "😀".getBytes(StandardCharsets.UTF_8);
        buffer.write(smiley, 0, 2);
        buffer.flush();
        assertEquals(List.of(), sent);
        buffer.write(smiley, 2, 2);
        buffer.flush();
        assertEquals(List.of("😀"), sent);
    }

    @Test
    void completeLengthStopsBeforeAnUnfinishedSequence() {
        byte[] text = "aé".getBytes(StandardCharsets.UTF_8);
        assertEquals(3, StreamBuffer.completeLength(text));
        assertEquals(1, StreamBuffer.completeLength(new byte[] {'a', text[1]}));
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, StreamBuffer.completeLength(new byte[] {euro[0], euro[1]}));
    }

    @Test
    void flushesByItselfWhenLarge() {
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) 'x');
        buffer.write(big, 0, big.length);
        assertEquals(1, sent.size());
        assertEquals(70_000, sent.get(0).length());
    }
}
