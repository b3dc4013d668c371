-- Assessment and bulletins (K10, issue 14): the office's weighted formula
-- (each change a new version), the quality inspectors' monthly samples,
-- each unit's frozen monthly measures and findings, and the bulletins.

-- 质检员: the office's quality inspectors mark sampled answers.
ALTER TABLE memberships MODIFY role ENUM('operator','clerk','kb_editor','kb_approver',
  'coordinator','reviewer','convener','admin','inspector') NOT NULL;

-- The formula: five weights (any non-negative integers; the score is their
-- weighted mean of the rates that apply) and the sample's size. A change
-- adds a version; a month's scores keep the version they were computed with.
CREATE TABLE assess_formulas (
  version INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  w_timely SMALLINT UNSIGNED NOT NULL,
  w_complete SMALLINT UNSIGNED NOT NULL,
  w_onecall SMALLINT UNSIGNED NOT NULL,
  w_accurate SMALLINT UNSIGNED NOT NULL,
  w_quality SMALLINT UNSIGNED NOT NULL,
  sample_pct SMALLINT UNSIGNED NOT NULL,
  sample_min SMALLINT UNSIGNED NOT NULL,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO assess_formulas (w_timely, w_complete, w_onecall, w_accurate, w_quality,
  sample_pct, sample_min) VALUES (25, 20, 20, 25, 10, 5, 100);

-- A month's sample of calls answered from the knowledge base (质检).
CREATE TABLE qa_samples (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month CHAR(7) NOT NULL,
  order_id INT UNSIGNED NOT NULL,
  entry_id INT UNSIGNED NOT NULL,     -- the entry the operator answered from
  unit_id INT UNSIGNED NOT NULL,      -- its owner when drawn
  verdict ENUM('pending','accurate','inaccurate') NOT NULL DEFAULT 'pending',
  reason VARCHAR(500) NOT NULL DEFAULT '',
  fault_entry_id INT UNSIGNED NULL,   -- the entry at fault (inaccurate)
  update_id INT UNSIGNED NULL,        -- the knowledge-update order it opened
  inspector_id INT UNSIGNED NULL,
  marked_at DATETIME NULL,
  UNIQUE KEY uk_qa_samples (month, order_id),
  KEY k_qa_samples_unit (month, unit_id, verdict),
  CONSTRAINT fk_qa_samples_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_qa_samples_entry FOREIGN KEY (entry_id) REFERENCES kb_entries (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A unit's measures for a month, frozen with the formula version used.
-- Counts are what the rates are made of; a rate is -1 where nothing
-- applied (no calls, no sample ...), and the score leaves it out.
CREATE TABLE unit_scores (
  month CHAR(7) NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  formula_version INT UNSIGNED NOT NULL,
  changes INT UNSIGNED NOT NULL DEFAULT 0,        -- versions submitted
  changes_on_time INT UNSIGNED NOT NULL DEFAULT 0,
  majors INT UNSIGNED NOT NULL DEFAULT 0,         -- of them major news
  majors_on_time INT UNSIGNED NOT NULL DEFAULT 0,
  published INT UNSIGNED NOT NULL DEFAULT 0,      -- entries to review
  reviewed INT UNSIGNED NOT NULL DEFAULT 0,
  updates INT UNSIGNED NOT NULL DEFAULT 0,        -- update orders due
  updates_on_time INT UNSIGNED NOT NULL DEFAULT 0,
  update_days_x10 INT UNSIGNED NOT NULL DEFAULT 0, -- mean working days x 10
  gaps_open INT UNSIGNED NOT NULL DEFAULT 0,
  fields_empty INT UNSIGNED NOT NULL DEFAULT 0,   -- entries with a required field empty
  org_no_contacts INT UNSIGNED NOT NULL DEFAULT 0,
  calls INT UNSIGNED NOT NULL DEFAULT 0,          -- calls about its matters
  calls_one INT UNSIGNED NOT NULL DEFAULT 0,      -- closed at intake
  qa_marked INT UNSIGNED NOT NULL DEFAULT 0,
  qa_accurate INT UNSIGNED NOT NULL DEFAULT 0,
  lint_entries INT UNSIGNED NOT NULL DEFAULT 0,   -- entries with a lint finding
  typos INT UNSIGNED NOT NULL DEFAULT 0,
  keywords INT UNSIGNED NOT NULL DEFAULT 0,
  formats INT UNSIGNED NOT NULL DEFAULT 0,
  duplicates INT UNSIGNED NOT NULL DEFAULT 0,
  has_people TINYINT(1) NOT NULL DEFAULT 0,
  -- rates in per mille and the score in tenths of a point; -1: not applicable
  r_timely SMALLINT NOT NULL DEFAULT -1,
  r_complete SMALLINT NOT NULL DEFAULT -1,
  r_onecall SMALLINT NOT NULL DEFAULT -1,
  r_accurate SMALLINT NOT NULL DEFAULT -1,
  r_quality SMALLINT NOT NULL DEFAULT -1,
  score SMALLINT NOT NULL DEFAULT -1,
  score_rank INT UNSIGNED NOT NULL DEFAULT 0,   -- 0: not ranked (no score)
  PRIMARY KEY (month, unit_id),
  KEY k_unit_scores_unit (unit_id, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A month's overall figures (the bulletin's 12-month charts).
CREATE TABLE assess_months (
  month CHAR(7) NOT NULL PRIMARY KEY,
  formula_version INT UNSIGNED NOT NULL,
  calls INT UNSIGNED NOT NULL,
  calls_one INT UNSIGNED NOT NULL,
  qa_marked INT UNSIGNED NOT NULL,
  qa_accurate INT UNSIGNED NOT NULL,
  computed_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  millis INT UNSIGNED NOT NULL DEFAULT 0        -- how long the run took
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One call category's one-call rate in a month.
CREATE TABLE assess_categories (
  month CHAR(7) NOT NULL,
  category_id INT UNSIGNED NOT NULL,
  calls INT UNSIGNED NOT NULL,
  calls_one INT UNSIGNED NOT NULL,
  PRIMARY KEY (month, category_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a unit must fix, each linked to the record behind it.
CREATE TABLE unit_findings (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month CHAR(7) NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  kind ENUM('late_change','late_major','unreviewed','update_late','gap_open',
            'field_empty','org_contacts','inaccurate','typo','keyword','format',
            'duplicate','no_people') NOT NULL,
  entry_id INT UNSIGNED NULL,
  other_entry_id INT UNSIGNED NULL,   -- duplicate: the other entry
  order_id INT UNSIGNED NULL,         -- inaccurate: the sampled call
  update_id INT UNSIGNED NULL,        -- late update orders, gaps
  detail VARCHAR(500) NOT NULL DEFAULT '',
  KEY k_unit_findings (month, unit_id, kind, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 通报: one per month and jurisdiction (0: the whole city).
CREATE TABLE bulletins (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  month CHAR(7) NOT NULL,
  jurisdiction_id INT UNSIGNED NOT NULL,
  state ENUM('draft','approved','published') NOT NULL DEFAULT 'draft',
  title VARCHAR(200) NOT NULL,
  body TEXT NOT NULL,
  formula_version INT UNSIGNED NOT NULL,
  commend_n SMALLINT UNSIGNED NOT NULL DEFAULT 3,
  name_below SMALLINT UNSIGNED NOT NULL DEFAULT 60,
  created_by INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  approved_by INT UNSIGNED NULL,
  approved_at DATETIME NULL,
  published_by INT UNSIGNED NULL,
  published_at DATETIME NULL,
  UNIQUE KEY uk_bulletins (month, jurisdiction_id),
  KEY k_bulletins_state (state, published_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Five wrong forms that also occur inside right text (针对现有, 不良反应情况,
-- 2月份外出, 乘坐位于, 感冒易发) leave the shipped list (tests/lint/faulty.txt
-- found them).
DELETE FROM kb_typos WHERE wrong IN ('对现', '反应情况', '份外', '坐位', '冒易');
