-- The database refuses values the code does not know (docs/ARCHITECTURE.md, Storage): a run status
-- outside RunStatus, an evaluation mode outside EvalMode. Portable SQL (H2 2.x and PostgreSQL).
-- A new status or mode needs a new migration that drops and re-adds the constraint.

ALTER TABLE runs ADD CONSTRAINT runs_status_known
    CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled', 'orphaned'));

ALTER TABLE eval_results ADD CONSTRAINT eval_results_mode_known
    CHECK (mode IN ('l2r', 'infill', 'infill-line'));
