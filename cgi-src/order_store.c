#include "order_store.h"

#include <string.h>

enum stmt {
	STMT_CATEGORIES,
	STMT_CATEGORY,
	STMT_UNITS,
	STMT_UNIT,
	STMT_JURS,
	STMT_INTAKE_REFS,
	STMT_RULES,
	STMT_BY_PHONE,
	STMT_NEXT_SEQ,
	STMT_INSERT,
	STMT_BY_INTAKE_KEY,
	STMT_EVENT,
	STMT_GET,
	STMT_LOCK,
	STMT_EVENTS,
	STMT_SET_STATE,
	STMT_ACCEPT,
	STMT_REPLY,
	STMT_REOPEN,
	STMT_CLOSE,
	STMT_REDISPATCH,
	STMT_HAND_TEMPORARY,
	STMT_RETURN_INSERT,
	STMT_RETURN_PENDING,
	STMT_RETURN_DECIDE,
	STMT_RETURNS,
	STMT_RETURN_COUNTS,
	STMT_IS_COOP,
	STMT_COOP_PARTS,
	STMT_COOP_RECORD,
	STMT_SWEEP_COOPS,
	STMT_QUEUE,
	STMT_QUEUE_SIDE,
	STMT_SEARCH,
	STMT_SEARCH_COUNT,
	STMT_COUNT_DAYS,
	STMT_COUNT_JUR,
	STMT_COUNT_STATE,
	STMT_COUNT_UNIT,
	STMT_COUNT_CATEGORY,
	STMT_COUNT_OVERDUE,
	STMT_MINE,
	STMT_SWEEP_GET_LOCK,
	STMT_SWEEP_RELEASE_LOCK,
	STMT_SWEEP_LATE,
	STMT_SWEEP_SOON,
	STMT_SWEEP_LOCK,
	STMT_MARK_OVERDUE,
	STMT_REMIND,
	STMT_RETENTION,
	STMT_RETENTION_SET,
	STMT_ANONYMISE,
	STMT_TAKE,
	STMT_CANDIDATES,
	STMT_MERGE,
	STMT_MERGED,
	STMT_PENDING,
	STMT_LIKELY_DUPES,
	STMT_SET_QCODE,
	STMT_DUP_DAYS,
	STMT_DUP_DAYS_SET,
	STMT_REPOINT,
	STMT_ANONYMISE_O311,
	STMT_NOT_DUPLICATE,
	STMT__MAX
};

DB_ROW_COLS(order_category_row, ORDER_CATEGORY_ROW);
DB_ROW_COLS(order_unit_row, ORDER_UNIT_ROW);
DB_ROW_COLS(order_jur_row, ORDER_JUR_ROW);
DB_ROW_COLS(order_refs_row, ORDER_REFS_ROW);
DB_ROW_COLS(order_rule_row, ORDER_RULE_ROW);
DB_ROW_COLS(order_past_row, ORDER_PAST_ROW);
DB_ROW_COLS(order_row, ORDER_ROW);
DB_ROW_COLS(order_lock_row, ORDER_LOCK_ROW);
DB_ROW_COLS(order_event_row, ORDER_EVENT_ROW);
DB_ROW_COLS(order_return_row, ORDER_RETURN_ROW);
DB_ROW_COLS(order_pending_row, ORDER_PENDING_ROW);
DB_ROW_COLS(order_return_count_row, ORDER_RETURN_COUNT_ROW);
DB_ROW_COLS(order_queue_row, ORDER_QUEUE_ROW);
DB_ROW_COLS(order_queue_side_row, ORDER_QUEUE_SIDE_ROW);
DB_ROW_COLS(order_found_row, ORDER_FOUND_ROW);
DB_ROW_COLS(order_coop_part_row, ORDER_COOP_PART_ROW);
DB_ROW_COLS(order_coop_due_row, ORDER_COOP_DUE_ROW);
DB_ROW_COLS(order_due_row, ORDER_DUE_ROW);

/* The reminder of this kind for the order's current unit and due date, if
 * any: a probe of uk_order_reminders per order (a LEFT JOIN, as NOT EXISTS
 * may be materialised by scanning every reminder). A redispatch (new unit
 * or due date) may be reminded again. */
#define REMINDER(kind) \
	" LEFT JOIN order_reminders r ON r.order_id = o.id AND r.unit_id = o.unit_id" \
	" AND r.kind = '" kind "' AND r.due_date = o.due_date"

#define OPEN_STATES "('dispatched', 'accepted', 'return_requested')"
/* The office's search (order_filter; dates are Beijing days, created_at
 * is UTC). */
#define SEARCH_WHERE                                                       \
	" WHERE o.created_at >= CAST(? AS DATETIME) - INTERVAL 8 HOUR"     \
	" AND o.created_at < CAST(? AS DATETIME) + INTERVAL 16 HOUR"       \
	" AND (? = 0 OR o.jurisdiction_id = ?) AND (? = '' OR o.number = ?)" \
	" AND (? = '' OR o.caller_phone = ?) AND (? = '' OR o.state = ?)"  \
	" AND (? = 0 OR o.unit_id = ?) AND (? = 0 OR o.category_id = ?)"  \
	" AND (? = 0 OR o.overdue = 1)"
/* Orders a unit holds: open ones, and a disputed one that an interim
 * opinion (临时处理意见) handed to it until the determination (alias p). */
#define HELD(p) " (" p "state IN ('dispatched', 'accepted', 'return_requested', 'disputed')" \
	" AND (" p "state <> 'disputed' OR " p "temp_handling = 1))"

#define RETENTION_ROW(X, S) X(S, INT, months, "retain_months")
DB_ROW_STRUCT(retention_row, RETENTION_ROW);
DB_ROW_COLS(retention_row, RETENTION_ROW);

/* The next working day after ? (a date) on the calendar: no spell of
 * days off is 31 days long. One parameter. */
#define NEXT_WORKDAY                                                         \
	"(SELECT MIN(s.day) FROM (SELECT CAST(? AS DATE) + INTERVAL seq DAY AS day" \
	" FROM seq_1_to_31) s LEFT JOIN calendar_days cd ON cd.day = s.day"  \
	" WHERE COALESCE(cd.kind = 'workday', WEEKDAY(s.day) < 5))"

/* The search's count by one column (which has a (column, created_at)
 * index): parameters the column's value, from, to, the cap. */
