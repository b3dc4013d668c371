/*
 * kb_query.c - a caller's words as a knowledge search: units, stop
 * phrases, bigram terms, synonyms and coverage (rules in kb_query.h).
 */
#include "kb_query.h"

#include <math.h>
#include <string.h>

#include "bigram.h"

/* A word weighs as much as two characters: one bigram's worth. */
#define WORD_WEIGHT 2.0
/* The longest word kept as a term: the index cuts words alike
 * (BG_MAX_WORD characters, bytes here are ASCII or two-byte letters). */
#define WORD_MAX_BYTES 168

/* The units of q's runs, in order; stop phrases marked. */
static void read_units(const char *norm, struct kq *k)
{
	const char *s = norm, *end = norm + strlen(norm);
	struct bg_run r;
	int run = 0;

	k->nu = 0;
	while (k->nu < KQ_MAX_UNITS && (s = bg_next_run(s, end, &r)) != NULL) {
		if (!r.cjk) {
			struct kq_unit *u = &k->u[k->nu++];
			*u = (struct kq_unit){ r.p, r.len, run, 1, 0, WORD_WEIGHT, -1, 0 };
			run++;
			continue;
		}
		const char *p = r.p, *re = r.p + r.len;
		size_t stop_left = 0;   /* bytes of a stop phrase still to mark */
		while (p < re && k->nu < KQ_MAX_UNITS) {
			if (stop_left == 0)
				stop_left = bg_stop_at(p, re);
			size_t n = bg_char_len(p);
			struct kq_unit *u = &k->u[k->nu++];
			*u = (struct kq_unit){ p, n, run, 0, stop_left > 0, 1.0, -1, 0 };
			stop_left = stop_left > n ? stop_left - n : 0;
			p += n;
		}
		run++;
	}
}

/* Index of term text (prefix or not) in k, adding it if new; -1 when full. */
static int term_add(struct arena *a, struct kq *k, const char *p, size_t len,
		    int prefix, double weight, struct kq_cover c)
{
	for (size_t i = 0; i < k->nt; i++)
		if (k->t[i].prefix == prefix && strlen(k->t[i].term) == len &&
		    memcmp(k->t[i].term, p, len) == 0)
			return (int)i;
	if (k->nt == XI_MAX_TERMS)
		return -1;
	k->t[k->nt] = (struct xi_qterm){ arena_strndup(a, p, len), weight, prefix };
	k->c[k->nt] = c;
	return (int)k->nt++;
}

/* Whether units i and i + 1 are content characters of one run. */
static int pair_at(const struct kq *k, size_t i)
{
	const struct kq_unit *x = &k->u[i], *y = &k->u[i + 1];
	return !x->word && !y->word && !x->stop && !y->stop && x->run == y->run;
}

/* Whether unit i is a content character with no content neighbour. */
static int lone_at(const struct kq *k, size_t i)
{
	if (k->u[i].word || k->u[i].stop)
		return 0;
	return !(i > 0 && pair_at(k, i - 1)) && !(i + 1 < k->nu && pair_at(k, i));
}

/* The query's own terms: bigrams, words, and a lone character as a
 * prefix only when nothing else is searched (it would match too much);
 * otherwise a lone character weighs nothing. */
