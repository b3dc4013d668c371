/* Input at the boundary: urlencoded parsing, UTF-8 checks and the one table
 * of form fields with their validators (kcgi's habit: a handler sees only
 * fields that were declared and checked). */
#ifndef FORM_H
#define FORM_H
#include <stddef.h>
#include "arena.h"

struct kv {
	const char *key;
	const char *val;
	size_t val_len;
};

struct kvlist {
	struct kv *v;
	size_t n;
};

/* Returns 1 if s[0..n) is well-formed UTF-8 without NULs, overlong forms,
 * surrogates or code points above U+10FFFF; 0 otherwise. */
int utf8_valid(const char *s, size_t n);

/* Parses application/x-www-form-urlencoded text into arena memory.
 * Returns 0, or -1 for a bad %-escape, invalid UTF-8 or an embedded NUL. */
int form_parse_urlencoded(struct arena *a, const char *s, size_t n,
			  struct kvlist *out);

/* First value of key, or NULL. */
const char *kv_get(const struct kvlist *l, const char *key);
/* s as typed, without the spaces around it (ASCII and the ideographic
 * space U+3000 of Chinese input methods); arena memory. */
const char *form_trim(struct arena *a, const char *s);
/* The attribute[CODE]=value pairs of a form (Open311), with CODE as the
 * key: CODE 1-40 of V_CODE's characters, the value one line or text of
 * at most 1000 characters, at most 50 pairs, no CODE twice. 0, or -1. */
int form_attributes(struct arena *a, const struct kvlist *l, struct kv **out, size_t *n);

enum validator {
	V_LINE,     /* one line of text: no control characters */
	V_TEXT,     /* multi-line text: tabs and newlines allowed */
	V_INT,      /* decimal integer within [min, max] */
	V_DATE,     /* YYYY-MM-DD */
	V_CODE,     /* ASCII letters, digits, '-', '_', '.' */
	V_FLAG,     /* checkbox: present means 1 */
	V_RAW,      /* opaque token (CSRF): printable ASCII */
};

