/* CSV for spreadsheets (the office's exports), pure. */
#ifndef CSV_H
#define CSV_H
#include "arena.h"

/*
 * Appends one cell: always quoted, quotes doubled, and, when the cell
 * starts with what a spreadsheet would take for a formula (= + - @, a
 * tab or a carriage return: OWASP's CSV injection), a leading apostrophe
 * so that it stays text. s NULL is an empty cell. last ends the row with
 * CRLF, else a comma follows.
 */
void csv_cell(struct buf *b, const char *s, int last);

/*
 * A phone number (digits and '-') as text: after a tab, which the
 * spreadsheet keeps (no 1.38E+10, no lost leading 0) and which cannot
 * start a formula here, since what follows is only digits. Anything else
 * is an ordinary csv_cell.
 */
void csv_phone(struct buf *b, const char *s, int last);

#endif
