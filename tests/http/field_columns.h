/* Where each form field's value is stored, written by reading the code
 * (cgi-src/route.c, h_*.c, kb_ops.c, kb.c, auth.c, *_store.c) and the schema
 * (sql/001..007, ALTER TABLEs included). Not generated from the code under
 * test: a test can check the two against each other.
 *
 * Column lengths are in characters (utf8mb4): VARCHAR(n) = n, TEXT = 65535
 * bytes, taken as 16383 characters, MEDIUMTEXT = no practical limit.
 * audit_log.detail is VARCHAR(2000).
 *
 * What this table showed when it was written (issue 11), each now fixed:
 * the columns widened (sql/007_hardening.sql), audit_add cuts its detail to
 * the column, dispute_step keeps the whole text (no char note[2048]), and
 * kb_learn keeps only search terms that fit kb_learned_terms.term (64):
 *   message 1000 > kb_grants.purpose 500; note 2000 > order_returns.
 *   decision_note 500, disputes.note 1000, dispute_contacts.what 1000;
 *   result, opinion, facts 4000 > audit_log.detail 2000.
 *
 * Also fixed then, where the code adds a label to the value: kb_updates.text
 * and .reply and kb_update_events.text are 1100 for a 1000-character
 * message after "<问题类型>：" or "已发布第 N 版：".
 *
 * What the table counts as "stored": the request's value written by its
 * handler, verbatim or trimmed / sanitised / cut / normalised, alone or
 * inside other text (audit details, timeline notes). A field whose value
 * reaches text columns only as a number (%lld), or as a label looked up from
 * a checked code, or only in INT/DATE/DATETIME/ENUM columns, or nowhere, has
 * "". Later copies of a stored value by other code paths are not listed in
 * the table, since they copy column to column (same widths in each case):
 *   users.username/display_name -> sessions.username/display_name (snapshot),
 *   jurisdictions.name, units.name -> sessions.jurisdiction_name/unit_name,
 *   orders.content -> disputes.content (+ disputes.content_bg as bigrams),
 *   orders.caller_name/caller_phone -> disputes.contact_name/contact_phone,
 *   kb_versions.title/keywords and kb_fields.value -> a new draft (same
 *   columns) and, on publishing, kb_search.title, kb_search.summary (cut to
 *   120), kb_search.*_bg (bigrams).
 */
#ifndef FIELD_COLUMNS_H
#define FIELD_COLUMNS_H

/* Where each form field's value is stored (table.column), found by reading
 * the handlers and stores; "" for a field that is never stored as text of
 * its own (numbers, codes checked against a list, passwords that are hashed,
 * search queries...). Every field of enum field has exactly one row.
 * (q is the exception to the "search queries" example: searches that find
 * nothing and answers found by a search are recorded, see its row.) */