static void own_terms(struct arena *a, struct kq *k)
{
	size_t lone = 0, other = 0;
	for (size_t i = 0; i < k->nu; i++) {
		if (k->u[i].word)
			other++;
		else if (lone_at(k, i))
			lone++;
		else if (!k->u[i].stop)
			other++;
	}
	for (size_t i = 0; i < k->nu; i++) {
		struct kq_unit *u = &k->u[i];
		struct kq_cover c = { (int)i, (int)i + 1, -1 };
		if (u->word) {
			size_t len = u->len < WORD_MAX_BYTES ? u->len : WORD_MAX_BYTES;
			term_add(a, k, u->p, len, 0, 1.0, c);
		} else if (lone_at(k, i)) {
			if (other == 0 && lone == 1)
				term_add(a, k, u->p, u->len, 1, 1.0, c);
			else
				u->w = 0;
		} else if (i + 1 < k->nu && pair_at(k, i)) {
			c.to = (int)i + 2;
			int t = term_add(a, k, u->p, u->len + k->u[i + 1].len, 0, 1.0, c);
			/* A word said twice counts once (at its first place). */
			if (t >= 0 && k->c[t].from != c.from && !k->u[i + 1].stop &&
			    (i + 2 >= k->nu || !pair_at(k, i + 1)))
				u->w = k->u[i + 1].w = 0;
		}
		if (u->stop)
			u->w = 0;
	}
}

/* The first place where word (normalised) starts a stretch of units
 * within one run; sets *to past it. -1 when it does not occur. */
static int find_units(const struct kq *k, const char *word, int *to)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i < k->nu; i++) {
		size_t got = 0;
		for (size_t j = i; j < k->nu && k->u[j].run == k->u[i].run; j++) {
			const struct kq_unit *u = &k->u[j];
			if (got + u->len > wl || memcmp(word + got, u->p, u->len) != 0)
				break;
			got += u->len;
			if (got == wl) {
				*to = (int)j + 1;
				return (int)i;
			}
		}
	}
	return -1;
}

/* Adds the synonym to -> its words' terms, replacing units [from, to). Its
 * terms share the weight that the replaced words' bigrams carry, so a long
 * synonym (社会保障卡) does not outweigh the short word asked (社保卡), and
 * the nsame synonyms of one word share it again. */
static void add_alt(struct arena *a, struct kq *k, int from, int to, const char *word,
		    int nsame)
{
	const char *text = bg_index_text(a, word);
	const char *toks[XI_MAX_TERMS];
	size_t ntok = 0;
	for (const char *p = text; *p != '\0' && ntok < XI_MAX_TERMS;) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		toks[ntok++] = arena_strndup(a, p, len);
		p += len + (e != NULL);
	}
	/* bg_index_text ends each CJK run with its last character alone; of
	 * a word longer than one character only the bigrams are wanted. */
	size_t keep = 0;
	for (size_t i = 0; i < ntok; i++) {
		int single = bg_char_len(toks[i]) == strlen(toks[i]) &&
			     (unsigned char)toks[i][0] >= 0x80;
		if (!single || ntok == 1)
			toks[keep++] = toks[i];
	}
	if (keep == 0 || k->nalt == KQ_MAX_ALTS)
		return;
	int span = to - from;
	double w = (span > 1 ? (double)(span - 1) : 1.0) / (double)keep;
	if (w > 1.0)
		w = 1.0;
	w /= nsame;   /* several synonyms of one word share its weight */
	struct kq_alt *alt = &k->alt[k->nalt];
	*alt = (struct kq_alt){ from, to, word, 0 };
	for (size_t i = 0; i < keep; i++) {
		int single = bg_char_len(toks[i]) == strlen(toks[i]) &&
			     (unsigned char)toks[i][0] >= 0x80;
		int t = term_add(a, k, toks[i], strlen(toks[i]), single, w,
				 (struct kq_cover){ -1, -1, (int)k->nalt });
		if (t < 0)
			return;   /* no room: the synonym is not applied */
		alt->need |= 1ULL << t;
	}
	k->nalt++;
}