#define COUNT_BY(col)                                                        \
	"SELECT COUNT(*) FROM (SELECT 1 FROM orders o WHERE o." col " = ?"  \
	" AND o.created_at >= CAST(? AS DATETIME) - INTERVAL 8 HOUR"         \
	" AND o.created_at < CAST(? AS DATETIME) + INTERVAL 16 HOUR LIMIT ?) t"

static const char *const sql[STMT__MAX] = {
	[STMT_RETENTION] = "SELECT " DB_COLS(RETENTION_ROW) " FROM privacy_settings WHERE id = 1",
	[STMT_RETENTION_SET] = "UPDATE privacy_settings SET retain_months = ?, updated_by = ?,"
	" updated_at = UTC_TIMESTAMP() WHERE id = 1",
	[STMT_ANONYMISE] = "UPDATE orders SET caller_name = '', caller_phone = '',"
	" anonymised_at = UTC_TIMESTAMP()"
	" WHERE anonymised_at IS NULL AND created_at < UTC_TIMESTAMP() - INTERVAL ? MONTH"
	" AND state IN ('answered', 'three_way', 'closed', 'referred') ORDER BY created_at LIMIT ?",
	/* What another system sent about its caller goes with the caller. */
	[STMT_ANONYMISE_O311] = "UPDATE open311_requests r JOIN orders o ON o.id = r.order_id"
	" SET r.email = '', r.device_id = '', r.account_id = '', r.lat = NULL, r.lon = NULL"
	" WHERE o.anonymised_at >= UTC_TIMESTAMP() - INTERVAL 1 DAY"
	" AND (r.email <> '' OR r.device_id <> '' OR r.account_id <> '' OR r.lat IS NOT NULL)",
	[STMT_CATEGORIES] = "SELECT " DB_COLS(ORDER_CATEGORY_ROW) " FROM order_categories c"
	" LEFT JOIN order_categories p ON p.id = c.parent_id"
	" WHERE c.active = 1 AND NOT EXISTS (SELECT 1 FROM order_categories k"
	"  WHERE k.parent_id = c.id AND k.active = 1)"
	" ORDER BY COALESCE(c.parent_id, c.id), c.id LIMIT 1000",
	[STMT_CATEGORY] = "SELECT " DB_COLS(ORDER_CATEGORY_ROW) " FROM order_categories c"
	" LEFT JOIN order_categories p ON p.id = c.parent_id"
	" WHERE c.id = ? AND c.active = 1",
	[STMT_UNITS] = "SELECT " DB_COLS(ORDER_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.active = 1 AND u.kind IN ('department', 'enterprise', 'other', 'government')"
	" AND (? = 0 OR u.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY j.parent_id IS NOT NULL, j.id, u.id LIMIT 2000",
	[STMT_UNIT] = "SELECT " DB_COLS(ORDER_UNIT_ROW) " FROM units u"
	" JOIN jurisdictions j ON j.id = u.jurisdiction_id"
	" WHERE u.id = ? AND u.active = 1"
	" AND u.kind IN ('department', 'enterprise', 'other', 'government')",
	[STMT_JURS] = "SELECT " DB_COLS(ORDER_JUR_ROW) " FROM jurisdictions WHERE active = 1"
	" ORDER BY parent_id IS NOT NULL, id LIMIT 500",
	/* One row whatever the form names: each reference a primary-key
	 * lookup (the intake key, a unique one). */
	[STMT_INTAKE_REFS] = "SELECT " DB_COLS(ORDER_REFS_ROW)
	" FROM (SELECT CAST(? AS DATE) AS today, ? AS k) t"
	" LEFT JOIN jurisdictions j ON j.id = ? AND j.active = 1"
	" LEFT JOIN order_categories c ON c.id = ? AND c.active = 1"
	" LEFT JOIN units u ON u.id = ? AND u.active = 1"
	"  AND u.kind IN ('department', 'enterprise', 'other', 'government')"
	" LEFT JOIN jurisdictions uj ON uj.id = u.jurisdiction_id"
	" LEFT JOIN kb_entries e ON e.id = ?"
	" LEFT JOIN orders p ON p.id = ? AND p.state = 'pending'"
	" LEFT JOIN orders lo ON lo.id = ?",
	[STMT_RULES] = "SELECT " DB_COLS(ORDER_RULE_ROW) " FROM routing_rules r"
	" JOIN units u ON u.id = r.unit_id AND u.active = 1"
	" JOIN jurisdictions j ON j.id = r.jurisdiction_id"
	" WHERE r.category_id = ? AND r.active = 1"
	" AND (r.jurisdiction_id = ? OR j.parent_id IS NULL)"
	" ORDER BY r.jurisdiction_id = ? DESC, r.keywords = '', r.id DESC LIMIT 50",
	[STMT_BY_PHONE] = "SELECT " DB_COLS(ORDER_PAST_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" LEFT JOIN units u ON u.id = o.unit_id"
	" WHERE o.caller_phone = ? ORDER BY o.created_at DESC, o.id DESC LIMIT 10",
	/* LAST_INSERT_ID(expr) hands the new value back. */
	[STMT_NEXT_SEQ] = "INSERT INTO order_numbers (jurisdiction_id, day, last_seq) VALUES (?,"
	" ?, 1)"
	" ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)",
	[STMT_INSERT] = "INSERT INTO orders (number, jurisdiction_id, channel, caller_name,"
	" caller_phone, category_id, place, content, demand, cause, contradiction,"
	" state, kb_entry_id, three_way_unit_id, unit_id, operator_id, created_at,"
	" dispatched_at, due_date, closed_at, intake_key, query_hash, likely_dup_of)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), UTC_TIMESTAMP(),"
	" IF(? = 'dispatched', UTC_TIMESTAMP(), NULL), ?,"
	" IF(? IN ('dispatched', 'pending'), NULL, UTC_TIMESTAMP()), NULLIF(?, ''),"
	" NULLIF(?, ''), NULLIF(?, 0))",
	[STMT_BY_INTAKE_KEY] = "SELECT id FROM orders WHERE intake_key = ?",
	[STMT_EVENT] = "INSERT INTO order_events (order_id, at, user_id, unit_id, kind,"
	" target_unit_id, note) VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0),"
	" NULLIF(?, 0), ?, NULLIF(?, 0), ?)",
	[STMT_GET] = "SELECT " DB_COLS(ORDER_ROW)
	" FROM orders o JOIN jurisdictions j ON j.id = o.jurisdiction_id"
	" JOIN order_categories c ON c.id = o.category_id"
	" LEFT JOIN users op ON op.id = o.operator_id"
	" LEFT JOIN units u ON u.id = o.unit_id"
	" LEFT JOIN units tw ON tw.id = o.three_way_unit_id"
	" LEFT JOIN orders mo ON mo.id = o.merged_into"
	" LEFT JOIN orders lo ON lo.id = o.likely_dup_of"
	" LEFT JOIN kb_entries e ON e.id = o.kb_entry_id"
	" LEFT JOIN kb_versions v ON v.id = e.published_version_id"
	/* the pending return, as STMT_RETURN_PENDING finds it */
	" LEFT JOIN order_returns rr ON rr.id = (SELECT MAX(r.id) FROM order_returns r"
	"  WHERE r.order_id = o.id AND r.state = 'pending')"
	" LEFT JOIN units ru ON ru.id = rr.unit_id LEFT JOIN units rs ON rs.id = rr.suggested_unit_id"
	" LEFT JOIN users rus ON rus.id = rr.requested_by"
	" WHERE o.id = ?",
	[STMT_LOCK] = "SELECT " DB_COLS(ORDER_LOCK_ROW) " FROM orders WHERE id = ? FOR UPDATE",
	[STMT_EVENTS] = "SELECT " DB_COLS(ORDER_EVENT_ROW) " FROM order_events e LEFT"
	" JOIN users us ON us.id = e.user_id"
	" LEFT JOIN units un ON un.id = e.unit_id"
	" LEFT JOIN units t ON t.id = e.target_unit_id"
	" WHERE e.order_id = ? ORDER BY e.id LIMIT 1000",
	[STMT_SET_STATE] = "UPDATE orders SET state = ? WHERE id = ? AND state = ?",
	[STMT_ACCEPT] = "UPDATE orders SET state = 'accepted', accepted_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND state = 'dispatched'",
	[STMT_REPLY] = "UPDATE orders SET state = 'replied', reply = ?,"
	" replied_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND state = 'accepted'",
	/* the callback and closing belong to the earlier round
	 * (kept on the timeline). */
	[STMT_REOPEN] = "UPDATE orders SET state = 'accepted', satisfaction = NULL,"
	" closed_at = NULL"
	" WHERE id = ? AND state = 'closed' AND satisfaction = 'dissatisfied'",
	[STMT_CLOSE] = "UPDATE orders SET state = 'closed', satisfaction = ?,"
	" closed_at = UTC_TIMESTAMP() WHERE id = ? AND state = 'replied'",
	[STMT_REDISPATCH] = "UPDATE orders SET state = 'dispatched', unit_id = ?, due_date = ?,"
	" dispatched_at = UTC_TIMESTAMP(), accepted_at = NULL, replied_at = NULL,"
	" overdue = 0, temp_handling = 0, returns = returns + ? WHERE id = ? AND state = ?",
	[STMT_HAND_TEMPORARY] = "UPDATE orders SET unit_id = ?, due_date = ?, overdue = 0,"
	" temp_handling = 1 WHERE id = ? AND state = 'disputed'",
	[STMT_RETURN_INSERT] = "INSERT INTO order_returns (order_id, unit_id, requested_by,"
	" requested_at,"
	" reason, basis, suggested_unit_id) VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, ?, ?)",
	[STMT_RETURN_PENDING] = "SELECT " DB_COLS(ORDER_RETURN_ROW) " FROM order_returns r"
	" JOIN units u ON u.id = r.unit_id JOIN units s ON s.id = r.suggested_unit_id"
	" JOIN users us ON us.id = r.requested_by"
	" WHERE r.order_id = ? AND r.state = 'pending' ORDER BY r.id DESC LIMIT 1",
	[STMT_RETURN_DECIDE] = "UPDATE order_returns SET state = ?, decided_by = ?,"
	" decided_at = UTC_TIMESTAMP(), decision_note = ?, dispute_id = NULLIF(?, 0)"
	" WHERE id = ? AND state = 'pending'",
	/* Oldest first along (state, requested_at), stopping at the page:
	 * left alone, the optimiser started from the units and sorted every
	 * pending return joined to its order (issue 15). */
	[STMT_RETURNS] = "SELECT STRAIGHT_JOIN " DB_COLS(ORDER_PENDING_ROW)
	" FROM order_returns r FORCE INDEX (k_order_returns_state)"
	" JOIN orders o ON o.id = r.order_id"
	" JOIN units u ON u.id = r.unit_id JOIN units s ON s.id = r.suggested_unit_id"
	" WHERE r.state = 'pending' AND (? = 0 OR o.jurisdiction_id = ?)"
	" ORDER BY r.requested_at, r.id LIMIT ? OFFSET ?",
	[STMT_RETURN_COUNTS] = "SELECT " DB_COLS(ORDER_RETURN_COUNT_ROW) " FROM order_returns r"
	" JOIN units u ON u.id = r.unit_id"
	" WHERE (? = 0 OR u.jurisdiction_id = ?)"
	" GROUP BY r.unit_id, u.name ORDER BY COUNT(*) DESC, u.name LIMIT 500",
	[STMT_IS_COOP] = "SELECT 1 FROM order_coops WHERE order_id = ? AND unit_id = ?",
	[STMT_COOP_PARTS] = "SELECT " DB_COLS(ORDER_COOP_PART_ROW) " FROM order_coops oc"
	" JOIN units u ON u.id = oc.unit_id LEFT JOIN users us ON us.id = oc.part_by"
	" WHERE oc.order_id = ? ORDER BY oc.unit_id LIMIT 50",
	[STMT_COOP_RECORD] = "UPDATE order_coops SET part = ?, part_at = UTC_TIMESTAMP(),"
	" part_by = ? WHERE order_id = ? AND unit_id = ? AND part_at IS NULL",
	/* k_orders_queue (unit, state, due) bounds the read to the unit's
	 * held orders (the EXPLAIN check of test_order_search). Every list
	 * of orders starts from orders (STRAIGHT_JOIN), the rest being
	 * lookups by key: at 10,000,000 orders, with the statistics of a
	 * bulk load, the optimiser started the search from the 45 categories
	 * and sorted 30 days of orders, 6.6 s. */
	[STMT_QUEUE] = "SELECT STRAIGHT_JOIN " DB_COLS(ORDER_QUEUE_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" WHERE o.unit_id = ? AND" HELD("o.")
	" AND (? = '' OR (? = 'new' AND o.state = 'dispatched')"
	"  OR (? = 'active' AND o.state = 'accepted')"
	"  OR (? = 'due' AND o.due_date >= ? AND o.due_date <= " NEXT_WORKDAY ")"
	"  OR (? = 'overdue' AND o.due_date < ?)"
	"  OR (? = 'return' AND o.state = 'return_requested'))"
	" ORDER BY o.due_date, o.id LIMIT ? OFFSET ?",
	/* The counts with the next working day; the reminders of the unit's
	 * own held orders and of owed parts of orders it cooperates on; then
	 * those orders. */
	[STMT_QUEUE_SIDE] = "SELECT " DB_COLS(ORDER_QUEUE_SIDE_ROW) " FROM ("
	"(SELECT 'K' AS kind, 0 AS id, '' AS number, " DB_DAY("w.soon") " AS due,"
	"  '' AS rkind, '' AS at, '' AS state, '' AS category, '' AS phone,"
	"  '' AS content, '' AS lead, 0 AS done,"
	"  COALESCE(SUM(o.state = 'dispatched'), 0) AS n_fresh,"
	"  COALESCE(SUM(o.state = 'accepted'), 0) AS n_active,"
	"  COALESCE(SUM(o.due_date >= w.today AND o.due_date <= w.soon), 0) AS n_due,"
	"  COALESCE(SUM(o.due_date < w.today), 0) AS n_overdue,"
	"  COALESCE(SUM(o.state = 'return_requested'), 0) AS n_ret,"
	"  COALESCE(SUM(o.state = 'disputed'), 0) AS n_temp, '' AS s1, 0 AS s2"
	" FROM (SELECT CAST(? AS DATE) AS today, " NEXT_WORKDAY " AS soon) w"
	" LEFT JOIN orders o ON o.unit_id = ? AND" HELD("o.") ")"
	" UNION ALL "
	"(SELECT 'R', m.order_id, o.number, " DB_DAY("m.due_date") ", m.kind,"
	"  " DB_BJ_MINUTE("m.created_at") ", '', '', '', '', '', 0, 0, 0, 0, 0, 0, 0,"
	"  '', -m.id"
	" FROM order_reminders m JOIN orders o ON o.id = m.order_id"
	" WHERE m.unit_id = ? AND ((o.unit_id = m.unit_id AND" HELD("o.") ")"
	" OR (o.state IN " OPEN_STATES " AND EXISTS (SELECT 1 FROM order_coops oc"
	"  WHERE oc.order_id = m.order_id AND oc.unit_id = m.unit_id"
	"  AND oc.due_date = m.due_date AND oc.part_at IS NULL)))"
	" ORDER BY m.id DESC LIMIT 20)"
	" UNION ALL "
	"(SELECT 'C', o.id, o.number, " DB_DAY("oc.due_date") ", '', '', o.state, c.name,"
	"  o.caller_phone, LEFT(o.content, 60), u.name, oc.part_at IS NOT NULL,"
	"  0, 0, 0, 0, 0, 0, oc.due_date, o.id"
	" FROM order_coops oc JOIN orders o ON o.id = oc.order_id"
	" JOIN order_categories c ON c.id = o.category_id LEFT JOIN units u ON u.id = o.unit_id"
	" WHERE oc.unit_id = ? AND o.state IN " OPEN_STATES " ORDER BY oc.due_date, o.id LIMIT 100)"
	") x ORDER BY x.kind = 'K' DESC, x.kind DESC, x.s1, x.s2",
	/* Cooperating units whose part is owed, due in [from, to), not yet
	 * reminded of this kind (plain reads: the reminder is INSERT IGNORE). */
	[STMT_SWEEP_COOPS] = "SELECT " DB_COLS(ORDER_COOP_DUE_ROW) " FROM order_coops oc"
	" JOIN orders o ON o.id = oc.order_id"
	" LEFT JOIN order_reminders r ON r.order_id = oc.order_id AND r.unit_id = oc.unit_id"
	" AND r.kind = ? AND r.due_date = oc.due_date"
	" WHERE oc.part_at IS NULL AND o.state IN " OPEN_STATES
	" AND oc.due_date >= ? AND oc.due_date < ? AND r.id IS NULL LIMIT ?",
	/* dates are Beijing days; created_at is UTC. */
	/* An operator's own intakes, newest first (k_orders_operator). */
	[STMT_MINE] = "SELECT STRAIGHT_JOIN " DB_COLS(ORDER_FOUND_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" JOIN jurisdictions j ON j.id = o.jurisdiction_id"
	" LEFT JOIN units u ON u.id = o.unit_id"
	" WHERE o.operator_id = ? ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	[STMT_SEARCH] = "SELECT STRAIGHT_JOIN " DB_COLS(ORDER_FOUND_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" JOIN jurisdictions j ON j.id = o.jurisdiction_id"
	" LEFT JOIN units u ON u.id = o.unit_id" SEARCH_WHERE
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	/* How many orders the search finds, counted up to a cap. */
	[STMT_SEARCH_COUNT] = "SELECT COUNT(*) FROM (SELECT 1 FROM orders o" SEARCH_WHERE
	" LIMIT ?) t",
	/* The same count when the dates and at most one other filter apply:
	 * read from that filter's (column, created_at) index alone. The
	 * general statement names every filter's column, so no index covers
	 * it and each order's row is read: 10,001 of them took 20-30 ms at
	 * 1,000,000 orders. */
	[STMT_COUNT_DAYS] = "SELECT COUNT(*) FROM (SELECT 1 FROM orders o"
	" WHERE o.created_at >= CAST(? AS DATETIME) - INTERVAL 8 HOUR"
	" AND o.created_at < CAST(? AS DATETIME) + INTERVAL 16 HOUR LIMIT ?) t",
	[STMT_COUNT_JUR] = COUNT_BY("jurisdiction_id"),
	[STMT_COUNT_STATE] = COUNT_BY("state"),
	[STMT_COUNT_UNIT] = COUNT_BY("unit_id"),
	[STMT_COUNT_CATEGORY] = COUNT_BY("category_id"),
	[STMT_COUNT_OVERDUE] = COUNT_BY("overdue"),
	/* The sweep's (order_sweep.c). The candidate queries are range scans
	 * of k_orders_due (state, due_date) over open orders only; plain
	 * reads, so they lock nothing. Each candidate is then locked and
	 * checked again before anything is written. The writes are single-row
	 * INSERT ... VALUES: an INSERT ... SELECT would hold the table's
	 * auto-increment lock while it waits for an order's row lock, and so
	 * deadlock with a handler that holds the row and adds an event. One
	 * sweep at a time, across hosts: two would take the same rows in turn,
	 * and their duplicate reminders' gap locks can deadlock. The lock is
	 * released when the connection ends, too. */
	[STMT_SWEEP_GET_LOCK] = "SELECT GET_LOCK('hotline.order_sweep', 0)",
	[STMT_SWEEP_RELEASE_LOCK] = "SELECT RELEASE_LOCK('hotline.order_sweep')",
	/* open, past due, and not yet marked or not yet reminded. */
	[STMT_SWEEP_LATE] = "SELECT o.id FROM orders o" REMINDER("overdue")
	" WHERE" HELD("o.") " AND o.due_date < ?"
	" AND (o.overdue = 0 OR (o.unit_id IS NOT NULL AND r.id IS NULL))"
	" LIMIT ?",
	/* open, due in [from, to), not yet reminded. */
	[STMT_SWEEP_SOON] = "SELECT o.id FROM orders o" REMINDER("due_soon")
	" WHERE" HELD("o.") " AND o.due_date >= ? AND o.due_date < ?"
	" AND o.unit_id IS NOT NULL AND r.id IS NULL"
	" LIMIT ?",
	/* the order as it is now, if still open and due in [from, to). */
	[STMT_SWEEP_LOCK] = "SELECT " DB_COLS(ORDER_DUE_ROW) " FROM orders"
	" WHERE id = ? AND" HELD("") " AND due_date >= ? AND due_date < ?"
	" FOR UPDATE",
	[STMT_MARK_OVERDUE] = "UPDATE orders SET overdue = 1 WHERE id = ?",
	/* a rerun, or a concurrent sweep, adds nothing. */
	[STMT_REMIND] = "INSERT IGNORE INTO order_reminders (order_id, unit_id, kind, due_date,"
	" created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	/* An operator takes a request another system filed (state pending). */
	[STMT_TAKE] = "UPDATE orders SET state = ?, caller_name = ?, caller_phone = ?,"
	" category_id = ?, jurisdiction_id = ?, place = ?, content = ?, demand = ?, cause = ?,"
	" contradiction = ?, kb_entry_id = NULLIF(?, 0), three_way_unit_id = NULLIF(?, 0),"
	" unit_id = NULLIF(?, 0), operator_id = ?,"
	" dispatched_at = IF(? = 'dispatched', UTC_TIMESTAMP(), NULL), due_date = ?,"
	" closed_at = IF(? = 'dispatched', NULL, UTC_TIMESTAMP()), intake_key = NULLIF(?, ''),"
	" likely_dup_of = NULLIF(?, 0) WHERE id = ? AND state = 'pending'",
	/* Likely duplicates: the same phone, or the same category, within
	 * the last days; the C side scores place and content. Orders already
	 * merged point at their master instead. */
	[STMT_CANDIDATES] = "SELECT " DB_COLS(ORDER_CANDIDATE_ROW) " FROM"
	" (SELECT dup_days AS days FROM privacy_settings WHERE id = 1) d JOIN ("
	" (SELECT o.id FROM orders o WHERE o.caller_phone = ? AND ? <> ''"
	"  AND o.created_at >= UTC_TIMESTAMP() - INTERVAL (SELECT dup_days FROM privacy_settings"
	"  WHERE id = 1) DAY ORDER BY o.created_at DESC LIMIT 20)"
	" UNION (SELECT o.id FROM orders o WHERE o.category_id = ?"
	"  AND o.created_at >= UTC_TIMESTAMP() - INTERVAL (SELECT dup_days FROM privacy_settings"
	"  WHERE id = 1) DAY ORDER BY o.created_at DESC LIMIT 300)"
	" ) k STRAIGHT_JOIN orders o ON o.id = k.id"
	" JOIN order_categories c ON c.id = o.category_id LEFT JOIN units u ON u.id = o.unit_id"
	" WHERE o.id <> ? AND o.state NOT IN ('referred') AND o.jurisdiction_id = ?"
	" ORDER BY o.created_at DESC LIMIT 320",
	[STMT_MERGE] = "UPDATE orders SET state = 'closed', merged_into = ?,"
	" closed_at = UTC_TIMESTAMP() WHERE id = ? AND state = ? AND merged_into IS NULL",
	[STMT_MERGED] = "SELECT " DB_COLS(ORDER_MERGED_ROW) " FROM orders o"
	" WHERE o.merged_into = ? ORDER BY o.id LIMIT 500",
	[STMT_PENDING] = "SELECT " DB_COLS(ORDER_LIST_BRIEF_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" LEFT JOIN open311_requests r ON r.order_id = o.id"
	" WHERE o.state = 'pending' AND (? = 0 OR o.jurisdiction_id = ?)"
	" ORDER BY o.created_at, o.id LIMIT ? OFFSET ?",
	[STMT_LIKELY_DUPES] = "SELECT " DB_COLS(ORDER_LIST_BRIEF_ROW) " FROM orders o"
	" JOIN order_categories c ON c.id = o.category_id"
	" LEFT JOIN open311_requests r ON r.order_id = o.id"
	" WHERE o.likely_dup_of IS NOT NULL AND o.merged_into IS NULL"
	" AND o.state IN ('pending', 'dispatched', 'accepted', 'replied')"
	" AND (? = 0 OR o.jurisdiction_id = ?)"
	" ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?",
	[STMT_SET_QCODE] = "UPDATE orders SET query_hash = ? WHERE id = ?",
	[STMT_DUP_DAYS] = "SELECT dup_days FROM privacy_settings WHERE id = 1",
	[STMT_DUP_DAYS_SET] = "UPDATE privacy_settings SET dup_days = ?, updated_by = ?,"
	" updated_at = UTC_TIMESTAMP() WHERE id = 1",
	[STMT_NOT_DUPLICATE] = "UPDATE orders SET likely_dup_of = NULL"
	" WHERE id = ? AND likely_dup_of IS NOT NULL AND merged_into IS NULL",
	/* Orders merged into a duplicate follow it to its master. */
	[STMT_REPOINT] = "UPDATE orders SET merged_into = ? WHERE merged_into = ?",
};

const char *order_plan_sql(enum order_planned which)
{
	static const enum stmt planned[ORDER_PLAN__MAX] = {
		[ORDER_PLAN_QUEUE] = STMT_QUEUE, [ORDER_PLAN_QUEUE_SIDE] = STMT_QUEUE_SIDE,
		[ORDER_PLAN_SEARCH] = STMT_SEARCH, [ORDER_PLAN_RETURNS] = STMT_RETURNS,
		[ORDER_PLAN_COUNT] = STMT_SEARCH_COUNT, [ORDER_PLAN_COUNT_DAYS] = STMT_COUNT_DAYS,
		[ORDER_PLAN_COUNT_JUR] = STMT_COUNT_JUR, [ORDER_PLAN_COUNT_STATE] = STMT_COUNT_STATE,
		[ORDER_PLAN_COUNT_UNIT] = STMT_COUNT_UNIT,
		[ORDER_PLAN_COUNT_CATEGORY] = STMT_COUNT_CATEGORY,
		[ORDER_PLAN_COUNT_OVERDUE] = STMT_COUNT_OVERDUE,
	};
	return sql[planned[which]];
}

int order_categories(struct db *db, struct arena *a, struct order_category_row **v,
		    size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_CATEGORIES], &res);
	DB_ROWS_OUT(rc, &res, order_category_row, a, v, n);
	return rc;
}

int order_category(struct db *db, struct arena *a, long long id,
		  struct order_category_row **c)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CATEGORY], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, order_category_row, a, c);
	return rc;
}

