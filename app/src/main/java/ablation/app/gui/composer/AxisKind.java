package ablation.app.gui.composer;

/**
 * What an axis varies, as offered by the composer. Each kind knows its config path, the short name
 * used in run names, and an example of its values.
 */
public enum AxisKind {
    ARCHITECTURE("Architecture", "model.arch", "arch", "causal, prefix_lm"),
    OBJECTIVE_MIX("Objective mix", "objective", "obj", "{clm: 1.0}, {clm: 0.5, span_corruption: 0.5}"),
    /** The share of FIM sequences; the other objectives of the base share the rest in proportion. */
    FIM_RATE("FIM rate", "objective", "fim", "0, 0.25, 0.5, 0.75, 0.9"),
    /** One weight per data source of the base, in order. */
    DATA_MIXTURE("Data mixture", "data.sources", "mix", "[1, 0], [0.5, 0.5], [0, 1]"),
    EPOCHS("Epochs", "epochs", "epochs", "1, 2, 4"),
    /** Maps merged into the whole config, for arms that change several sections together. */
    VARIANT(
            "Config variant",
            "",
            "variant",
            "{model: {arch: causal}}, {model: {arch: prefix_lm}, objective: {clm: 0, prefix_lm: 1}}"),
    /** Any config path (numeric fields offered), values written as YAML. */
    FIELD("Any field", null, null, "2, 4, 8");

    private final String title;
    private final String path;
    private final String shortName;
    private final String example;

    AxisKind(String title, String path, String shortName, String example) {
        this.title = title;
        this.path = path;
        this.shortName = shortName;
        this.example = example;
    }

    public String title() {
        return title;
    }

    /** The config path, or null when the user picks it ({@link #FIELD}). */
    public String path() {
        return path;
    }

    /** The axis name in run names, or null for the default (last part of the path). */
    public String shortName() {
        return shortName;
    }

    public String example() {
        return example;
    }

    @Override
    public String toString() {
        return title;
    }
}
