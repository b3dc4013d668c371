-- The procedure as people use it (issue 13).

-- An interim opinion (临时处理意见) hands a disputed order to its temporary
-- handling unit until the determination does: the order stays 'disputed',
-- its unit_id and due_date are the temporary unit's, and temp_handling
-- puts it in that unit's queue (order_store.c, HELD).
ALTER TABLE orders ADD COLUMN temp_handling TINYINT(1) NOT NULL DEFAULT 0;

-- A determination binds its lead unit (D6.5): it cannot return the order
-- again. Only the office lifts that, with its reason, recorded here and on
-- the dispute's timeline.
ALTER TABLE disputes ADD COLUMN unbound_at DATETIME NULL,
  ADD COLUMN unbound_reason VARCHAR(2000) NULL;

-- An operator's own intakes (我受理的), newest first.
ALTER TABLE orders ADD KEY k_orders_operator (operator_id, created_at);

-- Cooperating units (配合单位, D4.2) have a deadline of their own (the
-- lead's, set when the determination names them) and record their part,
-- which the order's timeline shows. The sweep finds the parts owed by
-- k_order_coops_owed.
ALTER TABLE order_coops ADD COLUMN due_date DATE NULL,
  ADD COLUMN part VARCHAR(2000) NULL,
  ADD COLUMN part_at DATETIME NULL,
  ADD COLUMN part_by INT UNSIGNED NULL,
  ADD KEY k_order_coops_owed (part_at, due_date);
