#include "route.h"

#include <string.h>

#include "auth.h"
#include "db.h"
#include "handlers.h"

/* A field that may be left out, one that must be given, and a repeated
 * number field of at most n values; END ends a list. */
#define OPT(f) { f, 0, 0 }
#define REQ(f) { f, FD_REQUIRED, 0 }
#define REP(f, n) { f, FD_REPEAT, n }
#define END OPT(F__MAX)

static const struct fdecl f_none[] = { END };
static const struct fdecl f_done[] = { OPT(F_DONE), END };
static const struct fdecl f_page[] = { OPT(F_PAGE), OPT(F_DONE), END };
static const struct fdecl f_login_form[] = { OPT(F_NEXT), END };
static const struct fdecl f_login[] = {
	REQ(F_USERNAME), REQ(F_PASSWORD), OPT(F_NEXT), END };
static const struct fdecl f_password[] = {
	REQ(F_PASSWORD), REQ(F_NEW_PASSWORD), REQ(F_NEW_PASSWORD2), END };
static const struct fdecl f_jur_create[] = {
	REQ(F_CODE), REQ(F_NAME), OPT(F_PARENT_ID), END };
static const struct fdecl f_jur_update[] = {
	REQ(F_NAME), OPT(F_ACTIVE), END };
static const struct fdecl f_units[] = { OPT(F_JURISDICTION_ID), OPT(F_DONE), END };
static const struct fdecl f_unit_create[] = {
	REQ(F_CODE), REQ(F_NAME), REQ(F_KIND), REQ(F_JURISDICTION_ID),
	OPT(F_PARENT_ID), END };
static const struct fdecl f_unit_update[] = {
	REQ(F_NAME), REQ(F_KIND), OPT(F_PARENT_ID), OPT(F_ACTIVE), END };
static const struct fdecl f_users[] = { OPT(F_Q), OPT(F_DONE), END };
static const struct fdecl f_user_create[] = {
	REQ(F_USERNAME), REQ(F_DISPLAY_NAME), OPT(F_PHONE),
	REQ(F_NEW_PASSWORD), REQ(F_UNIT_ID), REQ(F_ROLE), END };
static const struct fdecl f_user_update[] = {
	REQ(F_DISPLAY_NAME), OPT(F_PHONE), OPT(F_ACTIVE), END };
static const struct fdecl f_user_password[] = { REQ(F_NEW_PASSWORD), END };
static const struct fdecl f_membership_add[] = {
	REQ(F_UNIT_ID), REQ(F_ROLE), END };
static const struct fdecl f_category[] = {
	REQ(F_NAME), OPT(F_PARENT_ID), REQ(F_TIME_LIMIT), OPT(F_ACTIVE), END };
static const struct fdecl f_routing[] = {
	OPT(F_JURISDICTION_ID), OPT(F_CATEGORY_ID), OPT(F_DONE), END };
static const struct fdecl f_routing_create[] = {
	REQ(F_CATEGORY_ID), REQ(F_JURISDICTION_ID), OPT(F_KEYWORDS),
	REQ(F_UNIT_ID), END };
static const struct fdecl f_routing_update[] = { OPT(F_ACTIVE), END };
/* The date is checked by the handler, to name it 生效日期. */
static const struct fdecl f_procedure_create[] = {
	REQ(F_JURISDICTION_ID), OPT(F_DATE), REQ(F_ESTABLISHMENT_UNIT_ID),
	OPT(F_LEGAL_UNIT_ID), OPT(F_NO_LEGAL), REQ(F_CONVENER_UNIT_ID),
	REQ(F_REVIEW_DAYS), REQ(F_ACCEPT_DAYS), REQ(F_OPINION_DAYS), END };
static const struct fdecl f_calendar[] = {
	OPT(F_MONTH), OPT(F_DONE), OPT(F_FROM), OPT(F_TO), OPT(F_N), END };
static const struct fdecl f_calendar_set[] = {
	REQ(F_DATE), REQ(F_DAY_KIND), OPT(F_NAME), END };
static const struct fdecl f_audit[] = { OPT(F_Q), OPT(F_BEFORE), END };

static const struct fdecl f_kb_search[] = { OPT(F_Q), OPT(F_PAGE), END };
static const struct fdecl f_public_kb[] = {
	OPT(F_Q), OPT(F_PAGE), OPT(F_KIND), OPT(F_UNIT_ID), END };
static const struct fdecl f_kb_new_form[] = { OPT(F_KIND), END };
#define KB_ENTRY_FIELDS \
	REQ(F_TITLE), OPT(F_KEYWORDS), REQ(F_VISIBILITY), OPT(F_MAJOR), \
	REQ(F_CHANGE_DATE), OPT(F_SUBMIT), \
	OPT(F_KB_QUESTION), OPT(F_KB_ANSWER), OPT(F_KB_NOTES), \
	OPT(F_KB_SERVICE), OPT(F_KB_CONDITIONS), OPT(F_KB_MATERIALS), \
	OPT(F_KB_STEPS), OPT(F_KB_TIME_LIMIT), OPT(F_KB_FEES), \
	OPT(F_KB_PLACE), OPT(F_KB_PHONE), OPT(F_KB_BASIS), \
	OPT(F_KB_DOC_NUMBER), OPT(F_KB_ISSUER), OPT(F_KB_PROMULGATED), \
	OPT(F_KB_EFFECTIVE), OPT(F_KB_VALIDITY), OPT(F_KB_TEXT), \
	OPT(F_KB_FUNCTIONS), OPT(F_KB_SCOPE), OPT(F_KB_OFFICES), \
	OPT(F_KB_CONTACTS)
