-- The office's search at 1,000,000 orders (issue 15).
-- Overdue orders of a period: 30 days of orders were read row by row to
-- find the overdue flag, 1.35 s; along (overdue, created_at) only the
-- overdue of the period are read.
-- A unit's orders of a period: read along created_at and filtered, 26 ms;
-- along (unit_id, created_at) only that unit's.
ALTER TABLE orders ADD KEY k_orders_overdue (overdue, created_at),
  ADD KEY k_orders_unit_created (unit_id, created_at);
