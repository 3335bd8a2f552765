package io.djinn.runtime.agent;

import io.djinn.api.LiveTraining;
import io.djinn.api.Progress;
import io.djinn.runtime.DisplayChannel;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where DJL's console progress bar ({@code ai.djl.training.util.ProgressBar}) goes in a notebook (see
 * {@link ProgressBarTransformer}). DJL prints up to a hundred carriage-return updates per bar, which a saved
 * notebook keeps every one of; here each bar is one Djinn progress display updated in place, and while a
 * {@link LiveTraining} shows its own progress line, DJL's training bar is left out.
 */
public final class DjlProgressBars {

    /** One DJL bar's display. A bar that starts over (DJL reuses one per epoch) gets a new one. */
    private static final class Shown {
        final String message;
        final long max;
        long last = -1;
        Progress display;

        Shown(String message, long max) {
            this.message = message;
            this.max = max;
        }
    }

    private static final Map<Object, Shown> SHOWN = new WeakHashMap<>();
    private static volatile Field messageField;
    private static volatile Field maxField;

    private DjlProgressBars() {}

    /**
     * DJL's {@code update(progress, additionalMessage)}; true when handled here, false outside a Djinn kernel or
     * when the bar cannot be read, where DJL prints as usual.
     */
    public static synchronized boolean update(Object bar, long progress, String additionalMessage) {
        if (!DisplayChannel.installed()) {
            return false;
        }
        String message;
        long max;
        try {
            message = String.valueOf(field(bar, "message").get(bar));
            max = field(bar, "max").getLong(bar);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false; // another DJL version: its own bar is better than none
        }
        Shown shown = SHOWN.get(bar);
        if (shown == null || progress < shown.last || !shown.message.equals(message) || shown.max != max) {
            if (shown != null && shown.display != null) {
                shown.display.finish();
            }
            shown = new Shown(message, max);
            SHOWN.put(bar, shown);
        }
        boolean first = shown.last < 0;
        shown.last = progress;
        // The first update of a bar waits: a LiveTraining that trains with it starts its line at the same batch.
        if (first || LiveTraining.showing() || max <= 1) {
            return true;
        }
        if (shown.display == null) {
            shown.display = Progress.bar(message, max);
        }
        if (additionalMessage != null) {
            shown.display.note(additionalMessage); // end() passes none: the last status stays
        }
        if (progress + 1 >= max) {
            shown.display.moveTo(max);
            shown.display.finish();
            SHOWN.remove(bar);
        } else {
            shown.display.moveTo(progress + 1);
        }
        return true;
    }

    private static Field field(Object bar, String name) throws NoSuchFieldException {
        Field cached = name.equals("message") ? messageField : maxField;
        if (cached == null || cached.getDeclaringClass() != bar.getClass()) {
            cached = bar.getClass().getDeclaredField(name);
            cached.setAccessible(true);
            if (name.equals("message")) {
                messageField = cached;
            } else {
                maxField = cached;
            }
        }
        return cached;
    }
}
