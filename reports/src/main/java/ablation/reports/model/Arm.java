package ablation.reports.model;

import java.util.List;

/**
 * One arm of a lesson: the runs (one per seed) of one setting of the varied config field.
 *
 * @param label readable setting, e.g. {@code fim=0.5}
 * @param level the numeric value of the varied field where it has one (the infill rate in lesson 2,
 *              the programming-language share in lesson 4, epochs in lesson 5), else NaN; charts use it as x
 * @param runs names of the arm's runs, one per seed
 */
public record Arm(String label, ArmRole role, double level, List<String> runs) {
    public Arm {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("an arm needs a label");
        if (role == null) throw new IllegalArgumentException("arm " + label + ": role is required");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("arm " + label + ": needs at least one run");
    }

    public boolean hasLevel() {
        return !Double.isNaN(level);
    }
}
