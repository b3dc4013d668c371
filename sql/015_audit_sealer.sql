-- The audit chain is sealed after commit (issue 15, section 6). A write
-- appends its audit row unsealed (seq, prev_hash and hash NULL) inside its
-- own transaction, which no longer locks audit_head; one sealer at a time
-- (audit_head locked) then numbers the committed rows in id order, chains
-- them and moves the head. The chain runs in seq order: a row committed
-- after a higher id takes the next place after it. Rows of the old chain
-- were numbered 1..N with no gap, so their place is their id and their
-- hashes (which cover id, not seq) stay valid.
ALTER TABLE audit_log
  MODIFY id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  ADD COLUMN seq BIGINT UNSIGNED NULL AFTER id,
  MODIFY prev_hash CHAR(64) NULL,
  MODIFY hash CHAR(64) NULL;
UPDATE audit_log SET seq = id;
ALTER TABLE audit_log ADD UNIQUE KEY k_audit_seq (seq);
ALTER TABLE audit_head ADD COLUMN last_seq BIGINT UNSIGNED NOT NULL DEFAULT 0;
UPDATE audit_head SET last_seq = last_id;