void kq_build(struct arena *a, const char *q, const struct kq_synonym *syn,
	      size_t nsyn, struct kq *k)
{
	struct { int from, to; const char *word; } found[KQ_MAX_ALTS];
	size_t nfound = 0;

	memset(k, 0, sizeof *k);
	k->norm = bg_normalize(a, q);
	read_units(k->norm, k);
	for (size_t s = 0; s < nsyn && nfound < KQ_MAX_ALTS; s++) {
		int to = 0, from = find_units(k, bg_normalize(a, syn[s].from), &to);
		if (from < 0)
			continue;
		/* A synonym is content even where it overlaps a stop phrase. */
		for (int j = from; j < to; j++)
			k->u[j].stop = 0;
		found[nfound].from = from;
		found[nfound].to = to;
		found[nfound].word = bg_normalize(a, syn[s].to);
		nfound++;
	}
	own_terms(a, k);
	k->norig = k->nt;
	for (size_t i = 0; i < nfound; i++) {
		int nsame = 0;
		for (size_t j = 0; j < nfound; j++)
			nsame += found[j].from == found[i].from && found[j].to == found[i].to;
		add_alt(a, k, found[i].from, found[i].to, found[i].word, nsame);
	}
	k->total = 0;
	for (size_t i = 0; i < k->nu; i++)
		k->total += k->u[i].w;
}

/* A word no entry holds weighs as the rarest word does; the words of a
 * long question that no entry holds weigh together at most as much as
 * UNKNOWN_CAP characters of them: a caller telling a story (在东莞打了八年
 * 工) still asks about what the rest of it says. */
#define UNKNOWN_CAP 4.0
/* A word that no title or keywords use (今年, 听说, 手机) weighs this share
 * of its rarity: the knowledge base mentions it, but names no matter by it. */
#define INCIDENTAL 0.25

/* Whether term i of k is one of the query's own bigrams. */
static int own_bigram(const struct kq *k, size_t i)
{
	return i < k->norig && k->c[i].to - k->c[i].from == 2;
}

/* Cuts the content into the words the index knows best: the bigram most
 * documents hold takes its two units, then the next among the units
 * left. Sets u->term; df is termfreq. */
static void cut_words(struct kq *k, const unsigned long *df)
{
	for (size_t u = 0; u < k->nu; u++)
		k->u[u].term = -1;
	for (;;) {
		int best = -1;
		for (size_t i = 0; i < k->norig; i++) {
			if (!own_bigram(k, i) || df[i] == 0 ||
			    k->u[k->c[i].from].term >= 0 || k->u[k->c[i].from + 1].term >= 0)
				continue;
			if (best < 0 || df[i] > df[best])
				best = (int)i;
		}
		if (best < 0)
			break;
		k->u[k->c[best].from].term = best;
		k->u[k->c[best].from + 1].term = best;
	}
	/* Words of letters and digits, and a lone character searched as a
	 * prefix, are their own term. */
	for (size_t i = 0; i < k->norig; i++)
		if (!own_bigram(k, i))
			k->u[k->c[i].from].term = (int)i;
}

/* Whether some own bigram any entry holds covers unit u. */
static int known_at(const struct kq *k, const unsigned long *df, size_t u)
{
	for (size_t i = 0; i < k->norig; i++)
		if (own_bigram(k, i) && df[i] > 0 && k->c[i].from <= (int)u &&
		    (int)u < k->c[i].to)
			return 1;
	return 0;
}

