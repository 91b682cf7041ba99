package ablation.reports.lessons;

import ablation.core.stats.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that turn a difference and its 95% interval into a verdict. Each lesson's claim is read
 * as one of a few statistical statements about {@code treatment - reference}:
 *
 * <ul>
 *   <li>Lesson 1 (prefix-LM brings no L2R gain over causal): {@link #noGain} of (prefix-LM - causal)
 *       L2R pass@1. Contradicts when the interval lies above 0 (a real gain); supports when it lies
 *       below {@code +PASS_MARGIN} (any gain is smaller than the margin); otherwise inconclusive.
 *       "No significant gain" alone would reward noisy measurements, hence the margin.</li>
 *   <li>Lesson 2 (infill training costs L2R quality): {@link #costs} for each infill arm's
 *       (infill - causal LM) L2R pass@1. Supports when the interval lies below 0, contradicts when
 *       it lies above 0, otherwise inconclusive. The arms are combined by {@link #acrossArms}.</li>
 *   <li>Lesson 3 (the 50/50 causal LM + span corruption mix is competitive on L2R and gains infill):
 *       {@link #nonInferior} of (mix - causal LM) L2R pass@1 and {@link #gains} of (mix - causal LM)
 *       infill pass@1, combined by {@link #allOf}.</li>
 *   <li>Lesson 4 (the NL/PL mix comes close to each domain model in its own domain):
 *       {@link #nonInferior} of (mix - PL only) L2R pass@1 on the PL benchmark, and
 *       {@link #bitsPerByteClose} of (mix - NL only) NL bits per byte ("close": within
 *       {@code BPB_RELATIVE_MARGIN} of the NL-only model's bits per byte), combined by {@link #allOf}.</li>
 *   <li>Lesson 5 (more epochs over a capped source do not hurt at equal tokens): {@link #nonInferior}
 *       of each (more epochs - fewest epochs) L2R pass@1, combined by {@link #acrossArms}.</li>
 * </ul>
 *
 * <p>Pass@k differences are judged at {@link #VERDICT_K}; the tables show every k.
 */
public final class VerdictRules {
    /**
     * Differences in pass@1 smaller than this (2 points) count as negligible: about twice the
     * ~1-point infill cost the paper reports at 1B, so a desk study can resolve it with a few seeds.
     */
    public static final double PASS_MARGIN = 0.02;
    /** "Close" in bits per byte: within 5% of the domain-specific model's value. */
    public static final double BPB_RELATIVE_MARGIN = 0.05;
    /** The k the verdicts use. */
    public static final int VERDICT_K = 1;

    private VerdictRules() {}

    /** The treatment brings no gain of {@code PASS_MARGIN} or more (lesson 1). */
    public static Verdict noGain(String what, Estimate diff) {
        String iv = interval(what, diff);
        if (diff.low() > 0) return new Verdict(Outcome.CONTRADICTS, iv + " lies above 0: a real gain");
        if (diff.high() < PASS_MARGIN) {
            return new Verdict(Outcome.SUPPORTS, iv + " lies below +" + n(PASS_MARGIN) + ": a gain of " + n(PASS_MARGIN) + " or more is ruled out");
        }
        return new Verdict(Outcome.INCONCLUSIVE, iv + " contains 0 and reaches above +" + n(PASS_MARGIN));
    }

    /** The treatment costs something (lesson 2). */
    public static Verdict costs(String what, Estimate diff) {
        String iv = interval(what, diff);
        if (diff.high() < 0) return new Verdict(Outcome.SUPPORTS, iv + " lies below 0: a real cost");
        if (diff.low() > 0) return new Verdict(Outcome.CONTRADICTS, iv + " lies above 0: a real gain");
        return new Verdict(Outcome.INCONCLUSIVE, iv + " contains 0");
    }

    /** The treatment loses less than {@code PASS_MARGIN} (lessons 3, 4, 5). */
    public static Verdict nonInferior(String what, Estimate diff) {
        String iv = interval(what, diff);
        String margin = "-" + n(PASS_MARGIN);
        if (diff.low() > -PASS_MARGIN) {
            return new Verdict(Outcome.SUPPORTS, iv + " lies above " + margin + ": a loss of " + n(PASS_MARGIN) + " or more is ruled out");
        }
        if (diff.high() < -PASS_MARGIN) return new Verdict(Outcome.CONTRADICTS, iv + " lies below " + margin + ": a loss of more than " + n(PASS_MARGIN));
        return new Verdict(Outcome.INCONCLUSIVE, iv + " contains " + margin);
    }

    /** The treatment gains something (lesson 3's infill). */
    public static Verdict gains(String what, Estimate diff) {
        String iv = interval(what, diff);
        if (diff.low() > 0) return new Verdict(Outcome.SUPPORTS, iv + " lies above 0: a real gain");
        if (diff.high() < 0) return new Verdict(Outcome.CONTRADICTS, iv + " lies below 0: a real loss");
        return new Verdict(Outcome.INCONCLUSIVE, iv + " contains 0");
    }

    /**
     * The treatment's bits per byte exceed the reference's by less than {@code BPB_RELATIVE_MARGIN}
     * of {@code reference} (lesson 4). {@code diff} is treatment - reference (positive: worse). With
     * one seed per arm there is no interval, and the point difference is judged, as the rule says.
     */
    public static Verdict bitsPerByteClose(String what, Estimate diff, double reference) {
        double margin = BPB_RELATIVE_MARGIN * reference;
        String bound = "+" + n(margin) + " (" + Math.round(BPB_RELATIVE_MARGIN * 100) + "% of " + n(reference) + ")";
        if (!diff.hasInterval()) {
            String point = what + " = " + n(diff.value()) + " (1 seed: point value, no interval)";
            return diff.value() < margin ? new Verdict(Outcome.SUPPORTS, point + " is below " + bound)
                    : new Verdict(Outcome.CONTRADICTS, point + " is not below " + bound);
        }
        String iv = interval(what, diff);
        if (diff.high() < margin) return new Verdict(Outcome.SUPPORTS, iv + " lies below " + bound);
        if (diff.low() > margin) return new Verdict(Outcome.CONTRADICTS, iv + " lies above " + bound);
        return new Verdict(Outcome.INCONCLUSIVE, iv + " contains " + bound);
    }

    /**
     * A claim made of parts: supports when every part does, contradicts when any part does,
     * otherwise inconclusive. The rule quotes the parts that decided it.
     */
    public static Verdict allOf(List<Verdict> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("allOf needs at least one part");
        if (parts.size() == 1) return parts.get(0);
        if (parts.stream().anyMatch(p -> p.outcome() == Outcome.CONTRADICTS)) {
            return new Verdict(Outcome.CONTRADICTS, "a part is contradicted: " + rules(parts, Outcome.CONTRADICTS));
        }
        if (parts.stream().allMatch(p -> p.outcome() == Outcome.SUPPORTS)) {
            return new Verdict(Outcome.SUPPORTS, "every part is supported: " + rules(parts, Outcome.SUPPORTS));
        }
        return new Verdict(Outcome.INCONCLUSIVE, "no part is contradicted, but " + rules(parts, Outcome.INCONCLUSIVE));
    }

    /**
     * One claim tested by several treatment arms (infill rates, epoch counts): supports when some
     * arm supports and none contradicts, contradicts when some arm contradicts and none supports,
     * otherwise inconclusive. There is no correction for testing several arms; each arm's verdict
     * is shown beside it.
     */
    public static Verdict acrossArms(List<String> arms, List<Verdict> verdicts) {
        if (verdicts.isEmpty()) throw new IllegalArgumentException("acrossArms needs at least one verdict");
        if (verdicts.size() == 1) return verdicts.get(0);
        List<String> supporting = new ArrayList<>();
        List<String> contradicting = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).outcome() == Outcome.SUPPORTS) supporting.add(arms.get(i));
            if (verdicts.get(i).outcome() == Outcome.CONTRADICTS) contradicting.add(arms.get(i));
        }
        if (!supporting.isEmpty() && contradicting.isEmpty()) {
            return new Verdict(Outcome.SUPPORTS, verb(supporting, "supports", "support") + " and no arm contradicts: " + rules(verdicts, Outcome.SUPPORTS));
        }
        if (!contradicting.isEmpty() && supporting.isEmpty()) {
            return new Verdict(Outcome.CONTRADICTS, verb(contradicting, "contradicts", "contradict") + " and no arm supports: " + rules(verdicts, Outcome.CONTRADICTS));
        }
        if (supporting.isEmpty()) return new Verdict(Outcome.INCONCLUSIVE, "every arm is inconclusive: " + rules(verdicts, Outcome.INCONCLUSIVE));
        return new Verdict(Outcome.INCONCLUSIVE, "the arms disagree: " + verb(supporting, "supports", "support") + ", "
                + verb(contradicting, "contradicts", "contradict"));
    }

    /** "fim=0.5 supports" or "fim=0.5, fim=0.9 support". */
    private static String verb(List<String> arms, String singular, String plural) {
        return String.join(", ", arms) + " " + (arms.size() == 1 ? singular : plural);
    }

    private static String interval(String what, Estimate diff) {
        if (!diff.hasInterval()) throw new IllegalArgumentException(what + " has no interval to judge");
        return "the 95% interval of " + what + ", " + diff.formatInterval(3) + ",";
    }

    private static String rules(List<Verdict> parts, Outcome outcome) {
        return String.join("; ", parts.stream().filter(p -> p.outcome() == outcome).map(Verdict::rule).toList());
    }

    private static String n(double value) {
        return Estimate.number(value, 3);
    }
}
