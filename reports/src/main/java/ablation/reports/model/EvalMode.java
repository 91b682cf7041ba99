package ablation.reports.model;

/**
 * How a benchmark was sampled: left to right from a prompt, or infilling between a prefix and a
 * suffix, the middle ending at {@code <eom>} (CodeGen2's {@code infill}) or also after its first
 * newline ({@code infill-line}, as InCoder and SantaCoder evaluate single-line infilling).
 */
public enum EvalMode {
    L2R("L2R"), INFILL("infill"), INFILL_LINE("infill-line");

    private final String label;

    EvalMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