enum field {
	F_CSRF,
	F_USERNAME,
	F_PASSWORD,
	F_NEW_PASSWORD,
	F_NEW_PASSWORD2,
	F_NEXT,
	F_NAME,
	F_CODE,
	F_KIND,
	F_PARENT_ID,
	F_JURISDICTION_ID,
	F_UNIT_ID,
	F_USER_ID,
	F_ROLE,
	F_DISPLAY_NAME,
	F_PHONE,
	F_ACTIVE,
	F_DATE,
	F_DAY_KIND,
	F_MONTH,
	F_Q,
	F_PAGE,
	F_DONE,
	F_BEFORE,
	F_FROM,
	F_TO,
	F_N,
	F_TITLE,
	F_KEYWORDS,
	F_VISIBILITY,
	F_MAJOR,
	F_CHANGE_DATE,
	F_REASON,
	F_A,
	F_B,
	F_PROBLEM,
	F_MESSAGE,
	F_SUBMIT,
	F_UNIT_CODE,
	F_VOTE,
	F_KB_QUESTION,
	F_KB_ANSWER,
	F_KB_NOTES,
	F_KB_SERVICE,
	F_KB_CONDITIONS,
	F_KB_MATERIALS,
	F_KB_STEPS,
	F_KB_TIME_LIMIT,
	F_KB_FEES,
	F_KB_PLACE,
	F_KB_PHONE,
	F_KB_BASIS,
	F_KB_DOC_NUMBER,
	F_KB_ISSUER,
	F_KB_PROMULGATED,
	F_KB_EFFECTIVE,
	F_KB_VALIDITY,
	F_KB_TEXT,
	F_KB_FUNCTIONS,
	F_KB_SCOPE,
	F_KB_OFFICES,
	F_KB_CONTACTS,
	F_CALLER_NAME,
	F_CALLER_PHONE,
	F_CHANNEL,
	F_CATEGORY_ID,
	F_PLACE,
	F_CONTENT,
	F_DEMAND,
	F_CAUSE,
	F_CONTRADICTION,
	F_OUTCOME,
	F_ENTRY_ID,
	F_THREE_WAY_UNIT_ID,
	F_NOTE,
	F_RESULT,
	F_SATISFACTION,
	F_BASIS,
	F_SUGGESTED_UNIT_ID,
	F_STATE,
	F_NUMBER,
	F_OVERDUE,
	F_TIME_LIMIT,
	F_REOPEN,
	F_OPINION,
	F_LEAD_UNIT_ID,
	F_COOP_UNIT_ID,
	F_PRINCIPLE,
	F_DECISION,
	F_TEMP_UNIT_ID,
	F_DISPUTE_ID,
	F_STARTS_AT,
	F_TOPIC,
	F_INVITEES,
	F_ATTENDANCE,
	F_MINUTES,
	F_FACTS,
	F_ESTABLISHMENT_UNIT_ID,
	F_LEGAL_UNIT_ID,
	F_CONVENER_UNIT_ID,
	F_NO_LEGAL,
	F_REVIEW_DAYS,
	F_ACCEPT_DAYS,
	F_OPINION_DAYS,
	F_WORD,
	F_SYNONYM,
	F_ENTRY,
	F_LEADER_NAME,
	F_LEADER_PHONE,
	F_OWNER_NAME,
	F_OWNER_PHONE,
	F_WRONG,
	F_CORRECT,
	F_INTAKE_KEY,
	F_W_TIMELY,
	F_W_COMPLETE,
	F_W_ONECALL,
	F_W_ACCURATE,
	F_W_QUALITY,
	F_SAMPLE_PCT,
	F_SAMPLE_MIN,
	F_VERDICT,
	F_BODY,
	F_COMMEND_N,
	F_NAME_BELOW,
	F_TABLE,
	F_RETAIN_MONTHS,
	F_PENDING_ID,
	F_DUP_OF,
	F_REFER_ID,
	F_MASTER_ID,
	F_DUP_DAYS,
	F_QCODE,
	F_REFER_CHANNEL,
	F_REFER_SCRIPT,
	F_REFER_KEYWORDS,
	F_SERVICE_DESCRIPTION,
	F_ATTR_CODE,
	F_DATATYPE,
	F_REQUIRED,
	F_ATTR_DESCRIPTION,
	F_LIST_VALUES,
	F_SOURCE,
	F_API_KEY,
	F_SERVICE_CODE,
	F_LAT,
	F_LONG,
	F_ADDRESS_STRING,
	F_ADDRESS_ID,
	F_EMAIL,
	F_DEVICE_ID,
	F_ACCOUNT_ID,
	F_FIRST_NAME,
	F_LAST_NAME,
	F_DESCRIPTION,
	F_MEDIA_URL,
	F_O311_JURISDICTION,
	F_SERVICE_REQUEST_ID,
	F_START_DATE,
	F_END_DATE,
	F_O311_STATUS,
	F_O311_PHONE,
	F_LOOKUP_NUMBER,
	F__MAX
};

struct field_def {
	const char *name;   /* form key */
	const char *label;  /* Chinese label for error messages */
	enum validator v;
	size_t max_len;     /* characters; the column that stores it is as wide */
	long long min, max; /* V_INT range */
};

extern const struct field_def field_defs[F__MAX];

/* A checked value: present == 0 when the field was absent or empty. */
struct fval {
	int present;
	const char *s;
	long long i;
	const long long *list;  /* a repeatable number field: every value, */
	size_t nlist;           /* checked, blanks and duplicates dropped */
};

/* Checks one raw value against its field's validator.
 * Returns 0 and fills *out, or -1. */
int field_check(enum field f, const char *raw, size_t len, struct fval *out);

/* Every value of a repeated integer field (checkboxes, multi-selects):
 * each checked by f's validator, blanks skipped, duplicates dropped, in
 * form order. Returns 0 with *n values, -1 when one is not valid, -2
 * when there are more than max. */
int form_ints(const struct kvlist *l, enum field f, long long *out, size_t max,
	      size_t *n);

#endif