int order_units(struct db *db, struct arena *a, long long jur, struct order_unit_row **v,
	       size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNITS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, order_unit_row, a, v, n);
	return rc;
}

int order_unit(struct db *db, struct arena *a, long long id, struct order_unit_row **u)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_UNIT], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, order_unit_row, a, u);
	return rc;
}

int order_jurisdictions(struct db *db, struct arena *a, struct order_jur_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_JURS], &res);
	DB_ROWS_OUT(rc, &res, order_jur_row, a, v, n);
	return rc;
}

int order_intake_refs(struct db *db, struct arena *a, const char *intake_key,
		      long long jur, long long category, long long unit, long long entry,
		      long long pending, long long dup, const char *today,
		      struct order_refs_row **r)
{
	struct dbres res;
	const char *key = intake_key != NULL && *intake_key != '\0' ? intake_key : NULL;
	int rc = db_exec(db, a, sql[STMT_INTAKE_REFS], &res, DB_S(today), DB_S(key),
			 DB_I(jur), DB_I(category), DB_I(unit), DB_I(entry), DB_I(pending),
			 DB_I(dup));
	DB_ROW_OUT(rc, &res, order_refs_row, a, r);
	return rc == DB_OK && *r == NULL ? DB_ERR : rc;
}

int order_rules(struct db *db, struct arena *a, long long category, long long jur,
	       struct order_rule_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RULES], &res, DB_I(category), DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, order_rule_row, a, v, n);
	return rc;
}

