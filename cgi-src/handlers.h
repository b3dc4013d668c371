/* Every handler of the route table, grouped by the file that holds it. */
#ifndef HANDLERS_H
#define HANDLERS_H
#include "http.h"

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

/* h_calendar.c */
int h_calendar(struct req *r);
int h_calendar_set(struct req *r);

/* h_audit.c */
int h_audit(struct req *r);

#endif
