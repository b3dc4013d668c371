// The Xapian shim: the only other C++ file besides tmpl.cc. Wraps
// Xapian::Database / WritableDatabase / Enquire behind xindex.h.
#include "xindex.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <xapian.h>

struct xi {
	Xapian::Database *rd;          // the reader, or the writer seen as one
	Xapian::WritableDatabase *wr;  // NULL for a reader
};

static void set_err(char *err, size_t errlen, const char *what)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", what);
}

static void set_err(char *err, size_t errlen, const Xapian::Error &e)
{
	set_err(err, errlen, e.get_description().c_str());
}

extern "C" struct xi *xi_open_read(const char *path, char *err, size_t errlen)
{
	try {
		Xapian::Database *d = new Xapian::Database(path);
		xi *x = new xi;
		x->wr = NULL;
		x->rd = d;
		return x;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	} catch (const std::bad_alloc &) {
		set_err(err, errlen, "out of memory");
	}
	return NULL;
}

extern "C" struct xi *xi_open_write(const char *path, int create, int *locked,
				    char *err, size_t errlen)
{
	*locked = 0;
	try {
		Xapian::WritableDatabase *w = new Xapian::WritableDatabase(
			path, create ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
		xi *x = new xi;
		x->wr = w;
		x->rd = w;
		return x;
	} catch (const Xapian::DatabaseLockError &e) {
		*locked = 1;
		set_err(err, errlen, e);
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	} catch (const std::bad_alloc &) {
		set_err(err, errlen, "out of memory");
	}
	return NULL;
}

extern "C" void xi_close(struct xi *x)
{
	if (x == NULL)
		return;
	try {
		if (x->wr != NULL)
			x->wr->close();
	} catch (const Xapian::Error &) {
		// Closing a writer commits nothing we have not committed.
	}
	delete x->rd;  // the writer when there is one
	delete x;
}

extern "C" int xi_reopen(struct xi *x, char *err, size_t errlen)
{
	try {
		x->rd->reopen();
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	}
	return -1;
}

extern "C" unsigned long xi_doccount(struct xi *x)
{
	try {
		return x->rd->get_doccount();
	} catch (const Xapian::Error &) {
		return 0;
	}
}

extern "C" int xi_meta_get(struct xi *x, const char *key, char *out, size_t outlen)
{
	try {
		std::string v = x->rd->get_metadata(key);
		snprintf(out, outlen, "%s", v.c_str());
		return 0;
	} catch (const Xapian::Error &) {
		if (outlen > 0)
			out[0] = '\0';
	}
	return -1;
}

extern "C" int xi_meta_set(struct xi *x, const char *key, const char *value)
{
	if (x->wr == NULL)
		return -1;
	try {
		x->wr->set_metadata(key, value);
		return 0;
	} catch (const Xapian::Error &) {
	}
	return -1;
}

extern "C" int xi_data(struct xi *x, unsigned docid, char *out, size_t outlen)
{
	try {
		std::string d = x->rd->get_document(docid).get_data();
		snprintf(out, outlen, "%s", d.c_str());
		return 0;
	} catch (const Xapian::Error &) {
		if (outlen > 0)
			out[0] = '\0';
	}
	return -1;
}

extern "C" int xi_replace(struct xi *x, unsigned docid, const struct xi_posting *terms,
			  size_t nterms, const char *data, char *err, size_t errlen)
{
	if (x->wr == NULL || docid == 0) {
		set_err(err, errlen, "not a writer, or docid 0");
		return -1;
	}
	try {
		Xapian::Document doc;
		for (size_t i = 0; i < nterms; i++)
			doc.add_term(terms[i].term, terms[i].wdf);
		if (data != NULL)
			doc.set_data(data);
		x->wr->replace_document(docid, doc);
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	}
	return -1;
}

extern "C" int xi_delete(struct xi *x, unsigned docid, char *err, size_t errlen)
{
	if (x->wr == NULL) {
		set_err(err, errlen, "not a writer");
		return -1;
	}
	try {
		x->wr->delete_document(docid);
		return 0;
	} catch (const Xapian::DocNotFoundError &) {
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	}
	return -1;
}

extern "C" int xi_commit(struct xi *x, char *err, size_t errlen)
{
	if (x->wr == NULL) {
		set_err(err, errlen, "not a writer");
		return -1;
	}
	try {
		x->wr->commit();
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	}
	return -1;
}

// The query of one term: the term, or with its second spelling, or a
// wildcard over the terms it begins.
static Xapian::Query term_query(const xi_qterm &t, const char *alt_prefix)
{
	if (t.prefix)
		return Xapian::Query(Xapian::Query::OP_WILDCARD, t.term, 50,
				     Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
	Xapian::Query q(t.term);
	if (alt_prefix != NULL) {
		Xapian::Query alt(std::string(alt_prefix) + t.term);
		q = Xapian::Query(Xapian::Query::OP_SYNONYM, q, alt);
	}
	return q;
}

// The number of documents holding the terms that prefix begins, at most:
// that of its most frequent term.
static unsigned long prefix_freq(Xapian::Database &db, const char *prefix)
{
	unsigned long most = 0;
	int n = 0;
	for (Xapian::TermIterator t = db.allterms_begin(prefix);
	     t != db.allterms_end(prefix) && n < 200; ++t, ++n)
		if (t.get_termfreq() > most)
			most = t.get_termfreq();
	return most;
}

extern "C" int xi_termfreq(struct xi *x, const struct xi_qterm *terms, size_t nterms,
			   unsigned long *termfreq, unsigned long *ndocs, char *err,
			   size_t errlen)
{
	try {
		for (size_t i = 0; i < nterms; i++)
			termfreq[i] = terms[i].prefix ? prefix_freq(*x->rd, terms[i].term)
						      : x->rd->get_termfreq(terms[i].term);
		*ndocs = x->rd->get_doccount();
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	}
	return -1;
}

// Marks, in the hits (ordered by docid through order), those holding term
// as holding query term i, adding its wdf: one pass down its posting list
// (cheaper than reading each hit's term list).
static void mark_term(Xapian::Database &db, const std::string &term, int i,
		      const std::vector<std::pair<unsigned, size_t>> &order, xi_hit *hits)
{
	Xapian::PostingIterator p = db.postlist_begin(term), end = db.postlist_end(term);
	for (const auto &o : order) {
		if (p == end)
			break;
		p.skip_to(o.first);
		if (p == end || *p != o.first)
			continue;
		xi_hit *h = &hits[o.second];
		unsigned w = h->wdf[i] + (p.get_wdf() > 0 ? p.get_wdf() : 1);
		h->matched |= 1ULL << i;
		h->wdf[i] = (unsigned short)(w > 65535 ? 65535 : w);
	}
}

// Marks query term i in the hits: the term, its second spelling, or for a
// prefix each of the (at most 50) terms it begins.
static void mark_query_term(Xapian::Database &db, const xi_qterm &t, int i, const char *alt_prefix,
			    const std::vector<std::pair<unsigned, size_t>> &order, xi_hit *hits)
{
	if (t.prefix) {
		int n = 0;
		for (Xapian::TermIterator a = db.allterms_begin(t.term);
		     a != db.allterms_end(t.term) && n < 50; ++a, ++n)
			mark_term(db, *a, i, order, hits);
		return;
	}
	mark_term(db, t.term, i, order, hits);
	if (alt_prefix != NULL)
		mark_term(db, std::string(alt_prefix) + t.term, i, order, hits);
}

extern "C" int xi_search(struct xi *x, const struct xi_qterm *terms, size_t nterms,
			 const char *filter, const char *alt_prefix, size_t max,
			 struct xi_hit *out, size_t *nout, char *err, size_t errlen)
{
	*nout = 0;
	if (nterms > XI_MAX_TERMS) {
		set_err(err, errlen, "too many query terms");
		return -1;
	}
	try {
		std::vector<Xapian::Query> parts;
		for (size_t i = 0; i < nterms; i++) {
			if (terms[i].weight <= 0)
				continue;
			parts.push_back(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
						      term_query(terms[i], alt_prefix),
						      terms[i].weight));
		}
		if (parts.empty() || max == 0)
			return 0;
		Xapian::Query q(Xapian::Query::OP_OR, parts.begin(), parts.end());
		if (filter != NULL)
			q = Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(filter));
		Xapian::Enquire enq(*x->rd);
		enq.set_query(q);
		enq.set_weighting_scheme(Xapian::BM25Weight());
		Xapian::MSet ms = enq.get_mset(0, (Xapian::doccount)max);
		std::vector<std::pair<unsigned, size_t>> order;
		for (Xapian::MSetIterator m = ms.begin(); m != ms.end(); ++m) {
			xi_hit *h = &out[*nout];
			memset(h, 0, sizeof *h);
			h->docid = *m;
			h->weight = m.get_weight();
			order.emplace_back(h->docid, (*nout)++);
		}
		std::sort(order.begin(), order.end());
		for (size_t i = 0; i < nterms; i++)
			if (terms[i].weight > 0)
				mark_query_term(*x->rd, terms[i], (int)i, alt_prefix, order, out);
		return 0;
	} catch (const Xapian::Error &e) {
		set_err(err, errlen, e);
	} catch (const std::bad_alloc &) {
		set_err(err, errlen, "out of memory");
	}
	return -1;
}
