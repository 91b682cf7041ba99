package ablation.reports.source;

import ablation.core.config.Arch;
import ablation.core.config.ObjectiveKind;
import ablation.reports.model.Arm;
import ablation.reports.model.ArmRole;
import ablation.reports.model.Lesson;
import ablation.reports.model.LessonDesign;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A lesson's arms and what each is to the lesson's claim, inferred from the arms' configs:
 * <ol>
 *   <li>{@code model.arch} causal is the baseline, prefix_lm the treatment;</li>
 *   <li>{@code objective.fim} 0 is the baseline, every other rate a treatment with the rate as level;</li>
 *   <li>{@code objective.clm} 1 is the baseline, clm 0.5 + span_corruption 0.5 the treatment;</li>
 *   <li>the programming-language share of the source weights ({@link SourceDomains}) is the level:
 *       1 is PL only, 0 NL only, the mix nearest 0.5 the treatment;</li>
 *   <li>epochs ({@code train.tokens / data.sources[0].max_tokens}, 1 for an uncapped source) is the
 *       level; the fewest epochs is the baseline, every larger number a treatment.</li>
 * </ol>
 * Where a rule picks one arm and several qualify, the first (in grid order) takes the role; every
 * arm without a role is {@code OTHER}: shown, not judged.
 */
final class LessonDesigns {
    private static final double EPS = 1e-9;

    private LessonDesigns() {}

    /** One arm before its role is known: a cell of the lesson's grid, its seeds pooled. */
    record Cell(String label, JsonNode config, List<String> runs) {}

    /**
     * The lesson's design, or empty (with a note saying why) when its arms lack a role the lesson's
     * verdict needs, e.g. lesson 1 without a prefix-LM arm.
     */
    static Optional<LessonDesign> design(
            Lesson lesson, String variedField, List<Cell> cells, double margin, List<String> notes) {
        List<Arm> arms = switch (lesson) {
            case PREFIX_LM ->
                assign(
                        cells,
                        c -> Arch.CAUSAL.label().equals(text(c, "model", "arch")),
                        c -> Arch.PREFIX_LM.label().equals(text(c, "model", "arch")),
                        true,
                        c -> Double.NaN);
            case INFILL_COST -> assign(cells, c -> fim(c) < EPS, c -> fim(c) >= EPS, false, LessonDesigns::fim);
            case OBJECTIVE ->
                assign(
                        cells,
                        c -> near(weight(c, ObjectiveKind.CLM), 1),
                        c -> near(weight(c, ObjectiveKind.CLM), 0.5)
                                && near(weight(c, ObjectiveKind.SPAN_CORRUPTION), 0.5),
                        true,
                        c -> Double.NaN);
            case MIXTURE -> mixture(cells);
            case EPOCHS -> {
                double fewest =
                        cells.stream().mapToDouble(LessonDesigns::epochs).min().orElse(Double.NaN);
                yield assign(
                        cells,
                        c -> near(epochs(c), fewest),
                        c -> epochs(c) > fewest + EPS,
                        false,
                        LessonDesigns::epochs);
            }
        };
        try {
            return Optional.of(new LessonDesign(lesson, variedField, arms, margin));
        } catch (IllegalArgumentException e) {
            notes.add("Lesson " + lesson.number() + " is not analysed: " + e.getMessage() + " (arms here: "
                    + String.join(", ", cells.stream().map(Cell::label).toList()) + ").");
            return Optional.empty();
        }
    }

    /** The first cell passing {@code baseline} is the baseline; cells passing {@code treatment} are treatments (only the first when {@code one}). */
    private static List<Arm> assign(
            List<Cell> cells,
            Predicate<Cell> baseline,
            Predicate<Cell> treatment,
            boolean one,
            ToDoubleFunction<Cell> level) {
        List<Arm> arms = new ArrayList<>();
        boolean haveBaseline = false;
        boolean haveTreatment = false;
        for (Cell cell : cells) {
            ArmRole role = ArmRole.OTHER;
            if (!haveBaseline && baseline.test(cell)) {
                role = ArmRole.BASELINE;
                haveBaseline = true;
            } else if (!(one && haveTreatment) && treatment.test(cell)) {
                role = ArmRole.TREATMENT;
                haveTreatment = true;
            }
            arms.add(new Arm(cell.label(), role, level.applyAsDouble(cell), cell.runs()));
        }
        return arms;
    }

    private static List<Arm> mixture(List<Cell> cells) {
        Cell mix = cells.stream()
                .filter(c -> SourceDomains.programmingShare(c.config()) > EPS
                        && SourceDomains.programmingShare(c.config()) < 1 - EPS)
                .min(Comparator.comparingDouble(c -> Math.abs(SourceDomains.programmingShare(c.config()) - 0.5)))
                .orElse(null);
        List<Arm> arms = new ArrayList<>();
        boolean havePl = false;
        boolean haveNl = false;
        for (Cell cell : cells) {
            double share = SourceDomains.programmingShare(cell.config());
            ArmRole role = ArmRole.OTHER;
            if (cell == mix) {
                role = ArmRole.TREATMENT;
            } else if (!havePl && near(share, 1)) {
                role = ArmRole.PL_ONLY;
                havePl = true;
            } else if (!haveNl && near(share, 0)) {
                role = ArmRole.NL_ONLY;
                haveNl = true;
            }
            arms.add(new Arm(cell.label(), role, share, cell.runs()));
        }
        return arms;
    }

    private static double fim(Cell cell) {
        return weight(cell, ObjectiveKind.FIM);
    }

    private static double weight(Cell cell, ObjectiveKind kind) {
        return number(cell, "objective", kind.label());
    }

    /** Passes over the first source: the token budget over its cap, to 3 decimals; 1 when it is uncapped. */
    static double epochs(JsonNode config) {
        double cap =
                config.path("data").path("sources").path(0).path("max_tokens").asDouble(0);
        if (cap <= 0) return 1;
        return Math.round(config.path("train").path("tokens").asDouble() / cap * 1000) / 1000.0;
    }

    private static double epochs(Cell cell) {
        return epochs(cell.config());
    }

    private static boolean near(double value, double target) {
        return Math.abs(value - target) < EPS;
    }

    private static double number(Cell cell, String section, String field) {
        return cell.config().path(section).path(field).asDouble(Double.NaN);
    }

    private static String text(Cell cell, String section, String field) {
        return cell.config().path(section).path(field).asText("");
    }
}
