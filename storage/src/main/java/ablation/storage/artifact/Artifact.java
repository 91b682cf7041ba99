package ablation.storage.artifact;

import java.time.Instant;

/**
 * A file a study or run produced (checkpoint, tokenizer, report), with what is needed to check it
 * is still the same file.
 *
 * @param runId null for a study-level artifact (a report)
 * @param step  training step of a checkpoint, else null
 */
public record Artifact(
        long id,
        long studyId,
        Long runId,
        String kind,
        String path,
        Long step,
        long sizeBytes,
        String sha256,
        Instant createdAt) {}
