-- A year of demo activity before the current month, so that the
-- assessment (K10) has months to compute and the bulletin's charts have
-- something to draw. Loaded by `hotlinectl demo-load` after the demo
-- knowledge; deterministic (no RAND()); seq_0_to_N are MariaDB's Sequence engine. Every order here is finished
-- (answered at intake, three-way, or dispatched and closed) and numbered
-- -9NNN, outside the day's sequence the intake uses.
--
-- The share of calls answered from the knowledge base differs by unit and
-- grows over the year; a few units fall behind on monthly reviews and on
-- their knowledge-update orders.

-- The city's routing rules without keywords, numbered, and each unit's
-- published entries, numbered.
CREATE TEMPORARY TABLE demo_rules AS
  SELECT ROW_NUMBER() OVER (ORDER BY r.id) - 1 AS k, r.category_id, r.unit_id,
         (SELECT COUNT(*) FROM kb_entries e WHERE e.unit_id = r.unit_id
            AND e.published_version_id IS NOT NULL) AS entries
  FROM routing_rules r WHERE r.jurisdiction_id = 1 AND r.keywords = '';
CREATE TEMPORARY TABLE demo_entries AS
  SELECT e.id, e.unit_id, ROW_NUMBER() OVER (PARTITION BY e.unit_id ORDER BY e.id) - 1 AS k
  FROM kb_entries e WHERE e.published_version_id IS NOT NULL;

SET @demo_rules = (SELECT COUNT(*) FROM demo_rules);

-- 200 calls a month for 12 months: month m (1 = last month), a rule, a
-- moment in the month (Beijing time, stored in UTC).
CREATE TEMPORARY TABLE demo_calls AS
  SELECT s.seq AS n, 1 + s.seq MOD 12 AS m, r.category_id, r.unit_id, r.entries,
         CAST(DATE_SUB(DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m-01'),
                       INTERVAL 1 + s.seq MOD 12 MONTH)
              + INTERVAL (s.seq DIV 12) MOD 28 DAY + INTERVAL 9 + (s.seq DIV 12) MOD 9 HOUR AS DATETIME) AS at,
         -- 0..9: below the unit's threshold the call is answered at intake
         ((s.seq DIV 12) * 3 + r.unit_id) MOD 10 AS draw,
         3 + r.unit_id MOD 4 + (12 - (1 + s.seq MOD 12)) DIV 4 AS threshold
  FROM seq_0_to_2399 s JOIN demo_rules r
    ON r.k = (s.seq DIV 12) MOD @demo_rules;

INSERT INTO orders (number, jurisdiction_id, channel, caller_name, caller_phone, category_id,
  place, content, demand, state, kb_entry_id, three_way_unit_id, unit_id, operator_id,
  created_at, dispatched_at, due_date, accepted_at, replied_at, reply, closed_at, satisfaction)
SELECT CONCAT('meizhou-', DATE_FORMAT(c.at, '%Y%m%d'), '-', 9000 + c.n DIV 12),
  1, IF(c.n MOD 5 = 0, 'web', 'phone'), '市民', CONCAT('1380753', LPAD(c.n, 4, '0')),
  c.category_id, '梅江区', CONCAT('咨询', cat.name, '有关事项（演示记录）'), '',
  CASE WHEN c.entries > 0 AND c.draw < c.threshold THEN 'answered'
       WHEN c.draw = 9 THEN 'three_way' ELSE 'closed' END,
  IF(c.entries > 0 AND c.draw < c.threshold,
     (SELECT e.id FROM demo_entries e WHERE e.unit_id = c.unit_id AND e.k = c.n MOD c.entries),
     NULL),
  IF(NOT (c.entries > 0 AND c.draw < c.threshold) AND c.draw = 9, c.unit_id, NULL),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, c.unit_id),
  IF(c.n MOD 2 = 0, 2, 3),
  c.at - INTERVAL 8 HOUR,
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, c.at - INTERVAL 8 HOUR),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, DATE(c.at) + INTERVAL 7 DAY),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, c.at - INTERVAL 6 HOUR),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, c.at + INTERVAL 2 DAY),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, '已按政策答复来电人。'),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL, c.at + INTERVAL 3 DAY),
  IF(c.entries > 0 AND c.draw < c.threshold OR c.draw = 9, NULL,
     ELT(1 + c.n MOD 3, 'satisfied', 'satisfied', 'basic'))
