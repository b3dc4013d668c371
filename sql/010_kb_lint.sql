-- The knowledge-quality lint's list of common misused words (K10.2,
-- issue 14): wrong form -> right form. hotlinectl migrate fills it from
-- sql/lint/typos.tsv while it is empty; the office keeps it from then on.
CREATE TABLE kb_typos (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  wrong VARCHAR(20) NOT NULL,
  correct VARCHAR(20) NOT NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_kb_typos (wrong)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
