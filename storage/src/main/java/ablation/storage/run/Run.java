package ablation.storage.run;

import java.time.Instant;

/**
 * One training run as stored: its full effective config (JSON text), the hashes that identify it
 * and its grid cell, its status and timestamps, and its provenance.
 *
 * @param configHash hash of the whole config (seed included)
 * @param cellKey    hash of the config without the seed: the seeds of one grid cell share it
 * @param error      why it failed, or null
 */
public record Run(
        long id,
        long studyId,
        String name,
        RunStatus status,
        String configJson,
        String configHash,
        String cellKey,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        Instant heartbeatAt,
        String error,
        Provenance provenance) {}
