-- Disputed orders (D2-D8): the determination procedure, the 争议认定表,
-- joint meetings, execution and accountability. The state machine is
-- cgi-src/dispute.c.

-- Each jurisdiction's procedure (D7, D8): which units act as 编办, 法制局
-- (none: no legal step) and convener, the review days (3-5) and the days
-- the lead unit has to accept. A dispute follows the procedure in force on
-- the day it was opened; a jurisdiction without one follows the city's.
CREATE TABLE dispute_procedures (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  jurisdiction_id INT UNSIGNED NOT NULL,
  effective_from DATE NOT NULL,
  establishment_unit_id INT UNSIGNED NOT NULL,
  legal_unit_id INT UNSIGNED NULL,
  convener_unit_id INT UNSIGNED NOT NULL,
  review_days TINYINT UNSIGNED NOT NULL DEFAULT 5,
  accept_days TINYINT UNSIGNED NOT NULL DEFAULT 1,
  opinion_days TINYINT UNSIGNED NOT NULL DEFAULT 2,
  created_by INT UNSIGNED NULL,
  created_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  UNIQUE KEY uk_dispute_procedures (jurisdiction_id, effective_from),
  CONSTRAINT fk_dp_jur FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions (id),
  CONSTRAINT fk_dp_est FOREIGN KEY (establishment_unit_id) REFERENCES units (id),
  CONSTRAINT fk_dp_legal FOREIGN KEY (legal_unit_id) REFERENCES units (id),
  CONSTRAINT fk_dp_convener FOREIGN KEY (convener_unit_id) REFERENCES units (id),
  CONSTRAINT ck_dp_review CHECK (review_days BETWEEN 3 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The dispute itself (opened by issue 4's return decision or from any open
-- order). state: see cgi-src/dispute.h.
ALTER TABLE disputes
  MODIFY state ENUM('open','establishment','legal','meeting','ready','determined',
                    'accepted','refused') NOT NULL DEFAULT 'open',
  ADD COLUMN procedure_id INT UNSIGNED NULL AFTER jurisdiction_id,
  ADD COLUMN category_id INT UNSIGNED NULL AFTER procedure_id,
  ADD COLUMN content TEXT NULL AFTER note,
  ADD COLUMN stage_due DATE NULL,
  ADD COLUMN temp_unit_id INT UNSIGNED NULL,
  ADD COLUMN lead_unit_id INT UNSIGNED NULL,
  ADD COLUMN principle ENUM('mandate','law','timely') NULL,
  ADD COLUMN determination TEXT NULL,
  ADD COLUMN determined_by INT UNSIGNED NULL,
  ADD COLUMN determined_at DATETIME NULL,
  ADD COLUMN accept_due DATE NULL,
  ADD COLUMN answered_at DATETIME NULL,
  ADD COLUMN refusal TEXT NULL,
  ADD COLUMN contact_name VARCHAR(50) NOT NULL DEFAULT '',
  ADD COLUMN contact_phone VARCHAR(20) NOT NULL DEFAULT '',
  ADD KEY k_disputes_due (state, stage_due),
  ADD KEY k_disputes_lead (lead_unit_id, state),
  ADD KEY k_disputes_category (category_id, determined_at),
  ADD KEY k_disputes_state_id (state, id),
  ADD CONSTRAINT fk_disputes_procedure FOREIGN KEY (procedure_id) REFERENCES dispute_procedures (id),
  ADD CONSTRAINT fk_disputes_lead FOREIGN KEY (lead_unit_id) REFERENCES units (id);

-- 涉及部门 and their handling opinions (各职能部门处理意见), each with a
-- deadline; role 'lead'/'coop' once determined.
CREATE TABLE dispute_units (
  dispute_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  due_date DATE NOT NULL,
  opinion TEXT NULL,
  opinion_by INT UNSIGNED NULL,
  opinion_at DATETIME NULL,
  role ENUM('involved','lead','coop') NOT NULL DEFAULT 'involved',
  PRIMARY KEY (dispute_id, unit_id),
  KEY k_dispute_units_unit (unit_id, dispute_id),
  CONSTRAINT fk_du_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id),
  CONSTRAINT fk_du_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sealed opinions of the form's offices: the management office's
-- coordination (协调情况), 编办, 法制局, the joint meeting's decision.
-- kind: opinion (lead unit decided), refer (to 法制局), temporary
-- (临时处理意见 + a joint meeting asked for), coordination.
CREATE TABLE dispute_opinions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id INT UNSIGNED NOT NULL,
  stage ENUM('office','establishment','legal','meeting') NOT NULL,
  kind ENUM('coordination','opinion','refer','temporary') NOT NULL,
  text TEXT NOT NULL,
  lead_unit_id INT UNSIGNED NULL,
  coop_units VARCHAR(500) NOT NULL DEFAULT '',   -- unit ids, space-separated
  principle ENUM('mandate','law','timely') NULL,
  basis TEXT NULL,
  temp_unit_id INT UNSIGNED NULL,
  sealed_unit_id INT UNSIGNED NOT NULL,
  sealed_by INT UNSIGNED NOT NULL,
  sealed_at DATETIME NOT NULL,
  KEY k_dispute_opinions (dispute_id, id),
  KEY k_dispute_opinions_kind (kind, dispute_id),
  CONSTRAINT fk_do_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id),
  CONSTRAINT fk_do_seal FOREIGN KEY (sealed_unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each time the caller is told how the matter stands (D6.1).
CREATE TABLE dispute_contacts (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NOT NULL,
  what VARCHAR(1000) NOT NULL,
  KEY k_dispute_contacts (dispute_id, id),
  CONSTRAINT fk_dc_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The procedure's timeline, like an order's.
CREATE TABLE dispute_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  user_id INT UNSIGNED NULL,
  unit_id INT UNSIGNED NULL,
  kind VARCHAR(24) NOT NULL,
  note TEXT NULL,
  KEY k_dispute_events (dispute_id, id),
  CONSTRAINT fk_de_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 联席会议 (D6.3): proposed by the office with an agenda, scheduled by the
-- convener, held with attendance, minutes and a decision per dispute.
CREATE TABLE meetings (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  jurisdiction_id INT UNSIGNED NOT NULL,
  state ENUM('proposed','scheduled','held') NOT NULL DEFAULT 'proposed',
  proposed_by INT UNSIGNED NOT NULL,
  proposed_at DATETIME NOT NULL,
  topic VARCHAR(500) NOT NULL DEFAULT '',
  starts_at DATETIME NULL,              -- Beijing time, as entered
  place VARCHAR(200) NOT NULL DEFAULT '',
  invitees TEXT NULL,
  attendance TEXT NULL,
  minutes TEXT NULL,
  scheduled_by INT UNSIGNED NULL,
  held_by INT UNSIGNED NULL,
  KEY k_meetings (jurisdiction_id, state, id),
  CONSTRAINT fk_meetings_jur FOREIGN KEY (jurisdiction_id) REFERENCES jurisdictions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE meeting_items (
  meeting_id INT UNSIGNED NOT NULL,
  dispute_id INT UNSIGNED NOT NULL,
  decided TINYINT(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (meeting_id, dispute_id),
  KEY k_meeting_items_dispute (dispute_id),
  CONSTRAINT fk_mi_meeting FOREIGN KEY (meeting_id) REFERENCES meetings (id),
  CONSTRAINT fk_mi_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 问责 (D6.5): the facts of a lead unit's refusal or silence.
CREATE TABLE accountability (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  dispute_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  facts TEXT NOT NULL,
  state ENUM('open','closed') NOT NULL DEFAULT 'open',
  opened_by INT UNSIGNED NOT NULL,
  opened_at DATETIME NOT NULL,
  closed_by INT UNSIGNED NULL,
  closed_at DATETIME NULL,
  outcome TEXT NULL,
  KEY k_accountability (state, id),
  KEY k_accountability_dispute (dispute_id),
  CONSTRAINT fk_acc_dispute FOREIGN KEY (dispute_id) REFERENCES disputes (id),
  CONSTRAINT fk_acc_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cooperating units of a redispatched order (D4.2): they see it in their
-- queues beside the lead unit.
CREATE TABLE order_coops (
  order_id INT UNSIGNED NOT NULL,
  unit_id INT UNSIGNED NOT NULL,
  dispute_id INT UNSIGNED NULL,
  PRIMARY KEY (order_id, unit_id),
  KEY k_order_coops_unit (unit_id, order_id),
  CONSTRAINT fk_oc_order FOREIGN KEY (order_id) REFERENCES orders (id),
  CONSTRAINT fk_oc_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Similar past determinations (same category, similar content): the
-- dispute's content as bigrams under a FULLTEXT index (cgi-src/bigram.c).
ALTER TABLE disputes ADD COLUMN content_bg MEDIUMTEXT NULL, ADD FULLTEXT KEY ft_disputes_content (content_bg);

-- Routing rules may come from a determination.
ALTER TABLE routing_rules ADD COLUMN dispute_id INT UNSIGNED NULL;
