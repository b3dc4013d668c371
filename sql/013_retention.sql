-- Callers' personal data is kept no longer than needed (PIPL; issue 15):
-- past the retention period the office sets, the sweep clears callers'
-- names and phone numbers in finished orders. Statistics and the audit
-- chain (which holds order numbers, never callers) stay as they were.
CREATE TABLE privacy_settings (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  retain_months SMALLINT UNSIGNED NOT NULL,
  updated_by INT UNSIGNED NULL,
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO privacy_settings (id, retain_months) VALUES (1, 36);

ALTER TABLE orders ADD COLUMN anonymised_at DATETIME NULL,
  ADD KEY k_orders_retention (anonymised_at, created_at);
