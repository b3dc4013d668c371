-- Work orders (工单): intake, dispatch, handling, returns, deadlines.
-- Requirements U1, U2, D3, D4.1, K9.3; the state machine is cgi-src/order.c.

-- 问题分类: an admin-managed tree; each category has its own time limit.
CREATE TABLE order_categories (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  parent_id INT UNSIGNED NULL,
  time_limit_days SMALLINT UNSIGNED NOT NULL DEFAULT 5,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_order_categories (parent_id, name),
  CONSTRAINT fk_order_categories_parent FOREIGN KEY (parent_id) REFERENCES order_categories (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 派单规则: category x jurisdiction -> suggested unit (optional keywords
-- narrow a rule; a determination of a dispute may create one, D6.4).
CREATE TABLE routing_rules (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  category_id INT UNSIGNED NOT NULL,
  jurisdiction_id INT UNSIGNED NOT NULL,
  keywords VARCHAR(200) NOT NULL DEFAULT '',
  unit_id INT UNSIGNED NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  KEY k_routing_rules (category_id, jurisdiction_id, active),
  CONSTRAINT fk_routing_rules_category FOREIGN KEY (category_id) REFERENCES order_categories (id),
  CONSTRAINT fk_routing_rules_jur FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions (id),
  CONSTRAINT fk_routing_rules_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The daily sequence behind readable order numbers, per jurisdiction
-- (meizhou-20261129-0001). Taken with SELECT ... FOR UPDATE in the
-- intake transaction.
CREATE TABLE order_numbers (
  jurisdiction_id INT UNSIGNED NOT NULL,
  day DATE NOT NULL,
  last_seq INT UNSIGNED NOT NULL,
  PRIMARY KEY (jurisdiction_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE orders (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  number VARCHAR(48) NOT NULL,
  jurisdiction_id INT UNSIGNED NOT NULL,
  channel ENUM('phone','web','wechat','letter','other') NOT NULL,
  caller_name VARCHAR(50) NOT NULL DEFAULT '',
  caller_phone VARCHAR(20) NOT NULL DEFAULT '',
  category_id INT UNSIGNED NOT NULL,
  place VARCHAR(200) NOT NULL DEFAULT '',
  content TEXT NOT NULL,
  demand VARCHAR(500) NOT NULL DEFAULT '',
  cause VARCHAR(500) NOT NULL DEFAULT '',
  contradiction VARCHAR(500) NOT NULL DEFAULT '',
  -- answered: 一次性解答 from an entry; three_way: 三方通话; the rest are
  -- dispatched orders (cgi-src/order.h names each state).
  state ENUM('answered','three_way','dispatched','accepted','return_requested',
             'replied','closed','disputed') NOT NULL,
  kb_entry_id INT UNSIGNED NULL,
  three_way_unit_id INT UNSIGNED NULL,
  unit_id INT UNSIGNED NULL,          -- the handling unit now
  operator_id INT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  dispatched_at DATETIME NULL,
  due_date DATE NULL,
  accepted_at DATETIME NULL,
  replied_at DATETIME NULL,
  reply TEXT NULL,
  closed_at DATETIME NULL,
  satisfaction ENUM('satisfied','basic','dissatisfied') NULL,
  overdue TINYINT(1) NOT NULL DEFAULT 0,
  returns INT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY uk_orders_number (number),
  KEY k_orders_queue (unit_id, state, due_date),
  KEY k_orders_due (state, due_date),
  KEY k_orders_phone (caller_phone, created_at),
  KEY k_orders_jur (jurisdiction_id, created_at),
  KEY k_orders_created (created_at),
  KEY k_orders_category (category_id, created_at),
  CONSTRAINT fk_orders_jur FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions (id),
  CONSTRAINT fk_orders_category FOREIGN KEY (category_id) REFERENCES order_categories (id),
  CONSTRAINT fk_orders_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_orders_three_way FOREIGN KEY (three_way_unit_id) REFERENCES units (id),
  CONSTRAINT fk_orders_entry FOREIGN KEY (kb_entry_id) REFERENCES kb_entries (id),
  CONSTRAINT fk_orders_operator FOREIGN KEY (operator_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The timeline: every event of an order with actor, unit and time.
CREATE TABLE order_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,          -- NULL: the system (the sweep)
  unit_id INT UNSIGNED NULL,          -- the actor's unit
  kind VARCHAR(24) NOT NULL,
  target_unit_id INT UNSIGNED NULL,   -- dispatched / suggested to
  note TEXT NULL,
  KEY k_order_events (order_id, id),
  CONSTRAINT fk_order_events_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 退回申请 (D3): reason, basis and the unit believed responsible, all
-- required; decided by the office.
CREATE TABLE order_returns (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,      -- the unit asking to return it
  requested_by INT UNSIGNED NOT NULL,
  requested_at DATETIME NOT NULL,
  reason VARCHAR(500) NOT NULL,
  basis VARCHAR(1000) NOT NULL,
  suggested_unit_id INT UNSIGNED NOT NULL,
  state ENUM('pending','redispatched','refused','disputed') NOT NULL DEFAULT 'pending',
  decided_by INT UNSIGNED NULL,
  decided_at DATETIME NULL,
  decision_note VARCHAR(500) NULL,
  dispute_id INT UNSIGNED NULL,
  KEY k_order_returns_order (order_id),
  KEY k_order_returns_state (state, requested_at),
  KEY k_order_returns_unit (unit_id, state),
  CONSTRAINT fk_order_returns_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_order_returns_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_order_returns_suggested FOREIGN KEY (suggested_unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 争议: opened from a return (or an open order); the determination
-- procedure itself is the disputes issue. Here: the record and the link.
CREATE TABLE disputes (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT UNSIGNED NOT NULL,
  return_id INT UNSIGNED NULL,
  jurisdiction_id INT UNSIGNED NOT NULL,
  state ENUM('open','determined','closed') NOT NULL DEFAULT 'open',
  opened_by INT UNSIGNED NOT NULL,
  opened_at DATETIME NOT NULL,
  note VARCHAR(1000) NOT NULL DEFAULT '',
  KEY k_disputes_order (order_id),
  KEY k_disputes_state (jurisdiction_id, state, id),
  CONSTRAINT fk_disputes_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_disputes_return FOREIGN KEY (return_id) REFERENCES order_returns (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reminders the sweep writes into a unit's queue: due within a working
-- day, and overdue. One of each kind per order and dispatch.
CREATE TABLE order_reminders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  order_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  kind ENUM('due_soon','overdue') NOT NULL,
  due_date DATE NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY uk_order_reminders (order_id, unit_id, kind, due_date),
  KEY k_order_reminders_unit (unit_id, id),
  CONSTRAINT fk_order_reminders_order FOREIGN KEY (order_id) REFERENCES orders (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
