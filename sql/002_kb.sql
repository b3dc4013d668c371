-- Knowledge base (K4-K9, U4): entries with every version kept, the search
-- index of published entries, gaps, knowledge-update orders, monthly
-- reviews, export grants and public feedback.

-- An entry belongs to the unit that provides it (K5, K6). It has at most
-- one published version and at most one open draft at a time.
CREATE TABLE kb_entries (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  unit_id INT UNSIGNED NOT NULL,
  kind ENUM('faq','guide','law','org') NOT NULL,
  visibility ENUM('public','internal') NOT NULL DEFAULT 'public',
  published_version_id INT UNSIGNED NULL,
  draft_version_id INT UNSIGNED NULL,
  obsolete TINYINT(1) NOT NULL DEFAULT 0,
  obsolete_reason VARCHAR(500) NOT NULL DEFAULT '',
  obsolete_on DATE NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_kb_entries_unit (unit_id, obsolete, id),
  CONSTRAINT fk_kb_entries_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_versions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id INT UNSIGNED NOT NULL,
  version_no INT UNSIGNED NOT NULL,
  state ENUM('draft','pending','published','rejected','superseded') NOT NULL,
  visibility ENUM('public','internal') NOT NULL DEFAULT 'public',
  title VARCHAR(200) NOT NULL,
  keywords VARCHAR(200) NOT NULL DEFAULT '',
  major TINYINT(1) NOT NULL DEFAULT 0,
  change_date DATE NOT NULL,
  due_date DATE NOT NULL,
  reject_reason VARCHAR(500) NOT NULL DEFAULT '',
  author_id INT UNSIGNED NULL,
  decided_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  submitted_at DATETIME NULL,
  decided_at DATETIME NULL,
  UNIQUE KEY uk_kb_versions (entry_id, version_no),
  KEY k_kb_versions_state (state, due_date),
  CONSTRAINT fk_kb_versions_entry FOREIGN KEY (entry_id) REFERENCES kb_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The kind-specific fields of a version (cgi-src/kb.c names them).
CREATE TABLE kb_fields (
  version_id INT UNSIGNED NOT NULL,
  name VARCHAR(32) NOT NULL,
  value MEDIUMTEXT NOT NULL,
  PRIMARY KEY (version_id, name),
  CONSTRAINT fk_kb_fields_version FOREIGN KEY (version_id) REFERENCES kb_versions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What search reads: one row per published, non-obsolete entry, written in
-- the transaction that publishes (or retires) it. The *_bg columns hold
-- the text as character bigrams (cgi-src/bigram.c) under FULLTEXT indexes;
-- pub_bg leaves out internal-only fields, all_bg has everything.
CREATE TABLE kb_search (
  entry_id INT UNSIGNED NOT NULL PRIMARY KEY,
  version_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  kind ENUM('faq','guide','law','org') NOT NULL,
  visibility ENUM('public','internal') NOT NULL,
  title VARCHAR(200) NOT NULL,
  summary VARCHAR(400) NOT NULL DEFAULT '',
  title_bg TEXT NOT NULL,
  keywords_bg TEXT NOT NULL,
  pub_bg MEDIUMTEXT NOT NULL,
  all_bg MEDIUMTEXT NOT NULL,
  KEY k_kb_search_browse (visibility, kind, entry_id),
  KEY k_kb_search_unit (unit_id, visibility, entry_id),
  FULLTEXT KEY ft_kb_title (title_bg),
  FULLTEXT KEY ft_kb_keywords (keywords_bg),
  FULLTEXT KEY ft_kb_pub (pub_bg),
  FULLTEXT KEY ft_kb_all (all_bg)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Searches that found nothing (K9.1), counted by normalised query.
CREATE TABLE kb_gaps (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  query VARCHAR(200) NOT NULL,
  hits INT UNSIGNED NOT NULL DEFAULT 1,
  first_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  last_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  state ENUM('open','assigned','closed') NOT NULL DEFAULT 'open',
  update_id INT UNSIGNED NULL,
  UNIQUE KEY uk_kb_gaps_query (query),
  KEY k_kb_gaps_state (state, hits)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Knowledge-update orders (知识更新工单): an operator's report on an entry,
-- or a knowledge need the office assigned from a gap (entry_id NULL).
CREATE TABLE kb_updates (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entry_id INT UNSIGNED NULL,
  unit_id INT UNSIGNED NOT NULL,
  problem ENUM('unclear','incomplete','wrong','typo','need') NOT NULL,
  text VARCHAR(1000) NOT NULL,
  state ENUM('open','answered','confirmed','reopened') NOT NULL DEFAULT 'open',
  reporter_id INT UNSIGNED NOT NULL,
  due_date DATE NOT NULL,
  version_id INT UNSIGNED NULL,
  reply VARCHAR(1000) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_kb_updates_unit (unit_id, state, due_date),
  KEY k_kb_updates_reporter (reporter_id, state),
  KEY k_kb_updates_entry (entry_id),
  CONSTRAINT fk_kb_updates_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_kb_updates_entry FOREIGN KEY (entry_id) REFERENCES kb_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_update_events (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  update_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  user_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NULL,
  action VARCHAR(32) NOT NULL,
  text VARCHAR(1000) NOT NULL DEFAULT '',
  KEY k_kb_update_events (update_id, id),
  CONSTRAINT fk_kb_update_events FOREIGN KEY (update_id) REFERENCES kb_updates (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Monthly review (K8.3): one confirmation per published entry per month.
CREATE TABLE kb_reviews (
  entry_id INT UNSIGNED NOT NULL,
  month CHAR(7) NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  PRIMARY KEY (entry_id, month),
  CONSTRAINT fk_kb_reviews_entry FOREIGN KEY (entry_id) REFERENCES kb_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Use of another unit's entries (K6): the owner's approver approves, the
-- office's coordinator consents; valid until expires_on.
CREATE TABLE kb_grants (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  owner_unit_id INT UNSIGNED NOT NULL,
  grantee_unit_id INT UNSIGNED NOT NULL,
  purpose VARCHAR(500) NOT NULL,
  expires_on DATE NOT NULL,
  state ENUM('requested','approved','granted','refused') NOT NULL DEFAULT 'requested',
  requested_by INT UNSIGNED NOT NULL,
  approved_by INT UNSIGNED NULL,
  consented_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_kb_grants_grantee (grantee_unit_id, state, expires_on),
  KEY k_kb_grants_owner (owner_unit_id, state),
  CONSTRAINT fk_kb_grants_owner FOREIGN KEY (owner_unit_id) REFERENCES units (id),
  CONSTRAINT fk_kb_grants_grantee FOREIGN KEY (grantee_unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "有用 / 没用" on the public page; one vote per client, entry and day.
CREATE TABLE kb_votes (
  entry_id INT UNSIGNED NOT NULL PRIMARY KEY,
  useful INT UNSIGNED NOT NULL DEFAULT 0,
  useless INT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kb_vote_log (
  entry_id INT UNSIGNED NOT NULL,
  client_addr VARCHAR(64) NOT NULL,
  day DATE NOT NULL,
  PRIMARY KEY (entry_id, client_addr, day),
  KEY k_kb_vote_log_client (client_addr, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
