/*
 * bigram.h - Chinese full-text search text (全文检索), pure.
 *
 * InnoDB FULLTEXT sees a run of Chinese characters as one word, so the
 * application writes a second column holding the text as overlapping
 * character bigrams and turns a user's query into a BOOLEAN MODE query
 * over the same bigrams (STACK-NOTES.md, "Chinese full-text search").
 * The server needs innodb_ft_min_token_size=1 and stopwords off.
 *
 * Characters, after normalisation, fall in three classes:
 *   word  ASCII letters and digits, and letters of alphabetic scripts
 *         below U+2E80 (Latin with accents, Greek, Cyrillic ...);
 *   CJK   every other letter-like character from U+2E80 up (汉字,
 *         kana, hangul, CJK extension planes);
 *   sep   whitespace, ASCII and CJK punctuation, symbols, emoji,
 *         combining marks, private use: they end a run and vanish.
 *
 * Index format (bg_index_text): tokens separated by one space.
 *   word run      one token, cut to BG_MAX_WORD characters: "12345", "app"
 *   CJK run c1..cn  the bigrams c1c2 .. c(n-1)cn, then cn alone:
 *                 "办理户口" -> "办理 理户 户口 口"; "户" -> "户".
 * The lone last character lets a one-character query (户*) find every
 * occurrence, at the end of a run too.
 *
 * Query format (bg_query): the query is split on whitespace into terms;
 * each term must match, so each becomes one "+" clause:
 *   one token          +户口       +app      +12345
 *   several tokens     +"户口 口迁 迁移"  (a phrase: adjacent in the index)
 *   lone CJK char      +户*        (prefix: bigrams starting with 户)
 * Inside a term, a CJK run followed by another run is known to end
 * there, so its lone last character joins the phrase: "社保卡app" ->
 * +"社保 保卡 卡 app". A lone CJK character at the end of a longer term
 * cannot be a prefix inside a phrase; it becomes its own clause:
 * "app卡" -> +app +卡*.  Example: "社保卡 APP 下载" ->
 * +"社保 保卡" +app +下载.
 * Limits: at most BG_MAX_TERMS terms (later ones are ignored) and
 * BG_MAX_TOKENS tokens per term (a longer term is searched by its first
 * BG_MAX_TOKENS tokens, which finds a superset). The output holds only
 * letters, digits, CJK characters, '+', '"', '*' and spaces; '*' only
 * ever follows a lone CJK character, and quotes come in pairs.
 */
#ifndef BIGRAM_H
#define BIGRAM_H
#include <stddef.h>
#include "arena.h"

#define BG_MAX_TERMS  8
/* Terms bg_highlight marks: as many as a search has (XI_MAX_TERMS). */
#define BG_MAX_MARKS  64
#define BG_MAX_TOKENS 32
/* innodb_ft_max_token_size's default: longer words would not be indexed. */
#define BG_MAX_WORD   84

/*
 * NFKC-lite: full-width ASCII (U+FF01..U+FF5E) to half-width, ideographic
 * space U+3000 to ' ', ASCII letters to lower case; every other character
 * is kept. One code point in, one out. s is UTF-8. Returns arena memory.
 */
char *bg_normalize(struct arena *a, const char *s);

/*
 * The text for the FULLTEXT column (format above). "" when nothing in s
 * is searchable. Returns arena memory.
 */
char *bg_index_text(struct arena *a, const char *s);

/*
 * The BOOLEAN MODE query for user_query (format above), to be bound as
 * the AGAINST() parameter. Sets *nterms to the number of "+" clauses'
 * terms. Returns arena memory, or NULL with *nterms 0 when nothing
 * searchable remains.
 */
char *bg_query(struct arena *a, const char *user_query, int *nterms);

/*
 * The content terms of a question typed as a sentence (自然语句检索):
 * "身份证丢了怎么办" -> "身份证", "办理户口迁移需要哪些材料" -> "户口迁移 材料".
 * The normalised query is cut at whitespace and separators (ASCII and
 * CJK punctuation, see the classes above), between a word run and a CJK
 * run ("社保卡abc" -> "社保卡 abc"), and around the question and function
 * phrases of a small table in bigram.c (怎么办, 哪些, 需要, 吗, 的 ...),
 * the longest phrase starting at a character first. A CJK piece of three
 * or more characters also loses the verb that a following 了 marks
 * ("身份证丢了" -> 身份证) and a verb or preposition glued to its start
 * (办 去 到 在: "办身份证" -> 身份证); what stays is part of the piece, so
 * these only widen the search. Pieces of one character are dropped
 * unless the query has no other piece ("户怎么办" -> "户"); repeated
 * pieces count once; at most BG_MAX_TERMS are kept.
 * Returns the terms separated by one space, each a single run of word or
 * CJK characters, so the result is itself a query for bg_query (every
 * term must match, each as a phrase) and bg_highlight; sets *nterms to
 * their number. Returns arena memory, or NULL with *nterms 0 when no
 * term remains ("请问怎么办理？").
 */
char *bg_content_terms(struct arena *a, const char *user_query, int *nterms);

/* A byte range of the original text. */
struct bg_span {
	size_t start, len;
};

/*
 * Where the terms of user_query occur in text, for <mark>: byte ranges
 * of the ORIGINAL text, sorted, overlapping and touching ranges merged,
 * always on character boundaries. A term is the whitespace-separated
 * piece of the normalised query with leading and trailing separators
 * trimmed (the first BG_MAX_MARKS of them); it matches where its whole
 * character sequence equals the normalised text (so "ＡＢＣ" matches
 * "abc", either way round). Returns the number of spans and sets *out to
 * an arena array (NULL when there are none). The caller escapes.
 */
size_t bg_highlight(struct arena *a, const char *text, const char *user_query,
		    struct bg_span **out);

/*
 * Pieces for other analysers of a query (kb_query.c), over normalised
 * text. A run is a maximal stretch of word characters or of CJK
 * characters (the classes above); separators lie between runs.
 */
struct bg_run {
	const char *p;
	size_t len;      /* bytes */
	size_t nchars;
	int cjk;         /* 1: CJK characters, 0: a word */
};
/* The next run in [s, end) into *r and the position after it, or NULL
 * when only separators remain. */
const char *bg_next_run(const char *s, const char *end, struct bg_run *r);
/* Byte length of the character at p (1 for a stray byte). */
size_t bg_char_len(const char *p);
/* Byte length of the longest question word or particle (the table in
 * bigram.c: 怎么办, 哪里, 吗 ...) that starts at p and ends by end, or 0. */
size_t bg_stop_at(const char *p, const char *end);

#endif
