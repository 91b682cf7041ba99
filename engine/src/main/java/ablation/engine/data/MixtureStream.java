package ablation.engine.data;

import ablation.core.WorkbenchException;
import ablation.core.metric.MetricKeys;
import ablation.engine.objective.Example;
import ablation.engine.objective.ObjectiveMix;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training batches of a run: for each sequence, a source drawn in proportion to the weights
 * (the NL/PL mixture), an objective drawn from the objective mixture, and an example of
 * context + 1 tokens built from that source's stream. All randomness of sequence i comes from a
 * generator seeded by (seed, i), so the stream is a pure function of the seed and its position;
 * {@link #state()} records the position (sequence count, each source's cursor, objective counts).
 */
public final class MixtureStream implements BatchStream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> names = new ArrayList<>();
    private final List<SourceCursor> cursors = new ArrayList<>();
    private final double[] cumulativeWeights;
    private final ObjectiveMix objectives;
    private final long seed;
    private final int microBatch;
    private final int context;
    private long sequences;

    /** The saved position of a stream; {@code realisedCounts} is null in checkpoints written before it was kept. */
    record State(
            long sequences,
            List<String> sources,
            List<SourceCursor.Position> positions,
            long[] objectiveCounts,
            long[] realisedCounts) {}

    MixtureStream(
            List<PreparedSource> sources,
            ObjectiveMix objectives,
            int endOfText,
            long seed,
            int microBatch,
            int context) {
        this.objectives = objectives;
        this.seed = seed;
        this.microBatch = microBatch;
        this.context = context;
        cumulativeWeights = new double[sources.size()];
        double total = 0;
        for (int i = 0; i < sources.size(); i++) {
            PreparedSource source = sources.get(i);
            names.add(source.name());
            cursors.add(new SourceCursor(
                    source.training(), source.endless(), Seeds.derive(seed, "order/" + source.name(), 0), endOfText));
            total += source.config().weight();
            cumulativeWeights[i] = total;
        }
    }

    @Override
    public Batch next() {
        int[] inputs = new int[microBatch * context];
        int[] targets = new int[microBatch * context];
        float[] weights = new float[microBatch * context];
        int[] prefixes = new int[microBatch];
        for (int row = 0; row < microBatch; row++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "sequence", sequences++));
            Example example = objectives.build(cursors.get(pickSource(random)), context + 1, random);
            example.writeRow(row, inputs, targets, weights);
            prefixes[row] = example.prefixLength();
        }
        return new Batch(microBatch, context, inputs, targets, weights, prefixes);
    }

    private int pickSource(SplittableRandom random) {
        double u = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int chosen = -1;
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (i > 0 && cumulativeWeights[i] == cumulativeWeights[i - 1] || i == 0 && cumulativeWeights[0] == 0)
                continue;
            chosen = i;
            if (u < cumulativeWeights[i]) break;
        }
        return chosen;
    }

    /** Sequences produced so far. */
    public long sequences() {
        return sequences;
    }

    /** Epochs consumed per source (fractional; 0 for endless generated sources). */
    public Map<String, Double> epochs() {
        Map<String, Double> epochs = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++)
            epochs.put(names.get(i), cursors.get(i).epochs());
        return epochs;
    }

    /** Realised share of each objective so far. */
    public Map<String, Double> objectiveFractions() {
        return objectives.fractions();
    }

    /**
     * As metric keys for a metrics sink: epochs per source ({@code data/epochs/<source>}), objective
     * fractions ({@code data/objective/<name>}), and once their objective has built a sequence the
     * realised span-corruption mask ratio ({@value MetricKeys#MASK_RATIO}) and FIM rate ({@value MetricKeys#FIM_RATE}).
     */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        epochs().forEach((source, value) -> metrics.put(MetricKeys.EPOCHS_PREFIX + source, value));
        objectiveFractions()
                .forEach((objective, value) -> metrics.put(MetricKeys.OBJECTIVE_FRACTION_PREFIX + objective, value));
        objectives.realised().maskRatio().ifPresent(ratio -> metrics.put(MetricKeys.MASK_RATIO, ratio));
        objectives.realised().fimRate().ifPresent(rate -> metrics.put(MetricKeys.FIM_RATE, rate));
        return metrics;
    }

    @Override
    public String state() {
        try {
            return JSON.writeValueAsString(new State(
                    sequences,
                    List.copyOf(names),
                    cursors.stream().map(SourceCursor::mark).toList(),
                    objectives.counts(),
                    objectives.realised().counts()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void restore(String state) {
        State saved;
        try {
            saved = JSON.readValue(state, State.class);
        } catch (JsonProcessingException e) {
            throw new WorkbenchException("data stream state is not readable: " + e.getOriginalMessage(), e);
        }
        if (!saved.sources().equals(names)) {
            throw new WorkbenchException(
                    "data stream state is for sources " + saved.sources() + ", this run has " + names);
        }
        sequences = saved.sequences();
        for (int i = 0; i < cursors.size(); i++)
            cursors.get(i).reset(saved.positions().get(i));
        objectives.restoreCounts(saved.objectiveCounts());
        if (saved.realisedCounts() != null) objectives.realised().restore(saved.realisedCounts());
    }
}
