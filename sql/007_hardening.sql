-- Hardening (issue 11).

-- Failed logins per client address and 15-minute window: past a limit an
-- address is refused (as a wrong password would be) without its attempts
-- counting against the accounts it tries, so that one address can neither
-- guess nor lock out the city's accounts (auth.c).
CREATE TABLE login_throttle (
  client_addr VARCHAR(64) NOT NULL PRIMARY KEY,
  window_start DATETIME NOT NULL,
  failures INT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every text column as wide as the form field that writes it (form.c's
-- field table; tests/http/field_columns.h says which field lands where, and
-- test_access checks the two against each other): wider input used to end
-- in a 500.
ALTER TABLE kb_grants MODIFY purpose VARCHAR(1000) NOT NULL;
ALTER TABLE order_returns MODIFY decision_note VARCHAR(2000) NULL;
ALTER TABLE disputes MODIFY note VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE dispute_contacts MODIFY what VARCHAR(2000) NOT NULL;
-- A report or a fix note is stored after a short label ("内容错误：").
ALTER TABLE kb_updates MODIFY text VARCHAR(1100) NOT NULL,
  MODIFY reply VARCHAR(1100) NOT NULL DEFAULT '';
ALTER TABLE kb_update_events MODIFY text VARCHAR(1100) NOT NULL DEFAULT '';