static const struct fdecl f_kb_create[] = { REQ(F_KIND), KB_ENTRY_FIELDS, END };
static const struct fdecl f_kb_save[] = { KB_ENTRY_FIELDS, END };
static const struct fdecl f_kb_reason[] = { OPT(F_REASON), END };
static const struct fdecl f_kb_reason_required[] = { REQ(F_REASON), END };
/* A unit has at most a few hundred entries due for review in a month. */
static const struct fdecl f_kb_review[] = { REP(F_ENTRY, 5000), END };
static const struct fdecl f_kb_diff[] = { REQ(F_A), REQ(F_B), END };
static const struct fdecl f_vote[] = { REQ(F_VOTE), END };
static const struct fdecl f_kb_report[] = { REQ(F_PROBLEM), REQ(F_MESSAGE), END };
static const struct fdecl f_message[] = { OPT(F_MESSAGE), END };
static const struct fdecl f_gap_assign[] = { REQ(F_UNIT_ID), END };
static const struct fdecl f_synonym[] = { OPT(F_WORD), OPT(F_SYNONYM), END };
static const struct fdecl f_grant[] = {
	REQ(F_UNIT_ID), REQ(F_MESSAGE), REQ(F_DATE), END };

#define ORDER_INTAKE_FIELDS \
	OPT(F_CALLER_PHONE), OPT(F_CALLER_NAME), OPT(F_CHANNEL), \
	OPT(F_CATEGORY_ID), OPT(F_JURISDICTION_ID), OPT(F_PLACE), \
	OPT(F_CONTENT), OPT(F_DEMAND), OPT(F_CAUSE), OPT(F_CONTRADICTION), \
	OPT(F_ENTRY_ID), OPT(F_THREE_WAY_UNIT_ID), OPT(F_UNIT_ID), OPT(F_INTAKE_KEY)
static const struct fdecl f_order_new[] = {
	ORDER_INTAKE_FIELDS, OPT(F_Q), OPT(F_PAGE), OPT(F_OUTCOME), OPT(F_PENDING_ID),
	OPT(F_DUP_OF), OPT(F_REFER_ID), END };
static const struct fdecl f_order_create[] = {
	ORDER_INTAKE_FIELDS, OPT(F_OUTCOME), OPT(F_Q), OPT(F_PENDING_ID), OPT(F_DUP_OF),
	OPT(F_REFER_ID), END };
static const struct fdecl f_merge[] = { REQ(F_MASTER_ID), END };
static const struct fdecl f_status[] = { REQ(F_LOOKUP_NUMBER), REQ(F_QCODE), END };
static const struct fdecl f_category_service[] = {
	OPT(F_REFER_CHANNEL), OPT(F_REFER_SCRIPT), OPT(F_REFER_KEYWORDS),
	OPT(F_SERVICE_DESCRIPTION), END };
static const struct fdecl f_category_attr[] = {
	REQ(F_ATTR_CODE), REQ(F_DATATYPE), OPT(F_REQUIRED), REQ(F_ATTR_DESCRIPTION),
	OPT(F_LIST_VALUES), END };
static const struct fdecl f_o311_key[] = { REQ(F_SOURCE), REP(F_CATEGORY_ID, 500), END };
/* Open311: what the specification names; a call's other parameters are
 * ignored, as the specification allows. */
static const struct fdecl f_o311_read[] = { OPT(F_API_KEY), OPT(F_O311_JURISDICTION), END };
static const struct fdecl f_o311_list[] = {
	OPT(F_API_KEY), OPT(F_O311_JURISDICTION), OPT(F_SERVICE_REQUEST_ID),
	OPT(F_SERVICE_CODE), OPT(F_START_DATE), OPT(F_END_DATE), OPT(F_O311_STATUS),
	OPT(F_PAGE), END };
static const struct fdecl f_o311_post[] = {
	OPT(F_API_KEY), OPT(F_O311_JURISDICTION), OPT(F_SERVICE_CODE), OPT(F_LAT), OPT(F_LONG),
	OPT(F_ADDRESS_STRING), OPT(F_ADDRESS_ID), OPT(F_EMAIL), OPT(F_DEVICE_ID),
	OPT(F_ACCOUNT_ID), OPT(F_FIRST_NAME), OPT(F_LAST_NAME), OPT(F_O311_PHONE),
	OPT(F_DESCRIPTION), OPT(F_MEDIA_URL), END };
static const struct fdecl f_order_note[] = { OPT(F_NOTE), END };
static const struct fdecl f_order_reply[] = { OPT(F_RESULT), END };
static const struct fdecl f_order_return[] = {
	OPT(F_REASON), OPT(F_BASIS), OPT(F_SUGGESTED_UNIT_ID), END };
