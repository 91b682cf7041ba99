package ablation.reports.model;

import java.util.List;

/**
 * How one lesson is tested in a study: which config field varies, and the arms it yields.
 *
 * <p>Roles each lesson needs (its verdict rule reads them): lessons 1 and 3 one {@code BASELINE}
 * and one {@code TREATMENT}; lessons 2 and 5 one {@code BASELINE} and at least one
 * {@code TREATMENT}, each with a level (infill rate, epochs); lesson 4 one each of
 * {@code PL_ONLY}, {@code NL_ONLY} and {@code TREATMENT} (the mix). Any lesson may add
 * {@code OTHER} arms.
 *
 * @param variedField the config field(s) the arms differ in, e.g. {@code objective.fim}, {@code model.arch},
 *                    {@code data.sources[].weight}, {@code epochs}
 * @param margin the difference the verdict counts as negligible, as a fraction of the baseline arm's value
 */
public record LessonDesign(Lesson lesson, String variedField, List<Arm> arms, double margin) {
    /** 10% of the baseline's value, unless the study file says otherwise. */
    public static final double DEFAULT_MARGIN = 0.10;

    public LessonDesign {
        if (lesson == null) throw new IllegalArgumentException("a lesson design needs its lesson");
        if (!(margin > 0 && margin < 1))
            throw new IllegalArgumentException(
                    "lesson " + lesson.number() + ": margin " + margin + " must be in (0, 1)");
        arms = List.copyOf(arms);
        String at = "lesson " + lesson.number();
        if (arms.stream().map(Arm::label).distinct().count() != arms.size())
            throw new IllegalArgumentException(at + ": arm labels must be unique");
        switch (lesson) {
            case PREFIX_LM, OBJECTIVE -> {
                requireCount(at, arms, ArmRole.BASELINE, 1, 1);
                requireCount(at, arms, ArmRole.TREATMENT, 1, 1);
            }
            case INFILL_COST, EPOCHS -> {
                requireCount(at, arms, ArmRole.BASELINE, 1, 1);
                requireCount(at, arms, ArmRole.TREATMENT, 1, Integer.MAX_VALUE);
                for (Arm arm : arms) {
                    if (arm.role() != ArmRole.OTHER && !arm.hasLevel())
                        throw new IllegalArgumentException(at + ": arm " + arm.label() + " needs a numeric level");
                }
            }
            case MIXTURE -> {
                requireCount(at, arms, ArmRole.PL_ONLY, 1, 1);
                requireCount(at, arms, ArmRole.NL_ONLY, 1, 1);
                requireCount(at, arms, ArmRole.TREATMENT, 1, 1);
            }
        }
    }

    /** A design with the default margin. */
    public LessonDesign(Lesson lesson, String variedField, List<Arm> arms) {
        this(lesson, variedField, arms, DEFAULT_MARGIN);
    }

    public List<Arm> arms(ArmRole role) {
        return arms.stream().filter(a -> a.role() == role).toList();
    }

    public Arm arm(ArmRole role) {
        return arms(role).get(0);
    }

    private static void requireCount(String at, List<Arm> arms, ArmRole role, int min, int max) {
        long count = arms.stream().filter(a -> a.role() == role).count();
        if (count < min || count > max) {
            throw new IllegalArgumentException(at + ": needs " + (min == max ? "exactly " + min : "at least " + min)
                    + " " + role + " arm(s), has " + count);
        }
    }
}
