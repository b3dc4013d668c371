-- Foundation: jurisdictions, units, users, memberships, sessions,
-- the working-day calendar and the hash-chained audit log.

CREATE TABLE jurisdictions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(100) NOT NULL,
  parent_id INT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_jurisdictions_code (code),
  CONSTRAINT fk_jurisdictions_parent FOREIGN KEY (parent_id) REFERENCES jurisdictions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: office = 热线管理办, callcentre = 呼叫中心, government = 政府办公室,
-- establishment = 编办, legal = 法制局, department = 职能部门,
-- enterprise = 公共服务企业, other = 其他
CREATE TABLE units (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(100) NOT NULL,
  kind ENUM('office','callcentre','government','establishment','legal','department','enterprise','other') NOT NULL,
  jurisdiction_id INT UNSIGNED NOT NULL,
  parent_id INT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_units_code (code),
  KEY k_units_jurisdiction (jurisdiction_id, parent_id),
  CONSTRAINT fk_units_jurisdiction FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions (id),
  CONSTRAINT fk_units_parent FOREIGN KEY (parent_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(64) NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  phone VARCHAR(40) NOT NULL DEFAULT '',
  password_hash VARCHAR(255) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  failed_count INT NOT NULL DEFAULT 0,
  first_failed_at DATETIME NULL,
  locked_until DATETIME NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE memberships (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  role ENUM('operator','clerk','kb_editor','kb_approver','coordinator','reviewer','convener','admin') NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_memberships (user_id, unit_id, role),
  KEY k_memberships_unit (unit_id, role),
  CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_memberships_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- id_hash is SHA-256 of the cookie token: a stolen table gives no sessions.
-- The actor columns are a snapshot of the user's name, roles and unit, so
-- that a request reads one row and nothing else. Every change to users,
-- units, memberships or jurisdictions bumps org_gen of all sessions; a
-- request that finds snapshot_gen behind org_gen rebuilds the snapshot.
CREATE TABLE sessions (
  id_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id INT UNSIGNED NOT NULL,
  csrf CHAR(64) NOT NULL,
  client_addr VARCHAR(64) NOT NULL DEFAULT '',
  created_at DATETIME NOT NULL,
  last_seen DATETIME NOT NULL,
  org_gen INT UNSIGNED NOT NULL DEFAULT 1,
  snapshot_gen INT UNSIGNED NOT NULL DEFAULT 0,
  username VARCHAR(64) NOT NULL DEFAULT '',
  display_name VARCHAR(100) NOT NULL DEFAULT '',
  roles INT UNSIGNED NOT NULL DEFAULT 0,
  unit_id INT UNSIGNED NOT NULL DEFAULT 0,
  unit_name VARCHAR(100) NOT NULL DEFAULT '',
  jurisdiction_id INT UNSIGNED NOT NULL DEFAULT 0,
  jurisdiction_name VARCHAR(100) NOT NULL DEFAULT '',
  scope_jurisdiction_id INT UNSIGNED NOT NULL DEFAULT 0,
  KEY k_sessions_user (user_id),
  KEY k_sessions_last_seen (last_seen),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Weekdays are working days unless a row here says otherwise:
-- holiday = 法定节假日 (no work), workday = 调休上班 (work on a weekend).
CREATE TABLE calendar_days (
  day DATE NOT NULL PRIMARY KEY,
  kind ENUM('holiday','workday') NOT NULL,
  name VARCHAR(100) NOT NULL DEFAULT '',
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP()
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only; each row's hash covers its fields and prev_hash.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  at DATETIME(6) NOT NULL,
  actor_user_id INT UNSIGNED NULL,
  actor_unit_id INT UNSIGNED NULL,
  actor_jurisdiction_id INT UNSIGNED NULL,
  client_addr VARCHAR(64) NOT NULL DEFAULT '',
  action VARCHAR(64) NOT NULL,
  object_type VARCHAR(32) NOT NULL DEFAULT '',
  object_id BIGINT NOT NULL DEFAULT 0,
  detail VARCHAR(2000) NOT NULL DEFAULT '',
  prev_hash CHAR(64) NOT NULL,
  hash CHAR(64) NOT NULL,
  KEY k_audit_jurisdiction (actor_jurisdiction_id, id),
  KEY k_audit_action (action, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row, locked to append: serialises writers and remembers the chain's
-- end, so that removing the newest rows shows too.
CREATE TABLE audit_head (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  last_id BIGINT UNSIGNED NOT NULL,
  last_hash CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO audit_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
