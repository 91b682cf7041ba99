-- Which process drives a study (docs/ARCHITECTURE.md, the study executor): one row per study name,
-- held by one process (host, pid and the process's start time, so a reused pid is not mistaken for
-- the holder) and renewed by its heartbeat. A lease not renewed for its timeout may be taken over.
-- Keyed by name, not id: the lease is taken before the study's row and runs are first written.
CREATE TABLE study_leases (
    study_name        VARCHAR(200) NOT NULL PRIMARY KEY,
    owner_host        VARCHAR(255) NOT NULL,
    owner_pid         BIGINT NOT NULL,
    owner_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    acquired_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    renewed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