void kq_weigh(struct kq *k, const unsigned long *termfreq, const unsigned long *topicfreq,
	      unsigned long ndocs)
{
	for (size_t i = 0; i < k->nt; i++) {
		k->idf[i] = termfreq[i] == 0 ? 0
			    : log(((double)ndocs + 1.0) / ((double)termfreq[i] + 0.5));
		if (topicfreq != NULL && topicfreq[i] == 0)
			k->idf[i] *= INCIDENTAL;
	}
	cut_words(k, termfreq);
	double unknown = log(((double)ndocs + 1.0) / 1.5);
	k->total = 0;
	for (size_t u = 0; u < k->nu; u++) {
		struct kq_unit *x = &k->u[u];
		if (x->w <= 0)
			continue;           /* a stop phrase, or a lone character */
		if (x->term >= 0)
			x->unknown = termfreq[x->term] == 0;
		else
			x->unknown = !known_at(k, termfreq, u);
		x->w = x->unknown ? unknown : x->term >= 0 ? k->idf[x->term] : 0;
	}
	/* A synonym's units weigh what its rarest-held word tells, when the
	 * index holds every term of it: a caller's word the knowledge base
	 * does not have (滴滴) counts through the word it does (网约车). */
	for (size_t j = 0; j < k->nalt; j++) {
		double least = -1;
		for (size_t i = 0; i < k->nt; i++)
			if (k->alt[j].need & (1ULL << i))
				least = least < 0 || k->idf[i] < least ? k->idf[i] : least;
		if (least <= 0)
			continue;
		for (int u = k->alt[j].from; u < k->alt[j].to; u++)
			if (k->u[u].w <= 0 || k->u[u].unknown || least > k->u[u].w) {
				k->u[u].w = least;
				k->u[u].unknown = 0;
			}
	}
	size_t nunknown = 0;
	for (size_t u = 0; u < k->nu; u++)
		nunknown += k->u[u].unknown;
	double scale = nunknown > UNKNOWN_CAP ? UNKNOWN_CAP / (double)nunknown : 1.0;
	for (size_t u = 0; u < k->nu; u++) {
		if (k->u[u].unknown)
			k->u[u].w *= scale;
		k->total += k->u[u].w;
	}
	/* Bigrams that made no word only add noise to the ranking. */
	for (size_t i = 0; i < k->norig; i++) {
		int used = 0;
		for (size_t u = 0; u < k->nu && !used; u++)
			used = k->u[u].term == (int)i;
		if (!used)
			k->t[i].weight = 0;
	}
	k->weighed = 1;
}

double kq_coverage(const struct kq *k, unsigned long long matched, int known_only)
{
	unsigned char found[KQ_MAX_UNITS] = { 0 };
	for (size_t i = 0; i < k->norig; i++) {
		if (!(matched & (1ULL << i)))
			continue;
		for (int u = k->c[i].from; u < k->c[i].to; u++)
			if (!k->weighed || k->u[u].term == (int)i)
				found[u] = 1;
	}
	for (size_t j = 0; j < k->nalt; j++) {
		if ((matched & k->alt[j].need) != k->alt[j].need)
			continue;
		for (int u = k->alt[j].from; u < k->alt[j].to; u++)
			found[u] = 1;
	}
	double got = 0, all = 0;
	for (size_t i = 0; i < k->nu; i++) {
		if (known_only && k->u[i].unknown)
			continue;
		all += k->u[i].w;
		if (found[i])
			got += k->u[i].w;
	}
	return all > 0 ? got / all : 0;
}

const char *kq_synonym_word(struct arena *a, const char *w)
{
	const char *n = bg_normalize(a, w);
	const char *end = n + strlen(n);
	struct bg_run r;
	const char *after = bg_next_run(n, end, &r);
	if (after == NULL || r.p != n || after != end)
		return NULL;
	if (r.cjk ? r.nchars > KQ_MAX_KEY : r.len > 32)
		return NULL;
	return n;
}

size_t kq_keys(struct arena *a, const char *q, const char ***out)
{
	struct kq *k = arena_alloc(a, sizeof *k);
	k->norm = bg_normalize(a, q);
	read_units(k->norm, k);
	const char **v = arena_alloc(a, k->nu * KQ_MAX_KEY * sizeof *v + 1);
	size_t n = 0;
	for (size_t i = 0; i < k->nu; i++) {
		size_t len = 0;
		for (size_t j = i; j < k->nu && j < i + KQ_MAX_KEY &&
				   k->u[j].run == k->u[i].run; j++) {
			len += k->u[j].len;
			const char *key = arena_strndup(a, k->u[i].p, len);
			int dup = 0;
			for (size_t m = 0; m < n && !dup; m++)
				dup = strcmp(v[m], key) == 0;
			if (!dup)
				v[n++] = key;
		}
	}
	*out = v;
	return n;
}

