/* Every handler of the route table, grouped by the file that holds it. */
#ifndef HANDLERS_H
#define HANDLERS_H
#include "db.h"
#include "dispute_view.h"
#include "http.h"
#include "kb_view.h"
#include "order_view.h"

/* route.c: the end of a change: commit, or roll back and return the
 * status of the db_err (db_status; 0 when committed). */
int end_tx(struct req *r, int rc);

/* h_auth.c */
int h_login_form(struct req *r);
int h_login(struct req *r);
int h_logout(struct req *r);
int h_password_form(struct req *r);
int h_password(struct req *r);

/* h_home.c */
int h_home(struct req *r);
int h_hello(struct req *r);

/* h_admin.c */
int h_jurisdictions(struct req *r);
int h_jurisdiction_create(struct req *r);
int h_jurisdiction_update(struct req *r);
int h_units(struct req *r);
int h_unit_create(struct req *r);
int h_unit_form(struct req *r);
int h_unit_update(struct req *r);
int h_users(struct req *r);
int h_user_create(struct req *r);
int h_user_form(struct req *r);
int h_user_update(struct req *r);
int h_user_reset_password(struct req *r);
int h_membership_add(struct req *r);
int h_membership_deactivate(struct req *r);

/* h_categories.c: 问题分类 and 派单规则 */
int h_categories(struct req *r);
int h_category_create(struct req *r);
int h_category_form(struct req *r);
int h_category_update(struct req *r);
/* h_category_service.c: 转其他渠道 and the Open311 service of a category */
int category_service_fill(struct req *r, struct tdict *d, long long id);
int h_category_service(struct req *r);
int h_category_attribute_add(struct req *r);
int h_category_attribute_off(struct req *r);
int h_routing(struct req *r);
int h_routing_create(struct req *r);
int h_routing_update(struct req *r);

/* h_procedures.c: each jurisdiction's 争议认定程序 */
int h_procedures(struct req *r);
int h_procedure_create(struct req *r);

/* h_calendar.c */
int h_calendar(struct req *r);
int h_calendar_set(struct req *r);

/* h_audit.c */
int h_audit(struct req *r);

/* h_kb.c */
int h_kb_search(struct req *r);
int h_kb_entry(struct req *r);
int h_kb_version(struct req *r);
int h_kb_history(struct req *r);
int h_kb_diff(struct req *r);
int h_kb_mine(struct req *r);
int h_kb_new_form(struct req *r);
int h_kb_create(struct req *r);
int h_kb_edit_form(struct req *r);
int h_kb_save(struct req *r);
int h_kb_submit(struct req *r);
int h_kb_withdraw(struct req *r);
int h_kb_approve(struct req *r);
int h_kb_reject(struct req *r);
int h_kb_redraft(struct req *r);
int h_kb_obsolete(struct req *r);
int h_kb_pending(struct req *r);
int h_kb_overdue(struct req *r);
int h_kb_review_form(struct req *r);
int h_kb_review(struct req *r);

/* h_kb_updates.c */
int h_kb_report(struct req *r);
int h_kb_updates(struct req *r);
int h_kb_update(struct req *r);
int h_kb_update_reply(struct req *r);
int h_kb_update_fixed(struct req *r);
int h_kb_update_confirm(struct req *r);
int h_kb_update_reopen(struct req *r);
int h_kb_gaps(struct req *r);
int h_kb_gap_assign(struct req *r);

/* h_synonyms.c: the search's synonyms and learned answers (K7) */
int h_kb_synonyms(struct req *r);
int h_kb_synonym_add(struct req *r);
int h_kb_synonym_delete(struct req *r);
int h_kb_learned(struct req *r);
int h_kb_learned_delete(struct req *r);

/* h_kb_grants.c */
int h_kb_grants(struct req *r);
int h_kb_people(struct req *r);
int h_kb_people_save(struct req *r);
int h_kb_typos(struct req *r);
int h_order_retention(struct req *r);
int h_order_retention_save(struct req *r);
/* h_assess.c */
int h_assess(struct req *r);
int h_assess_compute(struct req *r);
int h_assess_csv(struct req *r);
int h_assess_formula(struct req *r);
int h_assess_formula_save(struct req *r);
int h_assess_unit(struct req *r);
/* The month of ?month= ("YYYY-MM", one that has begun), else the last one
 * ended; -1 with r->err_msg when it is not one. */
