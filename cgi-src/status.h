/* What a caller sees of their own order (U4, issue 16), pure: the 查询码
 * (query code) told at intake, and the public timeline. No I/O. */
#ifndef STATUS_H
#define STATUS_H
#include <stddef.h>

#define QCODE_LEN 6
/* Letters and digits a caller reads over the phone without confusing
 * them: no 0/O, 1/I/L. */
#define QCODE_ALPHABET "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

/* A query code from random bytes: each byte below the largest multiple of
 * the alphabet's size picks a character, the rest are skipped (no bias).
 * Returns 0, or -1 when the bytes ran out first (draw more and retry). */
int qcode_from_bytes(const unsigned char *rnd, size_t n, char out[QCODE_LEN + 1]);
/* A new query code from the system's random source; 0 or -1. */
int qcode_new(char out[QCODE_LEN + 1]);
/* What a caller typed, as a code: spaces and '-' dropped, lower case
 * raised. 0, or -1 when it is not 6 characters of the alphabet. */
int qcode_normalize(const char *in, char out[QCODE_LEN + 1]);
/* The stored form: hex SHA-256 of "number:code". */
void qcode_hash(const char *number, const char *code, char hex[65]);
/* Whether s is the last four digits of a phone number: 4 ASCII digits. */
int status_last_four(const char *s);

/* The line the public timeline shows for an event kind, or NULL for an
 * event the public does not see (notes, urges, returns, disputes' inner
 * steps: the caller is told what happened to the order, not who said
 * what inside). */
const char *status_event_label(const char *kind);
/* Whether the public timeline names the event's target unit. */
int status_event_names_unit(const char *kind);

#endif