const char *kq_terms_text(struct arena *a, const struct kq *k)
{
	struct buf b;
	buf_init(&b, a);
	for (size_t i = 0; i < k->norig; i++) {
		if (b.len > 0)
			buf_puts(&b, " ");
		buf_puts(&b, k->t[i].term);
	}
	return buf_str(&b);
}

/* Whether the space-separated list has the term [p, p + len). */
static int has_term(const char *list, const char *p, size_t len)
{
	for (const char *s = list; *s != '\0';) {
		const char *e = strchr(s, ' ');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if (n == len && memcmp(s, p, len) == 0)
			return 1;
		s += n + (e != NULL);
	}
	return 0;
}

/* Distinct terms of list, and how many of them other has. */
static void count_terms(const char *list, const char *other, size_t *n, size_t *shared)
{
	*n = *shared = 0;
	for (const char *s = list; *s != '\0';) {
		const char *e = strchr(s, ' ');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		int seen = 0;
		for (const char *t = list; t < s && !seen;) {
			const char *f = strchr(t, ' ');
			size_t m = f ? (size_t)(f - t) : strlen(t);
			seen = m == len && memcmp(t, s, len) == 0;
			t += m + (f != NULL);
		}
		if (len > 0 && !seen) {
			(*n)++;
			*shared += has_term(other, s, len);
		}
		s += len + (e != NULL);
	}
}

double kq_similarity(const char *terms_a, const char *terms_b)
{
	size_t na, nb, shared, shared2;
	count_terms(terms_a, terms_b, &na, &shared);
	count_terms(terms_b, terms_a, &nb, &shared2);
	size_t all = na + nb - shared;
	return all == 0 ? 0 : (double)shared / (double)all;
}

const char *kq_highlight_text(struct arena *a, const struct kq *k)
{
	struct buf b;
	buf_init(&b, a);
	/* Once weighed, every term some entry holds (bg_highlight joins the
	 * bigrams that stand together in a text into one mark); before, each
	 * content stretch. */
	for (size_t i = 0; k->weighed && i < k->norig; i++)
		if (k->idf[i] > 0)
			buf_printf(&b, "%s%s", b.len ? " " : "", k->t[i].term);
	for (size_t i = 0; !k->weighed && i < k->nu;) {
		if (k->u[i].stop || k->u[i].w <= 0) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < k->nu && !k->u[i].word && pair_at(k, j - 1))
			j++;
		if (b.len > 0)
			buf_puts(&b, " ");
		buf_add(&b, k->u[i].p, (size_t)(k->u[j - 1].p + k->u[j - 1].len - k->u[i].p));
		i = j;
	}
	for (size_t j = 0; j < k->nalt; j++) {
		if (b.len > 0)
			buf_puts(&b, " ");
		buf_puts(&b, k->alt[j].word);
	}
	return buf_str(&b);
}

const char *kq_content_text(struct arena *a, const struct kq *k)
{
	struct buf b;
	buf_init(&b, a);
	/* A lone character between question words (在哪里办) is left out
	 * when the question says anything more. */
	int more = 0;
	for (size_t pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < k->nu;) {
			if (k->u[i].stop) {
				i++;
				continue;
			}
			size_t j = i + 1;
			while (!k->u[i].word && j < k->nu && !k->u[j].word && !k->u[j].stop &&
			       k->u[j].run == k->u[i].run)
				j++;
			int lone = j == i + 1 && !k->u[i].word;
			if (pass == 0)
				more |= !lone;
			else if (!lone || !more) {
				if (b.len > 0)
					buf_puts(&b, " ");
				buf_add(&b, k->u[i].p,
					(size_t)(k->u[j - 1].p + k->u[j - 1].len - k->u[i].p));
			}
			i = j;
		}
	}
	return buf_str(&b);
}
