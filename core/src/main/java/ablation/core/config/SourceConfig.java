package ablation.core.config;

/**
 * One training data source of the mixture.
 *
 * @param kind {@code files} (a directory or glob), {@code jsonl} (JSON lines, optionally gzipped),
 *             or the generated {@code desk-pl} / {@code desk-nl}
 * @param path directory, glob or file; unused by the generated kinds
 * @param weight relative share of sequences drawn from this source
 * @param maxTokens cap on the tokens taken from the source (0: no cap); a fixed budget over a
 *                  capped source means a chosen number of epochs
 * @param textField JSON field holding the document text ({@code jsonl} only)
 * @param onBadRecord {@code fail} or {@code skip} (skipped records are counted and reported)
 */
public record SourceConfig(
        String name,
        SourceKind kind,
        String path,
        double weight,
        long maxTokens,
        String textField,
        String onBadRecord) {
    public SourceConfig {
        Check.present("data.sources[].name", name);
        String at = "data.sources[" + name + "]";
        Check.present(at + ".kind", kind);
        if (!kind.isGenerated() && (path == null || path.isBlank())) {
            throw new ConfigException(at + ".path", path, "is required for kind " + kind);
        }
        Check.nonNegative(at + ".weight", weight);
        if (maxTokens < 0)
            throw new ConfigException(at + ".max_tokens", maxTokens, "must not be negative (0 = no cap)");
        Check.present(at + ".text_field", textField);
        Check.oneOf(at + ".on_bad_record", onBadRecord, "fail", "skip");
    }

    public boolean isGenerated() {
        return kind.isGenerated();
    }
}
