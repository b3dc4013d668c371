-- Citizens and other systems (issue 16): the caller's query code and the
-- public status page, requests filed through Open311 GeoReport v2, merging
-- duplicate orders, and calls referred to other channels.

-- pending: filed through Open311 (channel open311), waiting for an operator
-- in the intake queue; referred: a call about a matter for another channel
-- (110, courts, 信访 ...), answered with the category's script, not a work
-- order. An order filed by another system has no operator until one takes
-- it. query_hash: SHA-256 of the order number, ':' and the 6-character
-- 查询码 the caller was told (never stored in clear). likely_dup_of: the
-- order the operator marked this one a likely duplicate of; merged_into:
-- the master order the office merged it into (it is closed then, and
-- counts once, as the master).
--
-- Written so that a city's years of orders stay open for writes while it
-- runs: the columns and the longer ENUMs are instant (metadata only); the
-- nullable operator (a rebuild) and the indexes are built in place without
-- a lock. A foreign key added to orders would copy the whole table under a
-- lock (minutes at a million orders), so the two links to another order
-- have none: the merge checks them under its row locks (order_ops.c).
ALTER TABLE orders
  MODIFY channel ENUM('phone','web','wechat','letter','other','open311') NOT NULL,
  MODIFY state ENUM('answered','three_way','dispatched','accepted','return_requested',
                    'replied','closed','disputed','pending','referred') NOT NULL,
  ADD COLUMN query_hash CHAR(64) NULL,
  ADD COLUMN likely_dup_of INT UNSIGNED NULL,
  ADD COLUMN merged_into INT UNSIGNED NULL,
  ALGORITHM=INSTANT;
ALTER TABLE orders
  MODIFY operator_id INT UNSIGNED NULL,
  ADD KEY k_orders_merged (merged_into),
  ADD KEY k_orders_likely_dup (likely_dup_of, created_at),
  ALGORITHM=INPLACE, LOCK=NONE;

-- 不予受理/转其他渠道: a category whose matters belong elsewhere. The
-- intake shows its script when it is picked or the content has one of its
-- keywords (space-separated), and records the call as referred.
ALTER TABLE order_categories
  ADD COLUMN refer_channel VARCHAR(50) NULL,
  ADD COLUMN refer_script VARCHAR(1000) NOT NULL DEFAULT '',
  ADD COLUMN refer_keywords VARCHAR(200) NOT NULL DEFAULT '',
  ADD COLUMN description VARCHAR(500) NOT NULL DEFAULT '';

-- What a category asks more of a request filed through Open311 (the
-- service definition's attributes). datatype as the specification names
-- them; values of a singlevaluelist are "key=name" lines.
CREATE TABLE category_attributes (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id INT UNSIGNED NOT NULL,
  code VARCHAR(40) NOT NULL,
  datatype ENUM('string','number','text','singlevaluelist') NOT NULL,
  required TINYINT(1) NOT NULL DEFAULT 0,
  description VARCHAR(200) NOT NULL,
  list_values VARCHAR(1000) NOT NULL DEFAULT '',
  sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  active TINYINT(1) NOT NULL DEFAULT 1,
  UNIQUE KEY uk_category_attributes (category_id, code),
  CONSTRAINT fk_category_attributes_cat FOREIGN KEY (category_id) REFERENCES order_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The API keys of other systems (Open311). Stored as SHA-256; source names
-- the system, and a key reads only what its source filed. categories: the
-- category ids the key may file in, comma-separated; '' for all.
CREATE TABLE open311_keys (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source VARCHAR(60) NOT NULL,
  key_hash CHAR(64) NOT NULL,
  categories VARCHAR(1000) NOT NULL DEFAULT '',
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  revoked_at DATETIME NULL,
  revoked_by INT UNSIGNED NULL,
  UNIQUE KEY uk_open311_keys_hash (key_hash),
  KEY k_open311_keys_source (source)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a request filed through Open311 brought beyond the order's columns.
CREATE TABLE open311_requests (
  order_id INT UNSIGNED NOT NULL PRIMARY KEY,
  key_id INT UNSIGNED NOT NULL,
  source VARCHAR(60) NOT NULL,
  lat DECIMAL(9,6) NULL,
  lon DECIMAL(9,6) NULL,
  email VARCHAR(100) NOT NULL DEFAULT '',
  device_id VARCHAR(100) NOT NULL DEFAULT '',
  account_id VARCHAR(100) NOT NULL DEFAULT '',
  media_url VARCHAR(500) NOT NULL DEFAULT '',
  attributes TEXT NOT NULL,
  KEY k_open311_requests_source (source, order_id),
  CONSTRAINT fk_open311_requests_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_open311_requests_key FOREIGN KEY (key_id) REFERENCES open311_keys (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Wrong number/code pairs on /status per client address and window, as
-- login_throttle does for sign-ins.
CREATE TABLE status_throttle (
  client_addr VARCHAR(64) NOT NULL PRIMARY KEY,
  window_start DATETIME NOT NULL,
  failures INT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How many days back the intake and the office look for duplicates.
ALTER TABLE privacy_settings ADD COLUMN dup_days SMALLINT UNSIGNED NOT NULL DEFAULT 7;

-- Calls referred to other channels, per month (the assessment's figures).
ALTER TABLE assess_months ADD COLUMN referred INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN merged INT UNSIGNED NOT NULL DEFAULT 0;
