package ablation.reports.model;

/** How a benchmark was sampled: left to right from a prompt, or infilling between a prefix and a suffix. */
public enum EvalMode {
    L2R("L2R", "l2r"), INFILL("infill", "infill");

    private final String label;
    private final String stored;

    EvalMode(String label, String stored) {
        this.label = label;
        this.stored = stored;
    }

    public String label() {
        return label;
    }

    /** The mode as eval configs and the store spell it, or null for a mode reports do not show. */
    public static EvalMode ofStored(String mode) {
        for (EvalMode m : values()) {
            if (m.stored.equals(mode)) return m;
        }
        return null;
    }
}
