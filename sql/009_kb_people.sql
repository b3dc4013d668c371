-- Who answers for each unit's knowledge (K8.1, issue 14): the leader in
-- charge (分管领导) and the person responsible (责任人), with their phones,
-- kept by the unit's approver and shown to the office. A unit without a
-- row is a finding.
CREATE TABLE unit_kb_people (
  unit_id INT UNSIGNED NOT NULL PRIMARY KEY,
  leader_name VARCHAR(50) NOT NULL,
  leader_phone VARCHAR(20) NOT NULL,
  owner_name VARCHAR(50) NOT NULL,
  owner_phone VARCHAR(20) NOT NULL,
  updated_by INT UNSIGNED NOT NULL,
  updated_at DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
  CONSTRAINT fk_kb_people_unit FOREIGN KEY (unit_id) REFERENCES units (id),
  CONSTRAINT fk_kb_people_user FOREIGN KEY (updated_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