int order_by_phone(struct db *db, struct arena *a, const char *phone,
		  struct order_past_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_BY_PHONE], &res, DB_S(phone));
	DB_ROWS_OUT(rc, &res, order_past_row, a, v, n);
	return rc;
}

int order_next_seq(struct db *db, struct arena *a, long long jur, const char *day,
		  unsigned *seq)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_NEXT_SEQ], &res, DB_I(jur), DB_S(day));
	if (rc == DB_OK)
		*seq = res.insert_id > 0 ? (unsigned)res.insert_id : 1;
	return rc;
}

int order_insert(struct db *db, struct arena *a, const struct order_new *o,
		long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_INSERT], &res, DB_S(o->number), DB_I(o->jur),
			 DB_S(o->channel), DB_S(o->caller_name), DB_S(o->caller_phone),
			 DB_I(o->category), DB_S(o->place), DB_S(o->content), DB_S(o->demand),
			 DB_S(o->cause), DB_S(o->contradiction), DB_S(o->state),
			 DB_I(o->entry), DB_I(o->three_way_unit), DB_I(o->unit),
			 DB_I(o->operator_id), DB_S(o->state), DB_S(o->due), DB_S(o->state),
			 DB_S(o->intake_key ? o->intake_key : ""),
			 DB_S(o->query_hash ? o->query_hash : ""), DB_I(o->likely_dup_of));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int order_take(struct db *db, struct arena *a, long long id, const struct order_new *o)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_TAKE], &res, DB_S(o->state), DB_S(o->caller_name),
			 DB_S(o->caller_phone), DB_I(o->category), DB_I(o->jur), DB_S(o->place),
			 DB_S(o->content), DB_S(o->demand), DB_S(o->cause), DB_S(o->contradiction),
			 DB_I(o->entry), DB_I(o->three_way_unit), DB_I(o->unit),
			 DB_I(o->operator_id), DB_S(o->state), DB_S(o->due), DB_S(o->state),
			 DB_S(o->intake_key ? o->intake_key : ""), DB_I(o->likely_dup_of), DB_I(id));
	return db_changed(rc, &res);
}

