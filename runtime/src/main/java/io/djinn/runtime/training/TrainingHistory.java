package io.djinn.runtime.training;

import ai.djl.metric.Metrics;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What a training run measured: every evaluator's value for training and validation per epoch ("train
 * Accuracy", "validate SoftmaxCrossEntropyLoss"...), and the training loss every few batches if asked.
 */
public final class TrainingHistory {

    private final Map<String, List<Double>> epochs = new LinkedHashMap<>();
    private final List<Double> batchLoss = new ArrayList<>();
    private final List<Double> batchLossAt = new ArrayList<>();

    /** Records the epoch's values (epoch counts from 1) that DJL's evaluator listener put in the metrics. */
    public void recordEpoch(int epoch, Metrics metrics, List<Evaluator> evaluators) {
        for (Evaluator evaluator : evaluators) {
            record(epoch, metrics, evaluator, EvaluatorTrainingListener.TRAIN_EPOCH, "train " + evaluator.getName());
            record(epoch, metrics, evaluator, EvaluatorTrainingListener.VALIDATE_EPOCH, "validate " + evaluator.getName());
        }
    }

    private void record(int epoch, Metrics metrics, Evaluator evaluator, String stage, String label) {
        String name = EvaluatorTrainingListener.metricName(evaluator, stage);
        if (metrics != null && metrics.hasMetric(name)) {
            List<Double> values = epochs.computeIfAbsent(label, key -> new ArrayList<>());
            while (values.size() < epoch - 1) {
                values.add(null); // an evaluator that appeared late
            }
            values.add(metrics.latestMetric(name).getValue());
        }
    }

    /** The training loss at a point of the run, in epochs (2.5: half way through the third). */
    public void recordBatchLoss(double atEpoch, double loss) {
        batchLossAt.add(atEpoch);
        batchLoss.add(loss);
    }

    public boolean isEmpty() {
        return epochs.isEmpty() && batchLoss.isEmpty();
    }

    /** Each series by label, one value per epoch (null where there was none). */
    public Map<String, List<Double>> epochs() {
        return Collections.unmodifiableMap(epochs);
    }

    public List<Double> batchLoss() {
        return Collections.unmodifiableList(batchLoss);
    }

    public List<Double> batchLossAt() {
        return Collections.unmodifiableList(batchLossAt);
    }

    /** The values per epoch as a Tablesaw table, for the given number of epochs. */
    public Table table(int epochCount) {
        Table table = Table.create("training metrics", IntColumn.create("epoch", IntStream.rangeClosed(1, epochCount).toArray()));
        epochs.forEach((label, values) -> {
            double[] column = new double[epochCount];
            for (int i = 0; i < epochCount; i++) {
                Double value = i < values.size() ? values.get(i) : null;
                column[i] = value == null ? Double.NaN : value;
            }
            table.addColumns(DoubleColumn.create(label, column));
        });
        return table;
    }
}