static const struct fdecl f_order_close[] = {
	OPT(F_SATISFACTION), OPT(F_NOTE), END };
static const struct fdecl f_order_reason[] = { OPT(F_REASON), END };
static const struct fdecl f_order_redispatch[] = {
	OPT(F_UNIT_ID), OPT(F_NOTE), END };
static const struct fdecl f_order_queue[] = {
	OPT(F_STATE), OPT(F_PAGE), OPT(F_DONE), END };
static const struct fdecl f_order_search[] = {
	OPT(F_NUMBER), OPT(F_CALLER_PHONE), OPT(F_STATE), OPT(F_UNIT_ID),
	OPT(F_CATEGORY_ID), OPT(F_FROM), OPT(F_TO), OPT(F_OVERDUE),
	OPT(F_PAGE), END };
static const struct fdecl f_typo[] = { OPT(F_WRONG), OPT(F_CORRECT), END };
static const struct fdecl f_kb_people[] = {
	OPT(F_LEADER_NAME), OPT(F_LEADER_PHONE), OPT(F_OWNER_NAME), OPT(F_OWNER_PHONE), END };
static const struct fdecl f_order_coop[] = { OPT(F_NOTE), END };
static const struct fdecl f_order_mine[] = {
	OPT(F_NUMBER), OPT(F_CALLER_PHONE), OPT(F_PAGE), END };
static const struct fdecl f_d_list[] = { OPT(F_STATE), OPT(F_PAGE), OPT(F_DONE), END };
static const struct fdecl f_d_opinion[] = { OPT(F_OPINION), END };
static const struct fdecl f_d_contact[] = { OPT(F_NOTE), END };
#define DECISION_FIELDS \
	OPT(F_OPINION), OPT(F_LEAD_UNIT_ID), REP(F_COOP_UNIT_ID, 64), \
	OPT(F_PRINCIPLE), OPT(F_BASIS)
static const struct fdecl f_d_review[] = {
	OPT(F_DECISION), OPT(F_TEMP_UNIT_ID), DECISION_FIELDS, END };
static const struct fdecl f_d_refuse[] = { OPT(F_REASON), END };
static const struct fdecl f_d_account[] = { OPT(F_FACTS), END };
static const struct fdecl f_d_rule[] = { OPT(F_KEYWORDS), END };
/* An agenda of at most 100 disputes (dispute_meeting_items lists that many). */
static const struct fdecl f_m_propose[] = {
	REP(F_DISPUTE_ID, 100), OPT(F_TOPIC), END };
static const struct fdecl f_m_schedule[] = {
	OPT(F_STARTS_AT), OPT(F_PLACE), OPT(F_INVITEES), END };
static const struct fdecl f_m_decide[] = { OPT(F_DISPUTE_ID), DECISION_FIELDS, END };
static const struct fdecl f_m_held[] = { OPT(F_ATTENDANCE), OPT(F_MINUTES), END };
static const struct fdecl f_acc_list[] = { OPT(F_STATE), OPT(F_DONE), END };
static const struct fdecl f_month[] = { OPT(F_MONTH), OPT(F_DONE), END };
static const struct fdecl f_month_req[] = { REQ(F_MONTH), END };
static const struct fdecl f_formula[] = {
	REQ(F_W_TIMELY), REQ(F_W_COMPLETE), REQ(F_W_ONECALL), REQ(F_W_ACCURATE),
	REQ(F_W_QUALITY), REQ(F_SAMPLE_PCT), REQ(F_SAMPLE_MIN), END };
static const struct fdecl f_qa_mark[] = { REQ(F_VERDICT), OPT(F_REASON), OPT(F_ENTRY_ID), END };
static const struct fdecl f_bulletin_save[] = {
	REQ(F_TITLE), OPT(F_BODY), REQ(F_COMMEND_N), REQ(F_NAME_BELOW), END };
static const struct fdecl f_table[] = { OPT(F_TABLE), END };
static const struct fdecl f_retention[] = { REQ(F_RETAIN_MONTHS), OPT(F_DUP_DAYS), END };