DB_ROW_COLS(order_candidate_row, ORDER_CANDIDATE_ROW);
DB_ROW_COLS(order_merged_row, ORDER_MERGED_ROW);
DB_ROW_COLS(order_list_brief_row, ORDER_LIST_BRIEF_ROW);

int order_candidates(struct db *db, struct arena *a, const char *phone, long long category,
		     long long jur, long long except, struct order_candidate_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_CANDIDATES], &res, DB_S(phone), DB_S(phone),
			 DB_I(category), DB_I(except), DB_I(jur));
	DB_ROWS_OUT(rc, &res, order_candidate_row, a, v, n);
	return rc;
}

int order_merge(struct db *db, struct arena *a, long long id, const char *state,
		long long master)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MERGE], &res, DB_I(master), DB_I(id), DB_S(state));
	return db_changed(rc, &res);
}

int order_merged(struct db *db, struct arena *a, long long master,
		 struct order_merged_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MERGED], &res, DB_I(master));
	DB_ROWS_OUT(rc, &res, order_merged_row, a, v, n);
	return rc;
}

int order_brief_list(struct db *db, struct arena *a, enum order_brief which, long long jur,
		     int limit, int offset, struct order_list_brief_row **v, size_t *n)
{
	struct dbres res;
	const char *stmt = sql[which == ORDER_BRIEF_DUPES ? STMT_LIKELY_DUPES : STMT_PENDING];
	int rc = db_exec(db, a, stmt, &res, DB_I(jur), DB_I(jur), DB_I(limit), DB_I(offset));
	DB_ROWS_OUT(rc, &res, order_list_brief_row, a, v, n);
	return rc;
}

