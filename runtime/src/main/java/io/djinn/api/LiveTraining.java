package io.djinn.api;

import ai.djl.metric.Metrics;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.djinn.api.plot.PlotlyFigure;
import io.djinn.runtime.CellHooks;
import io.djinn.runtime.Interrupts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A DJL training listener that shows training as it happens: one chart of every evaluator (loss,
 * accuracy...) for training and validation per epoch, updated in place, and a progress line with
 * batches, ETA, samples per second and the device. At the end it leaves the chart and a table of the
 * metrics. An interrupt stops training at the next batch, cleanly, keeping what was done.
 *
 * <pre>config.addTrainingListeners(LiveTraining.live());</pre>
 */
public final class LiveTraining extends TrainingListenerAdapter {

    /** Thrown at the next batch after an interrupt, to leave EasyTrain.fit cleanly. */
    public static final class TrainingInterrupted extends RuntimeException {
        TrainingInterrupted(String message) {
            super(message);
        }
    }

    private static final long PROGRESS_INTERVAL_NANOS = 200_000_000L;

    private final int everyBatches;
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final List<Double> batchLoss = new ArrayList<>();
    private final List<Double> batchLossAt = new ArrayList<>();
    private String chartId;
    private String progressId;
    private String device = "";
    private int epoch;
    private long batchInEpoch;
    private double epochFraction;
    private long batches;
    private boolean active;
    private long samples;
    private long started;
    private long lastProgress = Long.MIN_VALUE;
    /**
     * DJL computes the per-epoch loss and evaluator values in its EvaluatorTrainingListener (part of
     * TrainingListener.Defaults). A config with only this listener has none, so this one runs its own;
     * with one present it would count every batch twice, so then it runs none.
     */
    private EvaluatorTrainingListener evaluation;

    private LiveTraining(int everyBatches) {
        this.everyBatches = everyBatches;
    }

    /** A chart updated every epoch. */
    public static LiveTraining live() {
        return new LiveTraining(0);
    }

    /** A chart updated every epoch and, for the training loss, every {@code everyBatches} batches too. */
    public static LiveTraining live(int everyBatches) {
        if (everyBatches < 1) {
            throw new UsageException("live(everyBatches): everyBatches must be at least 1");
        }
        return new LiveTraining(everyBatches);
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        if (trainer.getMetrics() == null) {
            trainer.setMetrics(new Metrics()); // where the evaluator listener records epoch results
        }
        boolean[] evaluated = {false};
        trainer.notifyListeners(listener -> evaluated[0] |= listener instanceof EvaluatorTrainingListener);
        if (!evaluated[0]) {
            evaluation = new EvaluatorTrainingListener();
            evaluation.onTrainingBegin(trainer);
        }
        device = Arrays.toString(trainer.getDevices());
    }

