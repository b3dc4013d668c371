-- One intake form files one order, however often it is sent (issue 13's
-- fault test): the form carries a random key, and a key already filed
-- answers with its order. A 503 whose commit had in fact landed (the
-- database went away between COMMIT and its answer) then costs nothing:
-- sending the form again finds the order instead of filing it twice.
ALTER TABLE orders ADD COLUMN intake_key CHAR(64) NULL,
  ADD UNIQUE KEY uk_orders_intake_key (intake_key);
