-- Knowledge search (知识检索) on a search engine: the change sequence each
-- node's index follows, hotline synonyms, answers learned from the
-- operators, and gaps counted by where the search came from.

-- Every change to what search may show (kb_search) takes the next number
-- here, in its own transaction. The counter row is locked until commit, so
-- numbers are handed out in commit order and without gaps: a node that has
-- applied every change up to N has missed none below it.
CREATE TABLE kb_change_seq (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  seq BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO kb_change_seq (id, seq) VALUES (1, 0);

CREATE TABLE kb_changes (
  seq BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  entry_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every entry searchable today counts as changed once, so that an index
-- built from nothing and one that follows the changes agree.
UPDATE kb_change_seq SET seq = (SELECT COUNT(*) FROM kb_search) WHERE id = 1;
INSERT INTO kb_changes (seq, entry_id)
  SELECT ROW_NUMBER() OVER (ORDER BY entry_id), entry_id FROM kb_search;

-- Hotline synonyms (K7: the office sets how knowledge is classified and
-- used): a caller's word and an entry's word, interchangeable in a search.
-- Stored normalised, the pair once (a < b), looked up from either side.
CREATE TABLE kb_synonyms (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  a VARCHAR(16) NOT NULL,
  b VARCHAR(16) NOT NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_kb_synonyms (a, b),
  KEY k_kb_synonyms_b (b)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Learned from answers: an operator answered a call from entry_id after
-- searching words whose terms (kb_query.c) are terms. score is the number of
-- such answers, decayed to updated_at (half-life in kb_search.c).
CREATE TABLE kb_learned (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id INT UNSIGNED NOT NULL,
  terms VARCHAR(300) NOT NULL,
  query VARCHAR(200) NOT NULL,
  score DOUBLE NOT NULL DEFAULT 1,
  answers INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_kb_learned (entry_id, terms),
  KEY k_kb_learned_updated (updated_at),
  CONSTRAINT fk_kb_learned_entry FOREIGN KEY (entry_id) REFERENCES kb_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Which learned pairs a term leads to.
CREATE TABLE kb_learned_terms (
  term VARCHAR(64) NOT NULL,
  learned_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (term, learned_id),
  KEY k_kb_learned_terms_pair (learned_id),
  CONSTRAINT fk_kb_learned_terms FOREIGN KEY (learned_id) REFERENCES kb_learned (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Gaps (K9.1) from the public page too: counted by source, keyed by the
-- question's content (kb_query.c), with the first wording seen.
ALTER TABLE kb_gaps
  ADD COLUMN operator_hits INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN public_hits INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN sample VARCHAR(200) NOT NULL DEFAULT '';
UPDATE kb_gaps SET operator_hits = hits, sample = query;

-- Public gap records per client address and day, to bound what an
-- anonymous visitor can write.
CREATE TABLE kb_gap_clients (
  client_addr VARCHAR(64) NOT NULL,
  day DATE NOT NULL,
  n INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (client_addr, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
