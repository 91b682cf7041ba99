package ablation.engine.objective;

import ablation.core.config.FimFormat;
import ablation.core.config.ObjectiveConfig;
import ablation.core.config.ObjectiveKind;
import ablation.engine.tokenizer.Tokenizer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The objective mixture: each sequence draws its objective with the configured probabilities
 * ({@code {clm: 0.5, span_corruption: 0.5}} is the CodeGen2 recipe) and the draws are counted, so
 * the realised fractions can be reported next to the configured ones.
 */
public final class ObjectiveMix {
    private static final ObjectiveKind[] KINDS = ObjectiveKind.values();

    private final Map<ObjectiveKind, Objective> objectives = new EnumMap<>(ObjectiveKind.class);
    private final double[] probabilities = new double[KINDS.length];
    private final long[] counts = new long[KINDS.length];
    private final RealisedRates realised = new RealisedRates();

    public ObjectiveMix(ObjectiveConfig config, Tokenizer tokenizer) {
        boolean spans = config.spanCorruption() > 0;
        boolean fim = config.fim() > 0;
        boolean codegen2Fim = fim && config.fimFormat() == FimFormat.CODEGEN2;
        int masks = spans ? config.span().maxSpans() : codegen2Fim ? 1 : 0;
        Sentinels sentinels = Sentinels.resolve(tokenizer, masks, fim && !codegen2Fim);
        for (Objective objective : List.of(
                new CausalLm(),
                new PrefixLm(config.prefix()),
                new SpanCorruption(config.span(), config.fileLevel(), sentinels, realised),
                new Fim(config, tokenizer, sentinels, realised))) {
            objectives.put(objective.kind(), objective);
        }
        for (ObjectiveKind kind : KINDS) probabilities[kind.ordinal()] = config.weight(kind);
    }

    /** Draws an objective and builds one example of {@code length} tokens with it. */
    public Example build(TokenSource source, int length, SplittableRandom random) {
        double u = random.nextDouble();
        int chosen = -1;
        double cumulative = 0;
        for (int i = 0; i < probabilities.length; i++) { // rounding in the sum falls to the last positive one
            if (probabilities[i] <= 0) continue;
            chosen = i;
            cumulative += probabilities[i];
            if (u < cumulative) break;
        }
        counts[chosen]++;
        return objectives.get(KINDS[chosen]).build(source, length, random);
    }

    /** Sequences built per objective so far, in {@link ObjectiveKind} order (clm, prefix_lm, span_corruption, fim). */
    public long[] counts() {
        return counts.clone();
    }

    public void restoreCounts(long[] saved) {
        if (saved.length != counts.length)
            throw new IllegalArgumentException("expected " + counts.length + " objective counts");
        System.arraycopy(saved, 0, counts, 0, counts.length);
    }

    /** The realised mask ratio of span corruption and rate of FIM, counted over the sequences built so far. */
    public RealisedRates realised() {
        return realised;
    }

    /** Realised share of each objective among the sequences built so far (0 before the first). */
    public Map<String, Double> fractions() {
        long total = 0;
        for (long c : counts) total += c;
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (ObjectiveKind kind : KINDS) {
            fractions.put(kind.label(), total == 0 ? 0.0 : (double) counts[kind.ordinal()] / total);
        }
        return fractions;
    }
}
