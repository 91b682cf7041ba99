package ablation.storage.run;

/**
 * One typed run parameter: a scalar of the config under its dotted path. Numbers carry
 * {@code number} (for range filters and parallel coordinates); strings and booleans carry
 * {@code text}.
 */
public record Param(String name, String text, Double number) {
    /** The value as shown to a user. */
    public String display() {
        if (number == null) {
            return text;
        }
        double v = number;
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
