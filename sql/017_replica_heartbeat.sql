-- How far behind a replica is (issue 15): each hotlined that reads a
-- replica writes the primary's time here every second; a replica's copy
-- of the row says how old its data is. Past db_read_max_lag seconds the
-- public pages read the primary instead.
CREATE TABLE replica_heartbeat (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
INSERT INTO replica_heartbeat (id, at) VALUES (1, UTC_TIMESTAMP(6));