int assess_req_month(struct req *r, char out[8]);
/* h_quality.c */
int h_quality(struct req *r);
int h_quality_draw(struct req *r);
int h_quality_mark(struct req *r);
/* h_bulletins.c */
int h_bulletins(struct req *r);
int h_bulletin_create(struct req *r);
int h_bulletin(struct req *r);
int h_bulletin_save(struct req *r);
int h_bulletin_approve(struct req *r);
int h_bulletin_publish(struct req *r);
int h_bulletin_csv(struct req *r);
int h_kb_typo_add(struct req *r);
int h_kb_typo_delete(struct req *r);
int h_kb_grant_request(struct req *r);
int h_kb_grant_approve(struct req *r);
int h_kb_grant_consent(struct req *r);
int h_kb_grant_refuse(struct req *r);
int h_kb_export(struct req *r);

/* h_public.c */
int h_public_kb(struct req *r);
int h_public_entry(struct req *r);
int h_public_vote(struct req *r);

/* h_status.c: 工单查询, a caller's own order without an account */
int h_status_form(struct req *r);
int h_status_lookup(struct req *r);

/* h_open311.c: Open311 GeoReport v2 for other systems */
int h_o311_services(struct req *r);
int h_o311_service(struct req *r);
int h_o311_post(struct req *r);
int h_o311_request(struct req *r);
int h_o311_requests(struct req *r);
/* The specification's error document for status (view_error's, on the
 * interface's paths). */
void open311_error(struct req *r, int status);

/* h_open311_keys.c: the admin's API keys */
int h_o311_keys(struct req *r);
int h_o311_key_create(struct req *r);
int h_o311_key_revoke(struct req *r);

/* h_order_dupes.c: the intake queue of other systems' requests, likely
 * duplicates and merging, a new query code */
int h_order_pending(struct req *r);
int h_order_duplicates(struct req *r);
int h_order_merge(struct req *r);
int h_order_not_duplicate(struct req *r);
int h_order_qcode(struct req *r);
/* What a new or open order is, to look for its likely duplicates. */
struct dup_probe {
	const char *phone, *place, *content;
	long long category, jur;
	long long except;   /* the order itself, or 0 */
	long long picked;   /* the intake's choice (dup_of), or 0 */
	int self_mergeable; /* the order page: the order itself may merge */
};
/* The DUPES section: likely duplicates within the office's days, with a
 * choice for the intake (merge 0) or merge buttons for the office's
 * order page (merge 1). 0 or a status. */
int order_dupes_fill(struct req *r, struct tdict *d, const struct dup_probe *p, int merge);
/* Hands the caller's new query code to the next page (a short-lived
 * cookie: the code is stored only hashed, and a URL would log it). */
void order_code_flash(struct req *r, long long id, const char *code);
/* The code handed for order number/id, if the cookie holds one that
 * matches its hash, else NULL; the cookie is cleared. */
const char *order_code_shown(struct req *r, long long id, const char *number,
			     const char *hash);

/* h_orders.c: intake, the order page and its actions */
int h_order_new(struct req *r);
int h_order_create(struct req *r);
int h_order_view(struct req *r);
int h_order_print(struct req *r);
int h_order_accept(struct req *r);
int h_order_note(struct req *r);
int h_order_reply(struct req *r);
int h_order_return(struct req *r);
int h_order_close(struct req *r);
int h_order_send_back(struct req *r);
int h_order_reopen(struct req *r);
int h_order_urge(struct req *r);
int h_order_redispatch(struct req *r);
int h_order_refuse_return(struct req *r);
int h_order_coop(struct req *r);
int h_order_dispute(struct req *r);
/* h_disputes.c: the determination procedure */
int h_disputes(struct req *r);
int h_dispute_view(struct req *r);
int h_dispute_unit_opinion(struct req *r);
int h_dispute_coordinate(struct req *r);
int h_dispute_contact(struct req *r);
int h_dispute_refer(struct req *r);
int h_dispute_review(struct req *r);
int h_dispute_determine(struct req *r);
int h_dispute_accept(struct req *r);
int h_dispute_refuse(struct req *r);
int h_dispute_account(struct req *r);
int h_dispute_unbind(struct req *r);
int h_dispute_rule(struct req *r);
/* h_meetings.c: joint meetings (联席会议) and accountability (问责) */
int h_meetings(struct req *r);
int h_meeting_propose(struct req *r);
int h_meeting_view(struct req *r);
int h_meeting_schedule(struct req *r);
int h_meeting_decide(struct req *r);
int h_meeting_held(struct req *r);
int h_accountability(struct req *r);
int h_accountability_close(struct req *r);

/* h_dispute_form.c: the printable 争议认定表 */
int h_dispute_form(struct req *r);

/* h_order_lists.c: the unit's queue, the office's search, CSV, returns */
int h_order_queue(struct req *r);
int h_order_search(struct req *r);
int h_order_mine(struct req *r);
int h_order_csv(struct req *r);
int h_order_returns(struct req *r);

#endif