int order_set_qcode(struct db *db, struct arena *a, long long id, const char *hash)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SET_QCODE], &res, DB_S(hash), DB_I(id));
	return db_changed(rc, &res);
}

int order_by_intake_key(struct db *db, struct arena *a, const char *key, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_BY_INTAKE_KEY], &res, DB_S(key));
	*id = rc == DB_OK && res.nrows > 0 ? db_int(&res, 0, 0) : 0;
	return rc;
}

int order_event(struct db *db, struct arena *a, long long order_id, long long user,
	       long long unit, const char *kind, long long target, const char *note)
{
	return db_exec(db, a, sql[STMT_EVENT], NULL, DB_I(order_id), DB_I(user), DB_I(unit),
		       DB_S(kind), DB_I(target), DB_S(note));
}

int order_get(struct db *db, struct arena *a, long long id, struct order_row **o)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_GET], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, order_row, a, o);
	return rc;
}

int order_lock(struct db *db, struct arena *a, long long id, struct order_lock_row **o)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_LOCK], &res, DB_I(id));
	DB_ROW_OUT(rc, &res, order_lock_row, a, o);
	return rc;
}

int order_events(struct db *db, struct arena *a, long long id, struct order_event_row **v,
		size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_EVENTS], &res, DB_I(id));
	DB_ROWS_OUT(rc, &res, order_event_row, a, v, n);
	return rc;
}


