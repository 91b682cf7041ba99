-- Why each stored sample's generation ended: stop_token, stop_sequence, length or prompt_too_long
-- (the problem's prompt did not fit the context, nothing was generated). NULL for samples stored
-- before this column existed or scored from a samples file.
ALTER TABLE eval_samples ADD COLUMN finish_reason VARCHAR(32);