struct field_columns { const char *field; const char *columns; };
static const struct field_columns field_columns[] = {
	/* F_CSRF: compared with sessions.csrf, never written */
	{ "csrf", "" },
	/* h_user_create (user_insert), h_login (auth_login: "用户名 %s" details) */
	{ "username", "users.username audit_log.detail" },
	/* hashed (auth_hash_password) or only checked */
	{ "password", "" },
	{ "new_password", "" },
	{ "new_password2", "" },
	/* redirect target only */
	{ "next", "" },
	/* h_jurisdiction_create/update, h_unit_create/update, h_category_create/
	 * update (trimmed), h_calendar_set */
	{ "name", "jurisdictions.name units.name order_categories.name calendar_days.name audit_log.detail" },
	/* h_jurisdiction_create, h_unit_create */
	{ "code", "jurisdictions.code units.code audit_log.detail" },
	/* units.kind / kb_entries.kind ENUMs, checked; details print its label */
	{ "kind", "" },
	{ "parent_id", "" },
	{ "jurisdiction_id", "" },
	{ "unit_id", "" },
	/* declared in form.c, used by no route */
	{ "user_id", "" },
	/* memberships.role ENUM, checked; details print its label */
	{ "role", "" },
	/* h_user_create, h_user_update */
	{ "display_name", "users.display_name audit_log.detail" },
	/* h_user_create (users.phone), h_user_update (also in the detail) */
	{ "phone", "users.phone audit_log.detail" },
	{ "active", "" },
	/* calendar_days.day, dispute_procedures.effective_from, kb_grants.expires_on
	 * are DATEs; the text goes into the details of h_calendar_set,
	 * h_procedure_create and h_kb_grant_request */
	{ "date", "audit_log.detail" },
	/* calendar_days.kind ENUM, checked; the detail prints its label */
	{ "day_kind", "" },
	/* view only */
	{ "month", "" },
	/* kb_search_page -> record_gap (gap key: content words or the normalised
	 * question, kb_cut 60; sample: kb_cut 190), h_order_create -> kb_learn
	 * (query: kb_cut 190; terms: kb_cut 290). Each search term is also a row
	 * of kb_learned_terms.term VARCHAR(64), not the value itself: kb_learn
	 * keeps only terms that fit. */
	{ "q", "kb_gaps.query kb_gaps.sample kb_learned.query kb_learned.terms" },
	{ "page", "" },
	/* view only (notice after a redirect) */
	{ "done", "" },
	{ "before", "" },
	{ "from", "" },
	{ "to", "" },
	{ "n", "" },
	/* kb_create / kb_save (trimmed); h_kb_create, h_kb_save details */
	{ "title", "kb_versions.title bulletins.title audit_log.detail" },
	/* kb_versions (trimmed), h_routing_create (keywords_normal; in the rule
	 * text of the detail), h_dispute_rule (as sent; event note and detail) */
	{ "keywords", "kb_versions.keywords routing_rules.keywords dispute_events.note audit_log.detail" },
	/* kb_entries/kb_versions.visibility ENUMs, checked */
	{ "visibility", "" },
	{ "major", "" },
	/* kb_versions.change_date DATE */
	{ "change_date", "" },
	/* h_kb_reject (kb_version_state), h_kb_obsolete, h_order_return
	 * (order_return_insert), h_order_refuse_return (order_return_decide),
	 * h_order_send_back/reopen/refuse_return/return (order event note),
	 * h_dispute_refuse (dispute_answer, event note), h_dispute_unbind
	 * (dispute_unbind, event note), details of all */
	{ "reason", "kb_versions.reject_reason kb_entries.obsolete_reason order_returns.reason order_returns.decision_note order_events.note disputes.refusal disputes.unbound_reason dispute_events.note qa_samples.reason kb_updates.text audit_log.detail" },
	{ "a", "" },
	{ "b", "" },
	/* kb_updates.problem ENUM, checked; texts print its label */
	{ "problem", "" },
	/* h_kb_report (open_update: text, "label：" + text in the event),
	 * h_kb_update_reply/fixed (reply, event, detail), confirm/reopen (event,
	 * detail), h_kb_grant_request (purpose, detail) */
	{ "message", "kb_updates.text kb_updates.reply kb_update_events.text kb_grants.purpose audit_log.detail" },
	{ "submit", "" },
	/* declared in form.c, used by no route */
	{ "unit_code", "" },
	/* "useful"/"useless" only choose a counter */
	{ "vote", "" },
	/* KB entry fields: kb_draft_check (trim, san_html for KBF_HTML) ->
	 * put_fields -> kb_field_put: kb_fields.value MEDIUMTEXT */
	{ "kb_question", "kb_fields.value" },
	{ "kb_answer", "kb_fields.value" },
	{ "kb_notes", "kb_fields.value" },
	{ "kb_service", "kb_fields.value" },
	{ "kb_conditions", "kb_fields.value" },
	{ "kb_materials", "kb_fields.value" },
	{ "kb_steps", "kb_fields.value" },
	{ "kb_time_limit", "kb_fields.value" },
	{ "kb_fees", "kb_fields.value" },
	{ "kb_place", "kb_fields.value" },
	{ "kb_phone", "kb_fields.value" },
	{ "kb_basis", "kb_fields.value" },
	{ "kb_doc_number", "kb_fields.value" },
	{ "kb_issuer", "kb_fields.value" },
	{ "kb_promulgated", "kb_fields.value" },
	{ "kb_effective", "kb_fields.value" },
	{ "kb_validity", "kb_fields.value" },
	{ "kb_text", "kb_fields.value" },
	{ "kb_functions", "kb_fields.value" },
	{ "kb_scope", "kb_fields.value" },
	{ "kb_offices", "kb_fields.value" },
	{ "kb_contacts", "kb_fields.value" },
	/* h_order_create (order_insert) */
	{ "caller_name", "orders.caller_name" },
	{ "caller_phone", "orders.caller_phone" },
	/* orders.channel ENUM, checked */
	{ "channel", "" },
	{ "category_id", "" },
	/* h_order_create; h_meeting_schedule (meetings.place, detail) */
	{ "place", "orders.place meetings.place audit_log.detail" },
	{ "content", "orders.content" },
	{ "demand", "orders.demand" },
	{ "cause", "orders.cause" },
	{ "contradiction", "orders.contradiction" },
	/* checked against answer/three_way/dispatch, then written as the first
	 * event's kind and in the audit action "order.<outcome>" */
	{ "outcome", "order_events.kind audit_log.action" },
	{ "entry_id", "" },
	{ "three_way_unit_id", "" },
	/* h_order_note/urge/redispatch/dispute/close (event note, detail),
	 * h_order_redispatch/dispute (order_return_decide), h_order_dispute
	 * (dispute_open, open event), h_dispute_contact (dispute_contact, event, detail),
	 * h_order_coop (order_coop_record: order_coops.part, event, detail) */
	{ "note", "order_events.note order_returns.decision_note disputes.note dispute_contacts.what dispute_events.note order_coops.part audit_log.detail" },
	/* h_order_reply (order_reply, event note, detail) */
	{ "result", "orders.reply order_events.note audit_log.detail" },
	/* orders.satisfaction ENUM, checked; notes print its label */
	{ "satisfaction", "" },
	/* h_order_return (order_return_insert, "理由：…；依据：…" note and detail);
	 * dispute_step: every dispute_opinion (op.basis) */
	{ "basis", "order_returns.basis order_events.note dispute_opinions.basis audit_log.detail" },
	{ "suggested_unit_id", "" },
	/* list filters */
	{ "state", "" },
	{ "number", "" },
	{ "overdue", "" },
	/* order_categories.time_limit_days SMALLINT */
	{ "time_limit", "" },
	/* declared in form.c, used by no route */
	{ "reopen", "" },
	/* dispute_step: unit opinion (dispute_units.opinion), coordination /
	 * opinions / refer / temporary (dispute_opinions.text), determination
	 * (disputes.determination, order event "争议 #N 认定：…"), event note and
	 * detail (note[2048]); h_meeting_decide detail; h_accountability_close
	 * (accountability.outcome, detail) */
	{ "opinion", "dispute_units.opinion dispute_opinions.text disputes.determination order_events.note dispute_events.note accountability.outcome audit_log.detail" },
	{ "lead_unit_id", "" },
	/* ids joined with spaces (coop_ids) into dispute_opinions.coop_units
	 * VARCHAR(500): numbers, but kept as text */
	{ "coop_unit_id", "dispute_opinions.coop_units" },
	/* dispute_opinions.principle ENUM, checked */
	{ "principle", "" },
	/* chooses the review step only */
	{ "decision", "" },
	{ "temp_unit_id", "" },
	{ "dispute_id", "" },
	/* meetings.starts_at DATETIME; the detail of h_meeting_schedule prints it
	 * ("%.16s" of the converted value) */
	{ "starts_at", "audit_log.detail" },
	/* h_meeting_propose (meetings.topic, "列入联席会议 #N：topic" events, detail) */
	{ "topic", "meetings.topic dispute_events.note audit_log.detail" },
	{ "invitees", "meetings.invitees" },
	/* h_meeting_held (detail = attendance) */
	{ "attendance", "meetings.attendance audit_log.detail" },
	{ "minutes", "meetings.minutes" },
	/* h_dispute_account (dispute_account, event note and detail via note[2048]) */
	{ "facts", "accountability.facts dispute_events.note audit_log.detail" },
	{ "establishment_unit_id", "" },
	{ "legal_unit_id", "" },
	{ "convener_unit_id", "" },
	{ "no_legal", "" },
	{ "review_days", "" },
	{ "accept_days", "" },
	{ "opinion_days", "" },
	/* h_kb_synonym_add: kq_synonym_word normalises both words, stored as
	 * (LEAST, GREATEST), so either may land in a or b; detail "word = synonym" */
	{ "word", "kb_synonyms.a kb_synonyms.b audit_log.detail" },
	{ "synonym", "kb_synonyms.a kb_synonyms.b audit_log.detail" },
	/* h_kb_review: ids of the entries confirmed */
	{ "entry", "" },
	/* h_kb_people_save (kb_people_put, audit detail) */
	{ "leader_name", "unit_kb_people.leader_name audit_log.detail" },
	{ "leader_phone", "unit_kb_people.leader_phone audit_log.detail" },
	{ "owner_name", "unit_kb_people.owner_name audit_log.detail" },
	{ "owner_phone", "unit_kb_people.owner_phone audit_log.detail" },
	/* h_kb_typo_add (kb_typo_insert, audit detail) */
	{ "wrong", "kb_typos.wrong audit_log.detail" },
	{ "correct", "kb_typos.correct audit_log.detail" },
	/* h_order_create (order_insert) */
	{ "intake_key", "orders.intake_key" },
	/* h_assess_formula_save (score_formula_add) */
	{ "w_timely", "" },
	{ "w_complete", "" },
	{ "w_onecall", "" },
	{ "w_accurate", "" },
	{ "w_quality", "" },
	{ "sample_pct", "" },
	{ "sample_min", "" },
	/* h_quality_mark: accurate or inaccurate */
	{ "verdict", "" },
	/* h_bulletin_save (bulletin_save) */
	{ "body", "bulletins.body" },
	{ "commend_n", "" },
	{ "name_below", "" },
	/* the bulletin's CSV: which table */
	{ "table", "" },
	/* h_order_retention_save: a number of months */
	{ "retain_months", "" },
	/* the intake takes a pending request, marks a likely duplicate, refers to
	 * another channel; the office merges: ids only */
	{ "pending_id", "" },
	{ "dup_of", "" },
	{ "refer_id", "" },
	{ "master_id", "" },
	/* h_order_retention_save: a number of days */
	{ "dup_days", "" },
	/* /status: compared with a hash or a phone's last digits, never stored */
	{ "qcode", "" },
	/* h_category_create/update: 不予受理/转其他渠道 and the Open311 service */
	{ "refer_channel", "order_categories.refer_channel" },
	{ "refer_script", "order_categories.refer_script" },
	{ "refer_keywords", "order_categories.refer_keywords" },
	{ "service_description", "order_categories.description" },
	/* h_category_attribute_add (category_attribute_add) */
	{ "attr_code", "category_attributes.code" },
	{ "datatype", "" },
	{ "required", "" },
	{ "attr_description", "category_attributes.description" },
	{ "list_values", "category_attributes.list_values" },
	/* h_open311_key_create, hotlinectl open311 key */
	{ "source", "open311_keys.source audit_log.detail" },
	/* Open311 POST requests (h_open311_post): the key is hashed */
	{ "api_key", "" },
	{ "service_code", "" },
	{ "lat", "" },
	{ "long", "" },
	{ "address_string", "orders.place" },
	{ "address_id", "orders.place" },
	{ "email", "open311_requests.email" },
	{ "device_id", "open311_requests.device_id" },
	{ "account_id", "open311_requests.account_id" },
	{ "first_name", "orders.caller_name" },
	{ "last_name", "orders.caller_name" },
	{ "description", "orders.content" },
	{ "media_url", "open311_requests.media_url" },
	/* Open311 GET requests: filters only */
	{ "jurisdiction_id", "" },
	{ "service_request_id", "" },
	{ "start_date", "" },
	{ "end_date", "" },
	{ "status", "" },
	/* Open311 POST requests: the caller's number */
	{ "phone", "orders.caller_phone" },
	/* /status: what the caller typed, trimmed, looked up, never stored */
	{ "number", "" },
};

#endif