    /** A run starts with its first batch: each EasyTrain.fit call (also a later one) gets its progress line. */
    private void startRunIfNeeded() {
        if (active) {
            return;
        }
        active = true;
        started = System.nanoTime();
        batches = 0;
        samples = 0;
        Interrupts.enterCooperative();
        // DJL calls onTrainingEnd only from trainer.close(): finish when the code that trains returns.
        CellHooks.atCellEnd(this::finish);
        progressId = Display.display(progressLine(false, null));
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (evaluation != null) {
            evaluation.onTrainingBatch(trainer, batchData);
        }
        startRunIfNeeded();
        stopIfAsked("training");
        batches++;
        batchInEpoch++;
        long total = batchData.getBatch().getProgressTotal();
        epochFraction = total > 0 ? Math.min(1.0, (double) batchData.getBatch().getProgress() / total) : 0;
        samples += batchData.getBatch().getSize();
        if (everyBatches > 0 && batches % everyBatches == 0) {
            try {
                batchLoss.add((double) trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_PROGRESS));
                batchLossAt.add(epoch + epochFraction);
                updateChart();
            } catch (IllegalArgumentException noValueYet) {
                // The evaluator listener records progress only every few batches.
            }
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            Display.updateDisplay(progressId, progressLine(false, null));
        }
    }

    @Override
    public void onValidationBatch(Trainer trainer, BatchData batchData) {
        if (evaluation != null) {
            evaluation.onValidationBatch(trainer, batchData);
        }
        if (active) {
            stopIfAsked("validation");
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        if (evaluation != null) {
            evaluation.onEpoch(trainer);
        }
        epoch++;
        batchInEpoch = 0;
        epochFraction = 0;
        epochStartedSeconds = (System.nanoTime() - started) / 1e9;
        Metrics metrics = trainer.getMetrics();
        List<Evaluator> evaluators = new ArrayList<>(trainer.getEvaluators());
        if (!evaluators.contains(trainer.getLoss())) {
            evaluators.add(0, trainer.getLoss());
        }
        for (Evaluator evaluator : evaluators) {
            record(metrics, evaluator, EvaluatorTrainingListener.TRAIN_EPOCH, "train " + evaluator.getName());
            record(metrics, evaluator, EvaluatorTrainingListener.VALIDATE_EPOCH, "validate " + evaluator.getName());
        }
        updateChart();
        if (progressId != null) {
            Display.updateDisplay(progressId, progressLine(false, null));
        }
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        if (evaluation != null) {
            evaluation.onTrainingEnd(trainer);
        }
        finish();
    }

    /** The final progress line, chart and metrics table, once per run. */
    private synchronized void finish() {
        if (!active) {
            return;
        }
        active = false;
        Interrupts.exitCooperative();
        Display.updateDisplay(progressId, progressLine(true, null));
        updateChart();
        if (epoch > 0) {
            Display.display(metricsTable());
        }
    }

    private void record(Metrics metrics, Evaluator evaluator, String stage, String label) {
        String name = EvaluatorTrainingListener.metricName(evaluator, stage);
        if (metrics != null && metrics.hasMetric(name)) {
            List<Double> values = series.computeIfAbsent(label, key -> new ArrayList<>());
            while (values.size() < epoch - 1) {
                values.add(null); // an evaluator that appeared late
            }
            values.add(metrics.latestMetric(name).getValue());
        }
    }

    private void stopIfAsked(String phase) {
        if (Interrupts.requested()) {
            String where = String.format(Locale.ROOT, "interrupted during %s of epoch %d, after %d batches", phase,
                    epoch + 1, batches);
            active = false;
            Display.updateDisplay(progressId, progressLine(true, where));
            updateChart();
            if (epoch > 0) {
                Display.display(metricsTable());
            }
            Interrupts.exitCooperative();
            throw new TrainingInterrupted("training " + where + "; the chart shows what was done");
        }
    }

    private void updateChart() {
        if (series.isEmpty() && batchLoss.isEmpty()) {
            return;
        }
        PlotlyFigure figure = figure();
        if (chartId == null) {
            chartId = Display.display(figure);
        } else {
            Display.updateDisplay(chartId, figure);
        }
    }

    PlotlyFigure figure() {
        JsonArray traces = new JsonArray();
        series.forEach((label, values) -> {
            JsonObject trace = new JsonObject();
            trace.addProperty("type", "scatter");
            trace.addProperty("mode", "lines+markers");
            trace.addProperty("name", label);
            JsonArray x = new JsonArray();
            JsonArray y = new JsonArray();
            for (int i = 0; i < values.size(); i++) {
                x.add(i + 1);
                y.add(finite(values.get(i)));
            }
            trace.add("x", x);
            trace.add("y", y);
            if (!label.toLowerCase(Locale.ROOT).contains("loss")) {
                trace.addProperty("yaxis", "y2"); // accuracy and other scores on their own axis
            }
            traces.add(trace);
        });
        if (!batchLoss.isEmpty()) {
            JsonObject trace = new JsonObject();
            trace.addProperty("type", "scatter");
            trace.addProperty("mode", "lines");
            trace.addProperty("name", "train loss (batches)");
            JsonArray x = new JsonArray();
            JsonArray y = new JsonArray();
            for (int i = 0; i < batchLoss.size(); i++) {
                x.add(batchLossAt.get(i));
                y.add(finite(batchLoss.get(i)));
            }
            trace.add("x", x);
            trace.add("y", y);
            trace.add("line", JsonHelper.object("width", 1));
            traces.add(trace);
        }
        JsonObject layout = new JsonObject();
        layout.add("title", JsonHelper.object("text", "Training"));
        layout.add("xaxis", JsonHelper.object("title", JsonHelper.object("text", "epoch")));
        layout.add("yaxis", JsonHelper.object("title", JsonHelper.object("text", "loss")));
        JsonObject scores = JsonHelper.object("title", JsonHelper.object("text", "score"));
        scores.addProperty("overlaying", "y");
        scores.addProperty("side", "right");
        layout.add("yaxis2", scores);
        layout.addProperty("height", 400);
        return new PlotlyFigure(traces, layout);
    }

    MimeBundle progressLine(boolean finished, String interruption) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = seconds > 0 ? samples / seconds : 0;
        String text;
        if (interruption != null) {
            text = "Training " + interruption + String.format(Locale.ROOT, " (%s, %.0f samples/s on %s)",
                    Progress.clock(seconds), rate, device);
        } else if (finished) {
            text = String.format(Locale.ROOT, "Trained %d epochs (%d batches, %d samples) in %s, %.0f samples/s on %s",
                    epoch, batches, samples, Progress.clock(seconds), rate, device);
        } else {
            String eta = "";
            if (epochFraction > 0 && batchInEpoch > 0) {
                double epochSeconds = seconds - secondsBeforeThisEpoch();
                eta = ", epoch ETA " + Progress.clock(epochSeconds / epochFraction * (1 - epochFraction));
            }
            text = String.format(Locale.ROOT, "Epoch %d: %3.0f%%, batch %d%s, %.0f samples/s on %s", epoch + 1,
                    100 * epochFraction, batchInEpoch, eta, rate, device);
        }
        double fraction = epochFraction;
        String color = interruption != null ? Progress.STOPPED : finished ? Progress.DONE : Progress.RUNNING;
        String html = Progress.barHtml("djinn-training", 240, finished ? 1 : fraction, color, text);
        return MimeBundle.html(html, text);
    }

    private double epochStartedSeconds;

    private double secondsBeforeThisEpoch() {
        return epochStartedSeconds;
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    /** The metrics per epoch as a Tablesaw table. */
    public Table metricsTable() {
        Table table = Table.create("training metrics", IntColumn.create("epoch",
                java.util.stream.IntStream.rangeClosed(1, epoch).toArray()));
        series.forEach((label, values) -> {
            double[] column = new double[epoch];
            for (int i = 0; i < epoch; i++) {
                Double value = i < values.size() ? values.get(i) : null;
                column[i] = value == null ? Double.NaN : value;
            }
            table.addColumns(DoubleColumn.create(label, column));
        });
        return table;
    }

    /** Small JSON builders for the figure. */
    private static final class JsonHelper {
        static JsonObject object(String key, Object value) {
            JsonObject object = new JsonObject();
            if (value instanceof JsonObject json) {
                object.add(key, json);
            } else if (value instanceof Number number) {
                object.addProperty(key, number);
            } else {
                object.addProperty(key, String.valueOf(value));
            }
            return object;
        }
    }
}