FROM demo_calls c JOIN order_categories cat ON cat.id = c.category_id;

-- Monthly reviews: most units review every entry; three fall behind.
INSERT INTO kb_reviews (entry_id, month, user_id, at)
SELECT e.id, DATE_FORMAT(DATE_SUB(DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 8 HOUR, '%Y-%m-01'),
                                  INTERVAL s.seq MONTH), '%Y-%m'), 1, UTC_TIMESTAMP()
FROM demo_entries e JOIN seq_1_to_12 s
WHERE e.unit_id NOT IN (15, 21, 24) OR (e.id + s.seq) MOD 3 = 0;

-- Knowledge-update orders: two a month on the units' entries; answered in
-- two working days, except at two units, which answer late.
INSERT INTO kb_updates (entry_id, unit_id, problem, text, state, reporter_id, due_date,
  reply, created_at, updated_at)
SELECT e.id, e.unit_id, 'unclear', '话务员反馈：口径不够清楚（演示记录）。', 'confirmed', 2,
  DATE(c.at) + INTERVAL 7 DAY, '已补充说明。', c.at - INTERVAL 8 HOUR, c.at
FROM demo_calls c JOIN demo_entries e ON e.unit_id = c.unit_id AND e.k = 0
WHERE c.n MOD 50 = 7;
INSERT INTO kb_update_events (update_id, at, user_id, unit_id, action, text)
SELECT k.id, k.created_at, 2, 2, 'report', k.text FROM kb_updates k WHERE k.text LIKE '%演示记录%';
INSERT INTO kb_update_events (update_id, at, user_id, unit_id, action, text)
SELECT k.id, k.created_at + INTERVAL IF(k.unit_id IN (11, 26), 12, 2) DAY, 1, k.unit_id, 'reply',
  k.reply FROM kb_updates k WHERE k.text LIKE '%演示记录%';

-- The inspectors' samples of each month: one in four answered calls, about
-- one in nine of them marked inaccurate.
INSERT INTO qa_samples (month, order_id, entry_id, unit_id, verdict, reason, fault_entry_id,
  inspector_id, marked_at)
SELECT DATE_FORMAT(o.created_at + INTERVAL 8 HOUR, '%Y-%m'), o.id, o.kb_entry_id, e.unit_id,
  IF((o.id DIV 48 + e.unit_id) MOD 9 = 0, 'inaccurate', 'accurate'),
  IF((o.id DIV 48 + e.unit_id) MOD 9 = 0, '答复口径与现行政策不一致（演示记录）', ''),
  IF((o.id DIV 48 + e.unit_id) MOD 9 = 0, o.kb_entry_id, NULL), 4, o.created_at + INTERVAL 5 DAY
FROM orders o JOIN kb_entries e ON e.id = o.kb_entry_id
WHERE o.state = 'answered' AND o.number LIKE '%-9%' AND (o.id DIV 12) MOD 4 = 1;

-- Most units have named who answers for their knowledge (K8.1); the two
-- with demo editors and approvers, and a few others, have not yet.
INSERT INTO unit_kb_people (unit_id, leader_name, leader_phone, owner_name, owner_phone,
  updated_by)
SELECT u.id, ELT(1 + u.id MOD 8, '陈志强', '李建国', '黄卫东', '张丽华', '刘明远', '钟小燕',
  '罗国华', '曾海涛'), CONCAT('0753-22', LPAD(u.id, 5, '0')),
  ELT(1 + u.id MOD 7, '温晓琳', '古志华', '廖丽萍', '谢文斌', '侯海燕', '叶思远', '丘秀兰'),
  CONCAT('0753-23', LPAD(u.id, 5, '0')), 1
FROM units u WHERE u.kind NOT IN ('callcentre') AND u.id NOT IN (11, 14, 16, 25, 105)
  AND u.id IN (SELECT DISTINCT unit_id FROM kb_entries);

DROP TEMPORARY TABLE demo_calls;
DROP TEMPORARY TABLE demo_entries;
DROP TEMPORARY TABLE demo_rules;
