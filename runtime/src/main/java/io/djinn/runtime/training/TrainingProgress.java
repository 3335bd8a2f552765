package io.djinn.runtime.training;

import io.djinn.api.MimeBundle;
import io.djinn.runtime.render.ProgressBar;
import java.util.Locale;

/** Where a training run is: epoch, batch, samples, time; and its progress line (text and a bar). */
public final class TrainingProgress {

    private final long started = System.nanoTime();
    private final String device;
    private int epoch;
    private long batchInEpoch;
    private double epochFraction;
    private long batches;
    private long samples;
    private double epochStartedSeconds;

    /** @param epochsBefore epochs an earlier run of the same listener trained: the count goes on from there */
    public TrainingProgress(String device, int epochsBefore) {
        this.device = device;
        this.epoch = epochsBefore;
    }

    /** A training batch of so many samples, at this fraction of its epoch (0 when unknown). */
    public void batch(long size, double fractionOfEpoch) {
        batches++;
        batchInEpoch++;
        samples += size;
        epochFraction = fractionOfEpoch;
    }

    public void epochEnded() {
        epoch++;
        batchInEpoch = 0;
        epochFraction = 0;
        epochStartedSeconds = seconds();
    }

    public int epochs() {
        return epoch;
    }

    public long batches() {
        return batches;
    }

    /** Where the run is in epochs (2.5: half way through the third). */
    public double position() {
        return epoch + epochFraction;
    }

    /** The line for now: running (with the epoch's ETA), finished, or stopped with the interruption's words. */
    public MimeBundle line(boolean finished, String interruption) {
        double seconds = seconds();
        double rate = seconds > 0 ? samples / seconds : 0;
        String text;
        if (interruption != null) {
            text = "Training " + interruption + String.format(Locale.ROOT, " (%s, %.0f samples/s on %s)",
                    ProgressBar.clock(seconds), rate, device);
        } else if (finished) {
            text = String.format(Locale.ROOT, "Trained %d epochs (%d batches, %d samples) in %s, %.0f samples/s on %s",
                    epoch, batches, samples, ProgressBar.clock(seconds), rate, device);
        } else {
            String eta = "";
            if (epochFraction > 0 && batchInEpoch > 0) {
                double epochSeconds = seconds - epochStartedSeconds;
                eta = ", epoch ETA " + ProgressBar.clock(epochSeconds / epochFraction * (1 - epochFraction));
            }
            text = String.format(Locale.ROOT, "Epoch %d: %3.0f%%, batch %d%s, %.0f samples/s on %s", epoch + 1,
                    100 * epochFraction, batchInEpoch, eta, rate, device);
        }
        String color = interruption != null ? ProgressBar.STOPPED : finished ? ProgressBar.DONE : ProgressBar.RUNNING;
        String html = ProgressBar.html("djinn-training", 240, finished ? 1 : epochFraction, color, text);
        return MimeBundle.html(html, text);
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