int order_set_state(struct db *db, struct arena *a, long long id, const char *from,
		   const char *to)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SET_STATE], &res, DB_S(to), DB_I(id), DB_S(from));
	return db_changed(rc, &res);
}

int order_accept(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_ACCEPT], &res, DB_I(id)), &res);
}

int order_reply(struct db *db, struct arena *a, long long id, const char *reply)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_REPLY], &res, DB_S(reply), DB_I(id)), &res);
}

int order_close(struct db *db, struct arena *a, long long id, const char *satisfaction)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_CLOSE], &res, DB_S(satisfaction), DB_I(id)),
				  &res);
}

int order_reopen(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	return db_changed(db_exec(db, a, sql[STMT_REOPEN], &res, DB_I(id)), &res);
}

int order_redispatch(struct db *db, struct arena *a, long long id, const char *from,
		    long long unit, const char *due, int count_return)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_REDISPATCH], &res, DB_I(unit), DB_S(due),
			 DB_I((count_return != 0)), DB_I(id), DB_S(from));
	return db_changed(rc, &res);
}

int order_hand_temporary(struct db *db, struct arena *a, long long id, long long unit,
			 const char *due)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_HAND_TEMPORARY], &res, DB_I(unit), DB_S(due), DB_I(id));
	return db_changed(rc, &res);
}

int order_return_insert(struct db *db, struct arena *a, long long order_id,
		       long long unit, long long user, const char *reason,
		       const char *basis, long long suggested, long long *id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RETURN_INSERT], &res, DB_I(order_id), DB_I(unit),
			 DB_I(user), DB_S(reason), DB_S(basis), DB_I(suggested));
	if (rc == DB_OK)
		*id = res.insert_id;
	return rc;
}

int order_return_pending(struct db *db, struct arena *a, long long order_id,
			struct order_return_row **ret)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RETURN_PENDING], &res, DB_I(order_id));
	DB_ROW_OUT(rc, &res, order_return_row, a, ret);
	return rc;
}

int order_return_decide(struct db *db, struct arena *a, long long id,
		       const char *state, long long user, const char *note,
		       long long dispute)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RETURN_DECIDE], &res, DB_S(state), DB_I(user),
			 DB_S(note), DB_I(dispute), DB_I(id));
	return db_changed(rc, &res);
}

int order_returns(struct db *db, struct arena *a, long long jur, long long limit,
		  long long offset, struct order_pending_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RETURNS], &res, DB_I(jur), DB_I(jur), DB_I(limit),
			 DB_I(offset));
	DB_ROWS_OUT(rc, &res, order_pending_row, a, v, n);
	return rc;
}

int order_return_counts(struct db *db, struct arena *a, long long jur,
		       struct order_return_count_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_RETURN_COUNTS], &res, DB_I(jur), DB_I(jur));
	DB_ROWS_OUT(rc, &res, order_return_count_row, a, v, n);
	return rc;
}


int order_queue(struct db *db, struct arena *a, long long unit, const char *bucket,
	       const char *today, long long limit, long long offset,
	       struct order_queue_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_QUEUE], &res, DB_I(unit), DB_S(bucket), DB_S(bucket),
			 DB_S(bucket), DB_S(bucket), DB_S(today), DB_S(today), DB_S(bucket),
			 DB_S(today), DB_S(bucket), DB_I(limit), DB_I(offset));
	DB_ROWS_OUT(rc, &res, order_queue_row, a, v, n);
	return rc;
}

int order_queue_side(struct db *db, struct arena *a, long long unit, const char *today,
		     struct order_queue_side_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_QUEUE_SIDE], &res, DB_S(today), DB_S(today),
			 DB_I(unit), DB_I(unit), DB_I(unit));
	DB_ROWS_OUT(rc, &res, order_queue_side_row, a, v, n);
	if (rc == DB_OK && (*n == 0 || strcmp((*v)[0].kind, "K") != 0))
		return DB_ERR;
	return rc;
}

int order_search(struct db *db, struct arena *a, const struct order_filter *f,
		long long limit, long long offset, struct order_found_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SEARCH], &res, DB_S(f->from), DB_S(f->to),
			 DB_I(f->jur), DB_I(f->jur), DB_S(f->number), DB_S(f->number),
			 DB_S(f->phone), DB_S(f->phone), DB_S(f->state), DB_S(f->state),
			 DB_I(f->unit), DB_I(f->unit), DB_I(f->category), DB_I(f->category),
			 DB_I(f->overdue), DB_I(limit), DB_I(offset));
	DB_ROWS_OUT(rc, &res, order_found_row, a, v, n);
	return rc;
}

int order_search_count(struct db *db, struct arena *a, const struct order_filter *f,
		       long long cap, long long *n)
{
	struct dbres res;
	int rc;
	/* The filters that have a (column, created_at) index. */
	const struct { int set, stmt; struct db_param v; } by[] = {
		{ f->jur != 0, STMT_COUNT_JUR, DB_I(f->jur) },
		{ *f->state != '\0', STMT_COUNT_STATE, DB_S(f->state) },
		{ f->unit != 0, STMT_COUNT_UNIT, DB_I(f->unit) },
		{ f->category != 0, STMT_COUNT_CATEGORY, DB_I(f->category) },
		{ f->overdue != 0, STMT_COUNT_OVERDUE, DB_I(1LL) },
	};
	size_t nset = 0, one = 0;
	for (size_t i = 0; i < sizeof by / sizeof by[0]; i++)
		if (by[i].set) {
			nset++;
			one = i;
		}
	int plain = *f->number == '\0' && *f->phone == '\0';
	if (plain && nset == 0)
		rc = db_exec(db, a, sql[STMT_COUNT_DAYS], &res, DB_S(f->from), DB_S(f->to),
			     DB_I(cap));
	else if (plain && nset == 1)
		rc = db_exec(db, a, sql[by[one].stmt], &res, by[one].v, DB_S(f->from),
			     DB_S(f->to), DB_I(cap));
	else
		rc = db_exec(db, a, sql[STMT_SEARCH_COUNT], &res, DB_S(f->from), DB_S(f->to),
			 DB_I(f->jur), DB_I(f->jur), DB_S(f->number), DB_S(f->number),
			 DB_S(f->phone), DB_S(f->phone), DB_S(f->state), DB_S(f->state),
			 DB_I(f->unit), DB_I(f->unit), DB_I(f->category), DB_I(f->category),
			 DB_I(f->overdue), DB_I(cap));
	*n = rc == DB_OK && res.nrows > 0 ? db_int(&res, 0, 0) : 0;
	return rc;
}