const struct route routes[] = {
	{ M_GET, "/hello", h_hello, CAP_PUBLIC, f_none, ROUTE_NO_SESSION },
	{ M_GET, "/login", h_login_form, CAP_PUBLIC, f_login_form, 0 },
	{ M_POST, "/login", h_login, CAP_PUBLIC, f_login, 0 },
	{ M_POST, "/logout", h_logout, CAP_SESSION, f_none, 0 },
	{ M_GET, "/", h_home, CAP_SESSION, f_done, 0 },
	{ M_GET, "/account/password", h_password_form, CAP_SESSION, f_done, 0 },
	{ M_POST, "/account/password", h_password, CAP_SESSION, f_password, 0 },
	{ M_GET, "/admin/jurisdictions", h_jurisdictions, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/jurisdictions", h_jurisdiction_create, CAP_ADMIN, f_jur_create, 0 },
	{ M_POST, "/admin/jurisdictions/{id}", h_jurisdiction_update, CAP_ADMIN, f_jur_update, 0 },
	{ M_GET, "/admin/units", h_units, CAP_ADMIN, f_units, 0 },
	{ M_POST, "/admin/units", h_unit_create, CAP_ADMIN, f_unit_create, 0 },
	{ M_GET, "/admin/units/{id}", h_unit_form, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/units/{id}", h_unit_update, CAP_ADMIN, f_unit_update, 0 },
	{ M_GET, "/admin/users", h_users, CAP_ADMIN, f_users, 0 },
	{ M_POST, "/admin/users", h_user_create, CAP_ADMIN, f_user_create, 0 },
	{ M_GET, "/admin/users/{id}", h_user_form, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/users/{id}", h_user_update, CAP_ADMIN, f_user_update, 0 },
	{ M_POST, "/admin/users/{id}/password", h_user_reset_password, CAP_ADMIN, f_user_password, 0 },
	{ M_POST, "/admin/users/{id}/memberships", h_membership_add, CAP_ADMIN, f_membership_add, 0 },
	{ M_POST, "/admin/memberships/{id}/deactivate", h_membership_deactivate, CAP_ADMIN, f_none, 0 },
	{ M_GET, "/admin/categories", h_categories, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/categories", h_category_create, CAP_ADMIN, f_category, 0 },
	{ M_GET, "/admin/categories/{id}", h_category_form, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/categories/{id}", h_category_update, CAP_ADMIN, f_category, 0 },
	{ M_POST, "/admin/categories/{id}/service", h_category_service, CAP_ADMIN, f_category_service, 0 },
	{ M_POST, "/admin/categories/{id}/attributes", h_category_attribute_add, CAP_ADMIN, f_category_attr, 0 },
	{ M_POST, "/admin/attributes/{id}/deactivate", h_category_attribute_off, CAP_ADMIN, f_none, 0 },
	{ M_GET, "/admin/open311", h_o311_keys, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/open311", h_o311_key_create, CAP_ADMIN, f_o311_key, 0 },
	{ M_POST, "/admin/open311/{id}/revoke", h_o311_key_revoke, CAP_ADMIN, f_none, 0 },
	{ M_GET, "/admin/routing", h_routing, CAP_ADMIN, f_routing, 0 },
	{ M_POST, "/admin/routing", h_routing_create, CAP_ADMIN, f_routing_create, 0 },
	{ M_POST, "/admin/routing/{id}", h_routing_update, CAP_ADMIN, f_routing_update, 0 },
	{ M_GET, "/admin/procedures", h_procedures, CAP_ADMIN, f_done, 0 },
	{ M_POST, "/admin/procedures", h_procedure_create, CAP_ADMIN, f_procedure_create, 0 },
	{ M_GET, "/calendar", h_calendar, CAP_SESSION, f_calendar, 0 },
	{ M_POST, "/calendar", h_calendar_set, CAP_CALENDAR_EDIT, f_calendar_set, 0 },
	{ M_GET, "/audit", h_audit, CAP_AUDIT_READ, f_audit, 0 },
	{ M_GET, "/knowledge", h_kb_search, CAP_KB_SEARCH, f_kb_search, 0 },
	{ M_GET, "/knowledge/mine", h_kb_mine, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/new", h_kb_new_form, CAP_KB_EDIT, f_kb_new_form, 0 },
	{ M_POST, "/knowledge/new", h_kb_create, CAP_KB_EDIT, f_kb_create, 0 },
	{ M_GET, "/knowledge/pending", h_kb_pending, CAP_KB_APPROVE, f_done, 0 },
	{ M_GET, "/knowledge/overdue", h_kb_overdue, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/review", h_kb_review_form, CAP_KB_EDIT, f_done, 0 },
	{ M_POST, "/knowledge/review", h_kb_review, CAP_KB_EDIT, f_kb_review, 0 },
	{ M_GET, "/knowledge/entries/{id}", h_kb_entry, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/entries/{id}/history", h_kb_history, CAP_KB_SEARCH, f_none, 0 },
	{ M_GET, "/knowledge/entries/{id}/diff", h_kb_diff, CAP_KB_SEARCH, f_kb_diff, 0 },
	{ M_POST, "/knowledge/entries/{id}/draft", h_kb_redraft, CAP_KB_EDIT, f_none, 0 },
	{ M_POST, "/knowledge/entries/{id}/obsolete", h_kb_obsolete, CAP_KB_EDIT, f_kb_reason_required, 0 },
	{ M_GET, "/knowledge/versions/{id}", h_kb_version, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/versions/{id}/edit", h_kb_edit_form, CAP_KB_EDIT, f_none, 0 },
	{ M_POST, "/knowledge/versions/{id}", h_kb_save, CAP_KB_EDIT, f_kb_save, 0 },
	{ M_POST, "/knowledge/versions/{id}/submit", h_kb_submit, CAP_KB_EDIT, f_none, 0 },
	{ M_POST, "/knowledge/versions/{id}/withdraw", h_kb_withdraw, CAP_KB_EDIT, f_none, 0 },
	{ M_POST, "/knowledge/versions/{id}/approve", h_kb_approve, CAP_KB_APPROVE, f_none, 0 },
	{ M_POST, "/knowledge/versions/{id}/reject", h_kb_reject, CAP_KB_APPROVE, f_kb_reason, 0 },
	{ M_POST, "/knowledge/entries/{id}/report", h_kb_report, CAP_ORDER_INTAKE, f_kb_report, 0 },
	{ M_GET, "/knowledge/updates", h_kb_updates, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/updates/{id}", h_kb_update, CAP_KB_SEARCH, f_done, 0 },
	{ M_POST, "/knowledge/updates/{id}/reply", h_kb_update_reply, CAP_KB_EDIT, f_message, 0 },
	{ M_POST, "/knowledge/updates/{id}/fixed", h_kb_update_fixed, CAP_KB_EDIT, f_message, 0 },
	{ M_POST, "/knowledge/updates/{id}/confirm", h_kb_update_confirm, CAP_KB_SEARCH, f_message, 0 },
	{ M_POST, "/knowledge/updates/{id}/reopen", h_kb_update_reopen, CAP_KB_SEARCH, f_message, 0 },
	{ M_GET, "/knowledge/gaps", h_kb_gaps, CAP_DISPATCH, f_done, 0 },
	{ M_POST, "/knowledge/gaps/{id}/assign", h_kb_gap_assign, CAP_DISPATCH, f_gap_assign, 0 },
	{ M_GET, "/knowledge/synonyms", h_kb_synonyms, CAP_KB_STANDARDS, f_done, 0 },
	{ M_POST, "/knowledge/synonyms", h_kb_synonym_add, CAP_KB_STANDARDS, f_synonym, 0 },
	{ M_POST, "/knowledge/synonyms/{id}/delete", h_kb_synonym_delete, CAP_KB_STANDARDS, f_none, 0 },
	{ M_GET, "/knowledge/typos", h_kb_typos, CAP_KB_STANDARDS, f_done, 0 },
	{ M_POST, "/knowledge/typos", h_kb_typo_add, CAP_KB_STANDARDS, f_typo, 0 },
	{ M_POST, "/knowledge/typos/{id}/delete", h_kb_typo_delete, CAP_KB_STANDARDS, f_none, 0 },
	{ M_GET, "/knowledge/learned", h_kb_learned, CAP_KB_STANDARDS, f_done, 0 },
	{ M_POST, "/knowledge/learned/{id}/delete", h_kb_learned_delete, CAP_KB_STANDARDS, f_none, 0 },
	{ M_GET, "/knowledge/grants", h_kb_grants, CAP_KB_SEARCH, f_done, 0 },
	{ M_GET, "/knowledge/people", h_kb_people, CAP_KB_SEARCH, f_done, 0 },
	{ M_POST, "/knowledge/people", h_kb_people_save, CAP_KB_APPROVE, f_kb_people, 0 },
	{ M_GET, "/assessment", h_assess, CAP_SESSION, f_month, 0 },
	{ M_POST, "/assessment/compute", h_assess_compute, CAP_DISPATCH, f_month_req, 0 },
	{ M_GET, "/assessment/export.csv", h_assess_csv, CAP_DISPATCH, f_month, 0 },
	{ M_GET, "/assessment/formula", h_assess_formula, CAP_DISPATCH, f_done, 0 },
	{ M_POST, "/assessment/formula", h_assess_formula_save, CAP_DISPATCH, f_formula, 0 },
	{ M_GET, "/assessment/units/{id}", h_assess_unit, CAP_SESSION, f_month, 0 },
	{ M_GET, "/quality", h_quality, CAP_QA, f_month, 0 },
	{ M_POST, "/quality/draw", h_quality_draw, CAP_QA, f_month_req, 0 },
	{ M_POST, "/quality/samples/{id}", h_quality_mark, CAP_QA, f_qa_mark, 0 },
	{ M_GET, "/bulletins", h_bulletins, CAP_SESSION, f_month, 0 },
	{ M_POST, "/bulletins", h_bulletin_create, CAP_DISPATCH, f_month_req, 0 },
	{ M_GET, "/bulletins/{id}", h_bulletin, CAP_SESSION, f_done, 0 },
	{ M_POST, "/bulletins/{id}", h_bulletin_save, CAP_DISPATCH, f_bulletin_save, 0 },
	{ M_POST, "/bulletins/{id}/approve", h_bulletin_approve, CAP_DISPATCH, f_none, 0 },
	{ M_POST, "/bulletins/{id}/publish", h_bulletin_publish, CAP_DISPATCH, f_none, 0 },
	{ M_GET, "/bulletins/{id}/export.csv", h_bulletin_csv, CAP_SESSION, f_table, 0 },
	{ M_POST, "/knowledge/grants", h_kb_grant_request, CAP_KB_EDIT, f_grant, 0 },
	{ M_POST, "/knowledge/grants/{id}/approve", h_kb_grant_approve, CAP_KB_APPROVE, f_none, 0 },
	{ M_POST, "/knowledge/grants/{id}/consent", h_kb_grant_consent, CAP_DISPATCH, f_none, 0 },
	{ M_POST, "/knowledge/grants/{id}/refuse", h_kb_grant_refuse, CAP_KB_SEARCH, f_none, 0 },
	{ M_GET, "/knowledge/export", h_kb_export, CAP_KB_EDIT, f_none, 0 },
	{ M_GET, "/orders/new", h_order_new, CAP_ORDER_INTAKE, f_order_new, 0 },
	/* The intake form posts to itself to search the knowledge base and
	 * look up the caller without losing what was typed. */
	{ M_POST, "/orders/new", h_order_new, CAP_ORDER_INTAKE, f_order_new, 0 },
	{ M_POST, "/orders", h_order_create, CAP_ORDER_INTAKE, f_order_create, 0 },
	{ M_GET, "/orders", h_order_search, CAP_DISPATCH, f_order_search, 0 },
	{ M_GET, "/orders/export.csv", h_order_csv, CAP_DISPATCH, f_order_search, 0 },
	{ M_GET, "/orders/queue", h_order_queue, CAP_ORDER_HANDLE, f_order_queue, 0 },
	{ M_GET, "/orders/mine", h_order_mine, CAP_ORDER_INTAKE, f_order_mine, 0 },
	{ M_GET, "/orders/returns", h_order_returns, CAP_DISPATCH, f_page, 0 },
	{ M_GET, "/orders/pending", h_order_pending, CAP_ORDER_INTAKE, f_page, 0 },
	{ M_GET, "/orders/duplicates", h_order_duplicates, CAP_DISPATCH, f_page, 0 },
	{ M_GET, "/orders/retention", h_order_retention, CAP_DISPATCH, f_done, 0 },
	{ M_POST, "/orders/retention", h_order_retention_save, CAP_DISPATCH, f_retention, 0 },
	{ M_GET, "/orders/{id}", h_order_view, CAP_SESSION, f_done, 0 },
	{ M_GET, "/orders/{id}/print", h_order_print, CAP_SESSION, f_none, 0 },
	{ M_POST, "/orders/{id}/accept", h_order_accept, CAP_ORDER_HANDLE, f_none, 0 },
	{ M_POST, "/orders/{id}/note", h_order_note, CAP_ORDER_HANDLE, f_order_note, 0 },
	{ M_POST, "/orders/{id}/reply", h_order_reply, CAP_ORDER_HANDLE, f_order_reply, 0 },
	{ M_POST, "/orders/{id}/return", h_order_return, CAP_ORDER_HANDLE, f_order_return, 0 },
	{ M_POST, "/orders/{id}/close", h_order_close, CAP_DISPATCH, f_order_close, 0 },
	{ M_POST, "/orders/{id}/send-back", h_order_send_back, CAP_DISPATCH, f_order_reason, 0 },
	{ M_POST, "/orders/{id}/reopen", h_order_reopen, CAP_DISPATCH, f_order_reason, 0 },
	{ M_POST, "/orders/{id}/urge", h_order_urge, CAP_DISPATCH, f_order_note, 0 },
	{ M_POST, "/orders/{id}/redispatch", h_order_redispatch, CAP_DISPATCH, f_order_redispatch, 0 },
	{ M_POST, "/orders/{id}/refuse-return", h_order_refuse_return, CAP_DISPATCH, f_order_reason, 0 },
	{ M_POST, "/orders/{id}/coop", h_order_coop, CAP_ORDER_HANDLE, f_order_coop, 0 },
	{ M_POST, "/orders/{id}/dispute", h_order_dispute, CAP_DISPATCH, f_order_note, 0 },
	{ M_POST, "/orders/{id}/merge", h_order_merge, CAP_DISPATCH, f_merge, 0 },
	{ M_POST, "/orders/{id}/not-duplicate", h_order_not_duplicate, CAP_DISPATCH, f_none, 0 },
	{ M_POST, "/orders/{id}/qcode", h_order_qcode, CAP_SESSION, f_none, 0 },
	{ M_GET, "/disputes", h_disputes, CAP_SESSION, f_d_list, 0 },
	{ M_GET, "/disputes/{id}", h_dispute_view, CAP_SESSION, f_done, 0 },
	{ M_GET, "/disputes/{id}/form", h_dispute_form, CAP_SESSION, f_none, 0 },
	{ M_POST, "/disputes/{id}/unit-opinion", h_dispute_unit_opinion, CAP_ORDER_HANDLE, f_d_opinion, 0 },
	{ M_POST, "/disputes/{id}/coordinate", h_dispute_coordinate, CAP_DISPATCH, f_d_opinion, 0 },
	{ M_POST, "/disputes/{id}/contact", h_dispute_contact, CAP_DISPATCH, f_d_contact, 0 },
	{ M_POST, "/disputes/{id}/refer", h_dispute_refer, CAP_DISPATCH, f_none, 0 },
	{ M_POST, "/disputes/{id}/review", h_dispute_review, CAP_DISPUTE_REVIEW, f_d_review, 0 },
	{ M_POST, "/disputes/{id}/determine", h_dispute_determine, CAP_DISPATCH, f_d_opinion, 0 },
	{ M_POST, "/disputes/{id}/accept", h_dispute_accept, CAP_ORDER_HANDLE, f_none, 0 },
	{ M_POST, "/disputes/{id}/refuse", h_dispute_refuse, CAP_ORDER_HANDLE, f_d_refuse, 0 },
	{ M_POST, "/disputes/{id}/account", h_dispute_account, CAP_DISPATCH, f_d_account, 0 },
	{ M_POST, "/disputes/{id}/unbind", h_dispute_unbind, CAP_DISPATCH, f_d_refuse, 0 },
	{ M_POST, "/disputes/{id}/rule", h_dispute_rule, CAP_DISPATCH, f_d_rule, 0 },
	{ M_GET, "/meetings", h_meetings, CAP_MEETING_READ, f_done, 0 },
	{ M_POST, "/meetings", h_meeting_propose, CAP_DISPATCH, f_m_propose, 0 },
	{ M_GET, "/meetings/{id}", h_meeting_view, CAP_MEETING_READ, f_done, 0 },
	{ M_POST, "/meetings/{id}/schedule", h_meeting_schedule, CAP_MEETING, f_m_schedule, 0 },
	{ M_POST, "/meetings/{id}/decide", h_meeting_decide, CAP_MEETING, f_m_decide, 0 },
	{ M_POST, "/meetings/{id}/held", h_meeting_held, CAP_MEETING, f_m_held, 0 },
	{ M_GET, "/accountability", h_accountability, CAP_DISPATCH, f_acc_list, 0 },
	{ M_POST, "/accountability/{id}/close", h_accountability_close, CAP_DISPATCH, f_d_opinion, 0 },
	{ M_GET, "/kb", h_public_kb, CAP_PUBLIC, f_public_kb, ROUTE_NO_SESSION },
	{ M_GET, "/kb/e/{id}", h_public_entry, CAP_PUBLIC, f_done, ROUTE_NO_SESSION },
	{ M_POST, "/kb/e/{id}/vote", h_public_vote, CAP_PUBLIC, f_vote,
	  ROUTE_NO_SESSION | ROUTE_SAME_ORIGIN },
	/* 工单查询 (U4): a caller's own order, rate-limited per address. */
	{ M_GET, "/status", h_status_form, CAP_PUBLIC, f_none, ROUTE_NO_SESSION },
	{ M_POST, "/status", h_status_lookup, CAP_PUBLIC, f_status,
	  ROUTE_NO_SESSION | ROUTE_SAME_ORIGIN },
	/* Open311 GeoReport v2: other systems, with their api_key. */
	{ M_GET, "/open311/v2/services.{fmt}", h_o311_services, CAP_PUBLIC, f_o311_read,
	  ROUTE_NO_SESSION | ROUTE_API },
	{ M_GET, "/open311/v2/services/{ref}.{fmt}", h_o311_service, CAP_PUBLIC, f_o311_read,
	  ROUTE_NO_SESSION | ROUTE_API },
	{ M_GET, "/open311/v2/requests.{fmt}", h_o311_requests, CAP_PUBLIC, f_o311_list,
	  ROUTE_NO_SESSION | ROUTE_API },
	{ M_POST, "/open311/v2/requests.{fmt}", h_o311_post, CAP_PUBLIC, f_o311_post,
	  ROUTE_NO_SESSION | ROUTE_API },
	{ M_GET, "/open311/v2/requests/{ref}.{fmt}", h_o311_request, CAP_PUBLIC, f_o311_read,
	  ROUTE_NO_SESSION | ROUTE_API },
};

const size_t routes_count = sizeof routes / sizeof routes[0];

int end_tx(struct req *r, int rc)
{
	rc = db_end(r->db, rc);
	return rc == DB_OK ? 0 : db_status(rc);
}

/* What a pattern's placeholders captured. */
struct captures {
	long long id;
	const char *ref, *fmt;
	size_t ref_len;
};

/* Matches path against pattern; stores what {id}, {ref} and {fmt} match. */
static int match(const char *pattern, const char *path, struct captures *cap)
{
	const char *p = pattern, *s = path;
	while (*p != '\0') {
		if (strncmp(p, "{id}", 4) == 0) {
			long long v = 0;
			int digits = 0;
			while (*s >= '0' && *s <= '9' && digits < 18) {
				v = v * 10 + (*s - '0');
				s++;
				digits++;
			}
			if (digits == 0 || (*s >= '0' && *s <= '9'))
				return 0;
			cap->id = v;
			p += 4;
			continue;
		}
		if (strncmp(p, "{ref}", 5) == 0) {
			size_t n = 0;
			while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z') ||
			       (s[n] >= '0' && s[n] <= '9') || s[n] == '-' || s[n] == '_')
				n++;
			if (n == 0 || n > 48)
				return 0;
			cap->ref = s;
			cap->ref_len = n;
			s += n;
			p += 5;
			continue;
		}
		if (strncmp(p, "{fmt}", 5) == 0) {
			if (strcmp(s, "json") != 0 && strcmp(s, "xml") != 0)
				return 0;
			cap->fmt = s;
			return p[5] == '\0';
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *s == '\0';
}

int route_match(struct req *r)
{
	enum method m = r->method == M_HEAD ? M_GET : r->method;
	int path_found = 0;
	for (size_t i = 0; i < routes_count; i++) {
		struct captures cap = { 0 };
		if (!match(routes[i].pattern, r->path, &cap))
			continue;
		path_found = 1;
		if (routes[i].method == m) {
			r->route = &routes[i];
			r->id = cap.id;
			r->ref = cap.ref ? arena_strndup(r->a, cap.ref, cap.ref_len) : NULL;
			r->fmt = cap.fmt;
			return 0;
		}
	}
	return path_found ? 405 : 404;
}

/* How many times key is in l. */
static size_t occurrences(const struct kvlist *l, const char *key)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += strcmp(l->v[i].key, key) == 0;
	return n;
}

/* Every value of a repeatable number field into its list (at most
 * d->max of them); 0 or 400 with the message. */
static int check_list(struct req *r, const struct kvlist *src, const struct fdecl *d)
{
	struct fval *v = &r->f[d->f];
	long long *list = arena_alloc(r->a, (d->max + 1) * sizeof *list);
	size_t n = 0;
	int rc = form_ints(src, d->f, list, d->max, &n);
	if (rc == -1) {
		r->err_msg = arena_printf(r->a, "「%s」的内容不符合要求。", field_defs[d->f].label);
		return 400;
	}
	if (rc == -2) {
		r->err_msg = arena_printf(r->a, "「%s」最多选择 %u 项。", field_defs[d->f].label,
					  d->max);
		return 400;
	}
	v->list = list;
	v->nlist = n;
	v->present = n > 0;
	v->i = n > 0 ? list[0] : 0;
	if ((d->flags & FD_REQUIRED) && n == 0) {
		r->err_msg = arena_printf(r->a, "请填写「%s」。", field_defs[d->f].label);
		return 400;
	}
	return 0;
}

static int check_fields(struct req *r)
{
	const struct kvlist *src = r->method == M_POST ? &r->form : &r->query;
	for (const struct fdecl *d = r->route->fields; d && d->f != F__MAX; d++) {
		const char *name = field_defs[d->f].name;
		const char *raw = kv_get(src, name);
		size_t len = raw ? strlen(raw) : 0;
		/* Two values where one is meant: which one would count is
		 * not for the server to guess. */
		if (!(d->flags & FD_REPEAT) && occurrences(src, name) > 1) {
			r->err_msg = arena_printf(r->a, "「%s」只能填写一个。",
						  field_defs[d->f].label);
			return 400;
		}
		if (d->flags & FD_REPEAT) {
			int st = check_list(r, src, d);
			if (st)
				return st;
			continue;
		}
		if (field_check(d->f, raw, len, &r->f[d->f]) < 0) {
			r->err_msg = arena_printf(r->a, "「%s」的内容不符合要求。",
						  field_defs[d->f].label);
			return 400;
		}
		if ((d->flags & FD_REQUIRED) && !r->f[d->f].present) {
			r->err_msg = arena_printf(r->a, "请填写「%s」。",
						  field_defs[d->f].label);
			return 400;
		}
	}
	return 0;
}

/* Where a signed-out visitor goes back to after signing in. */
static int to_login(struct req *r)
{
	struct buf b;
	buf_init(&b, r->a);
	buf_puts(&b, "/login?next=");
	for (const char *p = r->path; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_')
			buf_add(&b, p, 1);
		else
			buf_printf(&b, "%%%02X", c);
	}
	return http_redirect(r, buf_str(&b));
}

/* The Allow header of a 405: the methods the path does answer. */
static const char *allowed(const char *path)
{
	int get = 0, post = 0;
	for (size_t i = 0; i < routes_count; i++) {
		struct captures cap = { 0 };
		if (match(routes[i].pattern, path, &cap)) {
			get |= routes[i].method == M_GET;
			post |= routes[i].method == M_POST;
		}
	}
	return get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
}

int route_dispatch(struct req *r)
{
	int status = route_match(r);
	if (status != 0) {
		if (status == 405)
			http_header(r, "Allow", allowed(r->path));
		return status;
	}
	if (!(r->route->flags & ROUTE_NO_SESSION)) {
		int rc = auth_load(r);
		if (rc == DB_DOWN)
			return 503;
		if (rc != 0)
			return 500;
	}
	if (!caps_allow(r->actor ? r->actor->caps : 0, r->actor != NULL,
			r->route->cap)) {
		if (r->actor == NULL && r->method != M_POST)
			return to_login(r);
		r->err_msg = r->actor ? "您的角色无权进行此操作。"
				      : "请先登录。会话可能已过期。";
		return 403;
	}
	if (r->route->flags & ROUTE_API) {
		/* The handler checks the api_key. */
	} else if (r->method == M_POST && (r->route->flags & ROUTE_SAME_ORIGIN)) {
		if (!http_same_origin(r)) {
			r->err_msg = "请从本站页面提交。";
			return 403;
		}
	} else if (r->method == M_POST) {
		const char *raw = kv_get(&r->form, field_defs[F_CSRF].name);
		if (occurrences(&r->form, field_defs[F_CSRF].name) != 1 ||
		    field_check(F_CSRF, raw, raw ? strlen(raw) : 0, &r->f[F_CSRF]) < 0 ||
		    !auth_csrf_ok(r)) {
			r->err_msg = "安全令牌无效或已过期，请返回上一页刷新后重试。";
			return 403;
		}
	}
	status = check_fields(r);
	if (status != 0)
		return status;
	return r->route->handler(r);
}
