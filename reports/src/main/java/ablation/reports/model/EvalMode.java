package ablation.reports.model;

/** How a benchmark was sampled: left to right from a prompt, or infilling between a prefix and a suffix. */
public enum EvalMode {
    L2R("L2R"), INFILL("infill");

    private final String label;

    EvalMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
