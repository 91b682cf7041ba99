package ablation.reports.model;

import java.time.Instant;

/** Where and with what a run was produced (docs/ARCHITECTURE.md, Storage); any field may be null when unknown. */
public record Provenance(
        String appVersion,
        String djlVersion,
        String pytorchVersion,
        String device,
        String host,
        String javaVersion,
        Instant started,
        Instant ended) {
    public static final Provenance UNKNOWN = new Provenance(null, null, null, null, null, null, null, null);
}