int order_mine(struct db *db, struct arena *a, long long operator_id, long long limit,
	       long long offset, struct order_found_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_MINE], &res, DB_I(operator_id), DB_I(limit), DB_I(offset));
	DB_ROWS_OUT(rc, &res, order_found_row, a, v, n);
	return rc;
}

int order_coop_parts(struct db *db, struct arena *a, long long order_id,
		     struct order_coop_part_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_COOP_PARTS], &res, DB_I(order_id));
	DB_ROWS_OUT(rc, &res, order_coop_part_row, a, v, n);
	return rc;
}

int order_coop_record(struct db *db, struct arena *a, long long order_id, long long unit,
		      long long user, const char *part)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_COOP_RECORD], &res, DB_S(part), DB_I(user),
			 DB_I(order_id), DB_I(unit));
	return db_changed(rc, &res);
}

int order_is_coop(struct db *db, struct arena *a, long long order_id, long long unit,
		 int *yes)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_IS_COOP], &res, DB_I(order_id), DB_I(unit));
	*yes = rc == DB_OK && res.nrows > 0;
	return rc;
}

int order_sweep_lock(struct db *db, struct arena *a, int *got)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_SWEEP_GET_LOCK], &res);
	*got = rc == DB_OK && res.nrows == 1 && db_cell(&res, 0, 0) != NULL &&
	       db_int(&res, 0, 0) == 1;
	return rc;
}

void order_sweep_unlock(struct db *db, struct arena *a)
{
	struct dbres res;
	db_exec0(db, a, sql[STMT_SWEEP_RELEASE_LOCK], &res);
}

/* The first column of res as ids; NULL and 0 when rc is not DB_OK. */
static void ids_of(int rc, const struct dbres *res, struct arena *a, long long **ids,
		   size_t *n)
{
	*n = rc == DB_OK ? res->nrows : 0;
	*ids = arena_alloc(a, (*n + 1) * sizeof **ids);
	for (size_t i = 0; i < *n; i++)
		(*ids)[i] = db_int(res, i, 0);
}

int order_sweep_late(struct db *db, struct arena *a, const char *today, long long limit,
		    long long **ids, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SWEEP_LATE], &res, DB_S(today), DB_I(limit));
	ids_of(rc, &res, a, ids, n);
	return rc;
}

int order_sweep_soon(struct db *db, struct arena *a, const char *from, const char *to,
		    long long limit, long long **ids, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SWEEP_SOON], &res, DB_S(from), DB_S(to), DB_I(limit));
	ids_of(rc, &res, a, ids, n);
	return rc;
}

int order_sweep_coops(struct db *db, struct arena *a, const char *kind, const char *from,
		      const char *to, long long limit, struct order_coop_due_row **v, size_t *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SWEEP_COOPS], &res, DB_S(kind), DB_S(from), DB_S(to),
			 DB_I(limit));
	DB_ROWS_OUT(rc, &res, order_coop_due_row, a, v, n);
	return rc;
}

int order_lock_due(struct db *db, struct arena *a, long long id, const char *from,
		  const char *to, struct order_due_row **o)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_SWEEP_LOCK], &res, DB_I(id), DB_S(from), DB_S(to));
	DB_ROW_OUT(rc, &res, order_due_row, a, o);
	return rc;
}

int order_mark_overdue(struct db *db, struct arena *a, long long id)
{
	return db_exec(db, a, sql[STMT_MARK_OVERDUE], NULL, DB_I(id));
}

int order_remind(struct db *db, struct arena *a, long long id, long long unit,
		const char *kind, const char *due, int *added)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_REMIND], &res, DB_I(id), DB_I(unit), DB_S(kind),
			 DB_S(due));
	*added = rc == DB_OK && res.affected > 0;
	return rc;
}

int order_retention(struct db *db, struct arena *a, long long *months)
{
	struct dbres res;
	struct retention_row *r;
	int rc = db_exec0(db, a, sql[STMT_RETENTION], &res);
	DB_ROW_OUT(rc, &res, retention_row, a, &r);
	*months = r != NULL ? r->months : 36;
	return rc;
}

int order_retention_set(struct db *db, struct arena *a, long long months, long long user)
{
	return db_exec(db, a, sql[STMT_RETENTION_SET], NULL, DB_I(months), DB_I(user));
}

int order_anonymise(struct db *db, struct arena *a, long long months, long long limit,
		    long long *n)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_ANONYMISE], &res, DB_I(months), DB_I(limit));
	*n = rc == DB_OK ? res.affected : 0;
	if (rc == DB_OK && *n > 0)
		rc = db_exec0(db, a, sql[STMT_ANONYMISE_O311], NULL);
	return rc;
}

int order_dup_days(struct db *db, struct arena *a, int *days)
{
	struct dbres res;
	int rc = db_exec0(db, a, sql[STMT_DUP_DAYS], &res);
	*days = rc == DB_OK && res.nrows == 1 ? (int)db_int(&res, 0, 0) : 7;
	return rc;
}

int order_dup_days_set(struct db *db, struct arena *a, int days, long long user)
{
	return db_exec(db, a, sql[STMT_DUP_DAYS_SET], NULL, DB_I(days), DB_I(user));
}

int order_repoint_merged(struct db *db, struct arena *a, long long from, long long to)
{
	return db_exec(db, a, sql[STMT_REPOINT], NULL, DB_I(to), DB_I(from));
}

int order_not_duplicate(struct db *db, struct arena *a, long long id)
{
	struct dbres res;
	int rc = db_exec(db, a, sql[STMT_NOT_DUPLICATE], &res, DB_I(id));
	return db_changed(rc, &res);
}
