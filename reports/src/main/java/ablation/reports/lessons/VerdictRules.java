package ablation.reports.lessons;

import ablation.core.stats.IntervalSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * How a lesson's comparisons make its verdict, so that each verdict keeps its error rate:
 *
 * <ul>
 *   <li>A claim about every part (every metric, every arm) is an intersection-union test:
 *       supported when every part is supported at the nominal level; contradicted when some part is
 *       contradicted after Holm's correction over the parts.</li>
 *   <li>A claim about some part (some infill rate costs, some number of epochs helps) is a Holm test:
 *       supported when some part is supported after Holm's correction; contradicted when every
 *       measured part is contradicted at the nominal level.</li>
 *   <li>A part that was not measured is inconclusive, never a pass: it blocks "every"; "some" leaves it
 *       out of its family.</li>
 *   <li>With fewer than 2 seeds in any measured part there is no verdict: the lesson is exploratory,
 *       and the text gives each part's direction and interval.</li>
 * </ul>
 * Each part's rule ({@link Claim}) judges its interval against 0 or the lesson's margin.
 */
public final class VerdictRules {
    /** The k the verdicts use. */
    public static final int VERDICT_K = 1;
    /** The temperature pass@1 is read at (the Codex/CodeGen convention), when the study sampled it. */
    public static final double VERDICT_TEMPERATURE = 0.2;

    private VerdictRules() {}

    /** Intersection-union over the parts. */
    public static Verdict every(List<Comparison> parts, IntervalSettings settings, String seeds) {
        Verdict exploratory = exploratory(parts);
        if (exploratory != null) return exploratory;
        String rule = "intersection-union over " + parts.size() + " part" + (parts.size() == 1 ? "" : "s")
                + " (each must hold at " + settings.percent() + "; a contradiction needs Holm's correction); " + seeds;
        List<Comparison> contradicting =
                holm(parts.stream().filter(Comparison::measured).toList(), Outcome.CONTRADICTS, settings);
        if (!contradicting.isEmpty())
            return new Verdict(Outcome.CONTRADICTS, rule + ". Contradicted: " + rules(contradicting));
        if (parts.stream().allMatch(p -> p.verdict().outcome() == Outcome.SUPPORTS)) {
            return new Verdict(Outcome.SUPPORTS, rule + ". Every part holds: " + rules(parts));
        }
        return new Verdict(
                Outcome.INCONCLUSIVE,
                rule + ". Not every part holds: "
                        + rules(parts.stream()
                                .filter(p -> p.verdict().outcome() != Outcome.SUPPORTS)
                                .toList()));
    }

    /** Holm over the parts: some part supports. */
    public static Verdict some(List<Comparison> parts, IntervalSettings settings, String seeds) {
        Verdict exploratory = exploratory(parts);
        if (exploratory != null) return exploratory;
        List<Comparison> measured = parts.stream().filter(Comparison::measured).toList();
        String rule = "Holm over " + measured.size() + " measured part" + (measured.size() == 1 ? "" : "s")
                + " (some part must hold after Holm's correction; a contradiction needs every part at "
                + settings.percent() + "); " + seeds;
        if (measured.isEmpty()) return new Verdict(Outcome.INCONCLUSIVE, rule + ". " + rules(parts));
        List<Comparison> supporting = holm(measured, Outcome.SUPPORTS, settings);
        if (!supporting.isEmpty()) return new Verdict(Outcome.SUPPORTS, rule + ". Holds: " + rules(supporting));
        if (measured.stream().allMatch(p -> p.verdict().outcome() == Outcome.CONTRADICTS)) {
            return new Verdict(Outcome.CONTRADICTS, rule + ". Every part is contradicted: " + rules(measured));
        }
        return new Verdict(Outcome.INCONCLUSIVE, rule + ". No part holds after correction: " + rules(measured));
    }

    /**
     * Holm's step-down for {@code outcome}: with r parts left, every part whose interval at confidence
     * {@code 1 - alpha / r} gives the outcome is rejected; repeat until a step rejects none.
     */
    static List<Comparison> holm(List<Comparison> parts, Outcome outcome, IntervalSettings settings) {
        double alpha = 1 - settings.confidence();
        List<Comparison> left = new ArrayList<>(parts);
        List<Comparison> rejected = new ArrayList<>();
        while (!left.isEmpty()) {
            double level = 1 - alpha / left.size();
            List<Comparison> now =
                    left.stream().filter(p -> p.outcomeAt(level) == outcome).toList();
            if (now.isEmpty()) break;
            rejected.addAll(now);
            left.removeAll(now);
        }
        return rejected;
    }

    /** The lesson's verdict when some measured part rests on fewer than 2 seeds, else null. */
    private static Verdict exploratory(List<Comparison> parts) {
        if (parts.stream().noneMatch(p -> p.verdict().outcome() == Outcome.EXPLORATORY)) return null;
        return new Verdict(
                Outcome.EXPLORATORY,
                "no supports or contradicts with fewer than 2 seeds; direction and intervals: " + rules(parts));
    }

    private static String rules(List<Comparison> parts) {
        return String.join(
                "; ",
                parts.stream()
                        .map(p -> p.verdict().outcome() == Outcome.EXPLORATORY
                                ? p.verdict().rule()
                                : p.verdict().text())
                        .toList());
    }
}
