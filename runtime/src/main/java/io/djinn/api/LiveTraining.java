package io.djinn.api;

import ai.djl.metric.Metrics;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import io.djinn.runtime.execution.CellHooks;
import io.djinn.runtime.execution.Interrupts;
import io.djinn.runtime.training.TrainingChart;
import io.djinn.runtime.training.TrainingHistory;
import io.djinn.runtime.training.TrainingProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * A DJL training listener that shows training as it happens: one chart of every evaluator (loss,
 * accuracy...) for training and validation per epoch, updated in place, and a progress line with
 * batches, ETA, samples per second and the device. At the end it leaves the chart and a table of the
 * metrics. An interrupt stops training at the next batch, cleanly, keeping what was done.
 *
 * <pre>config.addTrainingListeners(LiveTraining.live());</pre>
 *
 * It wires DJL's callbacks to a {@link TrainingHistory}, a {@link TrainingChart} and a
 * {@link TrainingProgress}, and to the interrupt button.
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
    private final TrainingHistory history = new TrainingHistory();
    private TrainingProgress progress;
    private String chartId;
    private String progressId;
    private String device = "";
    private boolean active;
    // Runs showing their progress line now, in any LiveTraining: DJL's own console bar is silenced meanwhile.
    private static final java.util.concurrent.atomic.AtomicInteger SHOWING = new java.util.concurrent.atomic.AtomicInteger();
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
        setActive(true);
        int epochsBefore = progress == null ? 0 : progress.epochs();
        progress = new TrainingProgress(device, epochsBefore);
        Interrupts.enterCooperative();
        // DJL calls onTrainingEnd only from trainer.close(): finish when the code that trains returns.
        CellHooks.atCellEnd(this::finish);
        progressId = Display.display(progress.line(false, null));
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (evaluation != null) {
            evaluation.onTrainingBatch(trainer, batchData);
        }
        startRunIfNeeded();
        stopIfAsked("training");
        long total = batchData.getBatch().getProgressTotal();
        progress.batch(batchData.getBatch().getSize(),
                total > 0 ? Math.min(1.0, (double) batchData.getBatch().getProgress() / total) : 0);
        if (everyBatches > 0 && progress.batches() % everyBatches == 0) {
            try {
                history.recordBatchLoss(progress.position(),
                        trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_PROGRESS));
                updateChart();
            } catch (IllegalArgumentException noValueYet) {
                // The evaluator listener records progress only every few batches.
            }
        }
        long now = System.nanoTime();
        if (now - lastProgress >= PROGRESS_INTERVAL_NANOS) {
            lastProgress = now;
            Display.updateDisplay(progressId, progress.line(false, null));
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
        if (progress == null) {
            return; // an epoch without a batch
        }
        progress.epochEnded();
        List<Evaluator> evaluators = new ArrayList<>(trainer.getEvaluators());
        if (!evaluators.contains(trainer.getLoss())) {
            evaluators.add(0, trainer.getLoss());
        }
        history.recordEpoch(progress.epochs(), trainer.getMetrics(), evaluators);
        updateChart();
        if (progressId != null) {
            Display.updateDisplay(progressId, progress.line(false, null));
        }
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        if (evaluation != null) {
            evaluation.onTrainingEnd(trainer);
        }
        finish();
    }

    private void setActive(boolean now) {
        if (now != active) {
            SHOWING.addAndGet(now ? 1 : -1);
        }
        active = now;
    }

    /** Whether a training run is showing its progress line now (DJL's own progress bar then stays quiet). */
    public static boolean showing() {
        return SHOWING.get() > 0;
    }

    /** The final progress line, chart and metrics table, once per run. */
    private synchronized void finish() {
        if (!active) {
            return;
        }
        setActive(false);
        Interrupts.exitCooperative();
        Display.updateDisplay(progressId, progress.line(true, null));
        showResults();
    }

    private void stopIfAsked(String phase) {
        if (Interrupts.requested()) {
            String where = String.format(Locale.ROOT, "interrupted during %s of epoch %d, after %d batches", phase,
                    progress.epochs() + 1, progress.batches());
            setActive(false);
            Display.updateDisplay(progressId, progress.line(true, where));
            showResults();
            Interrupts.exitCooperative();
            throw new TrainingInterrupted("training " + where + "; the chart shows what was done");
        }
    }

    private void showResults() {
        updateChart();
        if (progress.epochs() > 0) {
            Display.display(metricsTable());
        }
    }

    private void updateChart() {
        if (history.isEmpty()) {
            return;
        }
        if (chartId == null) {
            chartId = Display.display(TrainingChart.of(history));
        } else {
            Display.updateDisplay(chartId, TrainingChart.of(history));
        }
    }

    /** The metrics per epoch as a Tablesaw table. */
    public Table metricsTable() {
        return history.table(progress == null ? 0 : progress.epochs());
    }
}
