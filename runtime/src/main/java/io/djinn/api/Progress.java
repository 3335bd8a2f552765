package io.djinn.api;

import io.djinn.runtime.render.ProgressBar;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * A progress bar for any loop, updated in place at most {@link #UPDATES_PER_SECOND} times a second (no
 * flood of messages), in HTML with a text/plain line where HTML is not shown:
 * {@code for (var x : progress(items)) { ... }}.
 */
public final class Progress {

    static final int UPDATES_PER_SECOND = 5;

    private final String label;
    private final long total;
    private final LongSupplier clock;
    private final long started;
    private String displayId;
    private long lastShown = Long.MIN_VALUE;
    private long done;
    private String note = "";

    Progress(String label, long total, LongSupplier clock) {
        this.label = label;
        this.total = total;
        this.clock = clock;
        this.started = clock.getAsLong();
    }

    /** Iterates over the items with a progress bar (with a known total when it is a Collection). */
    public static <T> Iterable<T> progress(Iterable<T> items) {
        return progress(items, "");
    }

    public static <T> Iterable<T> progress(Iterable<T> items, String label) {
        long total = items instanceof Collection<?> collection ? collection.size() : -1;
        return () -> {
            Progress bar = new Progress(label, total, System::nanoTime);
            Iterator<T> iterator = items.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = iterator.hasNext();
                    if (!more) {
                        bar.finish();
                    }
                    return more;
                }

                @Override
                public T next() {
                    T item = iterator.next();
                    bar.step(1);
                    return item;
                }
            };
        };
    }

    /**
     * A bar to move by hand, for work that is not a loop over items: {@code step}, {@code moveTo}, then
     * {@code finish}. Nothing shows until the first of them.
     *
     * @param total the number of steps, or -1 when not known
     */
    public static Progress bar(String label, long total) {
        return new Progress(label, total, System::nanoTime);
    }

    /** Sets the number of steps done, as a tool that counts for itself reports it. */
    public void moveTo(long steps) {
        step(steps - done);
    }

    /** A short text after the counts (a loss, an accuracy), shown from the next update on. */
    public void note(String text) {
        note = text == null ? "" : text;
    }

    /** 0 to n-1 with a progress bar. */
    public static Iterable<Integer> progress(int n) {
        return progress(IntStream.range(0, n).boxed().toList());
    }

    /** Counts steps and shows the bar when enough time has passed since the last update. */
    public void step(long steps) {
        advance(steps);
        long now = clock.getAsLong();
        if (displayId == null || now - lastShown >= 1_000_000_000L / UPDATES_PER_SECOND) {
            show(now, false);
        }
    }

    void advance(long steps) {
        done += steps;
    }

    public void finish() {
        show(clock.getAsLong(), true);
    }

    private void show(long now, boolean finished) {
        lastShown = now;
        MimeBundle bundle = render(now, finished);
        if (displayId == null) {
            displayId = Display.display(bundle);
        } else {
            Display.updateDisplay(displayId, bundle);
        }
    }

    MimeBundle render(long now, boolean finished) {
        double seconds = (now - started) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        StringBuilder text = new StringBuilder(label.isEmpty() ? "" : label + " ");
        double fraction = total > 0 ? Math.min(1, (double) done / total) : 0;
        if (total > 0) {
            text.append(String.format(Locale.ROOT, "%3.0f%% %d/%d", 100 * fraction, done, total));
        } else {
            text.append(done);
        }
        text.append(String.format(Locale.ROOT, " [%s", ProgressBar.clock(seconds)));
        if (!finished && total > 0 && rate > 0) {
            text.append(" < ").append(ProgressBar.clock((total - done) / rate));
        }
        text.append(String.format(Locale.ROOT, ", %s it/s]", rate >= 100 ? String.format(Locale.ROOT, "%.0f", rate)
                : String.format(Locale.ROOT, "%.2f", rate)));
        if (finished) {
            text.append(" done");
        }
        if (!note.isEmpty()) {
            text.append(" ").append(note);
        }
        String html = ProgressBar.html("djinn-progress", 300, total > 0 ? fraction : 1,
                finished ? ProgressBar.DONE : ProgressBar.RUNNING,
                text.toString());
        return MimeBundle.html(html, text.toString());
    }
}
