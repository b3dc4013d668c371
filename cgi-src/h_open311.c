/* Open311 GeoReport v2 (issue 16): other systems (the city's WeChat
 * portal, the provincial platform, a contractor's app) list the services,
 * file requests and read them, in JSON or XML as the specification writes
 * them. Services are the leaf categories of work-order matters; a filed
 * request becomes a pending order (channel 开放接口) in the operators'
 * intake queue. The services are public, as the specification has them;
 * every call about requests names its api_key: keys are made and revoked
 * by the admin (h_open311_keys.c), may be limited to categories, and read
 * only what their source system filed. Answers are built once as json-c objects
 * and written either as JSON or, through libxml2's writer, as the XML
 * the specification shows (emit()). */
#include <json-c/json.h>
#include <libxml/xmlwriter.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "handlers.h"
#include "open311.h"
#include "open311_store.h"
#include "order.h"
#include "order_ops.h"

#define O311_MAX_IDS 200     /* service_request_id values in one call */
#define O311_PAGE 200        /* requests in one answer of GET requests */
#define O311_MAX_DAYS 90     /* the specification's default window */

/* ---- writing ------------------------------------------------------------- */

/* The element of each member of a list, by the list's element. */
static const char *item_name(const char *list)
{
	static const struct { const char *list, *item; } t[] = {
		{ "services", "service" }, { "service_requests", "request" },
		{ "errors", "error" }, { "attributes", "attribute" }, { "values", "value" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(t[i].list, list) == 0)
			return t[i].item;
	return "item";
}

static void xml_value(xmlTextWriterPtr w, const char *name, struct json_object *v)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
	switch (json_object_get_type(v)) {
	case json_type_object: {
		json_object_object_foreach(v, key, val)
			xml_value(w, key, val);
		break;
	}
	case json_type_array: {
		const char *item = item_name(name);
		for (size_t i = 0; i < json_object_array_length(v); i++)
			xml_value(w, item, json_object_array_get_idx(v, i));
		break;
	}
	case json_type_null:
		break;
	default:
		xmlTextWriterWriteString(w, BAD_CAST json_object_get_string(v));
		break;
	}
	xmlTextWriterEndElement(w);
}

static void free_json(void *p)
{
	json_object_put(p);
}

/* A new object, freed with the request. */
static struct json_object *jobj(struct req *r, struct json_object *o)
{
	arena_on_reset(r->a, free_json, o);
	return o;
}

/* Writes doc as the request's format: JSON as it is, XML under root. */
static int emit(struct req *r, int status, const char *root, struct json_object *doc)
{
	r->out.len = 0;
	r->max_age = 0;
	/* The route's {fmt}; a path no route matched says it by its end. */
	if ((r->fmt != NULL ? o311_format_from(r->fmt) : (int)o311_path_format(r->path)) ==
	    O311_XML) {
		xmlBufferPtr xb = xmlBufferCreate();
		xmlTextWriterPtr w = xb ? xmlNewTextWriterMemory(xb, 0) : NULL;
		if (w == NULL) {
			if (xb)
				xmlBufferFree(xb);
			return 500;
		}
		xmlTextWriterStartDocument(w, NULL, "utf-8", NULL);
		xml_value(w, root, doc);
		xmlTextWriterEndDocument(w);
		xmlFreeTextWriter(w);
		buf_add(&r->out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
		xmlBufferFree(xb);
		r->ctype = "application/xml; charset=utf-8";
	} else {
		buf_puts(&r->out, json_object_to_json_string_ext(
			doc, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		r->ctype = "application/json; charset=utf-8";
	}
	r->status = status;
	return status;
}

static void set_str(struct json_object *o, const char *k, const char *v)
{
	json_object_object_add(o, k, v ? json_object_new_string(v) : json_object_new_null());
}

/* The specification's error document, for any failure on its paths
 * (view_error sends them here). */
void open311_error(struct req *r, int status)
{
	struct json_object *errors = jobj(r, json_object_new_array());
	struct json_object *e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_int(status));
	set_str(e, "description", r->err_msg ? r->err_msg : http_status_text(status));
	json_object_array_add(errors, e);
	emit(r, status, "errors", errors);
}

static int fail(struct req *r, int status, const char *msg)
{
	r->err_msg = msg;
	return status;
}

/* ---- keys ------------------------------------------------------------------ */

/* The request's live key, or a 403 with the reason. */
static int need_key(struct req *r, struct o311_key_row **k)
{
	const char *key = r->f[F_API_KEY].present ? r->f[F_API_KEY].s : NULL;
	if (key == NULL)
		return fail(r, 403, "api_key is required");
	char hex[65];
	o311_key_hash(key, hex);
	int rc = o311_key_find(r->db, r->a, hex, k);
	if (rc != DB_OK)
		return db_status(rc);
	return *k == NULL ? fail(r, 403, "api_key is not valid or was revoked") : 0;
}

/* ---- services ---------------------------------------------------------------- */

int h_o311_services(struct req *r)
{
	struct o311_service_row *s;
	size_t n;
	int rc = o311_services(r->db, r->a, &s, &n);
	if (rc != DB_OK)
		return db_status(rc);
	struct json_object *list = jobj(r, json_object_new_array());
	for (size_t i = 0; i < n; i++) {
		struct json_object *o = json_object_new_object();
		set_str(o, "service_code", arena_printf(r->a, "%lld", s[i].id));
		set_str(o, "service_name", s[i].name);
		set_str(o, "description", s[i].description);
		json_object_object_add(o, "metadata", json_object_new_boolean(s[i].metadata != 0));
		set_str(o, "type", "realtime");
		set_str(o, "keywords", "");
		set_str(o, "group", *s[i].grp ? s[i].grp : s[i].name);
		json_object_array_add(list, o);
	}
	return emit(r, 200, "services", list);
}

/* The service code of the path or form: a category id as the form's
 * category_id field takes it, or 0. */
static long long service_code(const char *s)
{
	struct fval v;
	return s != NULL && field_check(F_CATEGORY_ID, s, strlen(s), &v) == 0 && v.present ? v.i
											     : 0;
}

static void add_value(void *ctx, const char *key, size_t klen, const char *name, size_t nlen)
{
	struct json_object *v = json_object_new_object();
	json_object_object_add(v, "key", json_object_new_string_len(key, (int)klen));
	json_object_object_add(v, "name", json_object_new_string_len(name, (int)nlen));
	json_object_array_add(ctx, v);
}

int h_o311_service(struct req *r)
{
	struct o311_def_row *d;
	size_t n;
	int rc = o311_service(r->db, r->a, service_code(r->ref), "", &d, &n);
	if (rc != DB_OK)
		return db_status(rc);
	if (n == 0)
		return fail(r, 404, "service_code not found");
	struct json_object *def = jobj(r, json_object_new_object());
	set_str(def, "service_code", arena_printf(r->a, "%lld", d[0].id));
	struct json_object *attrs = json_object_new_array();
	for (size_t i = 0; i < n && d[i].attr_code; i++) {
		struct json_object *a = json_object_new_object();
		json_object_object_add(a, "variable", json_object_new_boolean(1));
		set_str(a, "code", d[i].attr_code);
		set_str(a, "datatype", d[i].datatype);
		json_object_object_add(a, "required", json_object_new_boolean(d[i].required != 0));
		set_str(a, "datatype_description", "");
		json_object_object_add(a, "order", json_object_new_int64(d[i].sort_order));
		set_str(a, "description", d[i].attr_description);
		if (strcmp(d[i].datatype, "singlevaluelist") == 0) {
			struct json_object *values = json_object_new_array();
			o311_list_values(d[i].list_values, add_value, values);
			json_object_object_add(a, "values", values);
		}
		json_object_array_add(attrs, a);
	}
	json_object_object_add(def, "attributes", attrs);
	return emit(r, 200, "service_definition", def);
}

/* ---- filing ----------------------------------------------------------------- */

/* The attribute[CODE] pairs of the form (checked by form_attributes). */
static int sent_attrs(struct req *r, struct o311_attr **out, size_t *n)
{
	struct kv *kv;
	size_t m;
	if (form_attributes(r->a, &r->form, &kv, &m) < 0)
		return fail(r, 400, "an attribute[CODE] is malformed or too long");
	struct o311_attr *v = arena_alloc(r->a, (m + 1) * sizeof *v);
	for (size_t i = 0; i < m; i++) {
		v[i].code = kv[i].key;
		v[i].value = kv[i].val;
	}
	*out = v;
	*n = m;
	return 0;
}

/* lat and long: both or neither, each a decimal in range. */
static int coordinates(struct req *r, const char **lat, const char **lon)
{
	*lat = req_str(r, F_LAT);
	*lon = req_str(r, F_LONG);
	if ((**lat == '\0') != (**lon == '\0'))
		return fail(r, 400, "lat and long must be given together");
	if (**lat == '\0')
		return 0;
	char *end;
	double la = strtod(*lat, &end);
	if (*end != '\0' || la < -90 || la > 90)
		return fail(r, 400, "lat is not a latitude");
	double lo = strtod(*lon, &end);
	if (*end != '\0' || lo < -180 || lo > 180)
		return fail(r, 400, "long is not a longitude");
	return 0;
}

/* The request's definition rows, checked against the key; 0 or a status. */
static int service_for_post(struct req *r, const struct o311_key_row *k,
			    struct o311_def_row **d, size_t *n)
{
	if (!r->f[F_SERVICE_CODE].present)
		return fail(r, 400, "service_code is required");
	long long code = service_code(r->f[F_SERVICE_CODE].s);
	int rc = o311_service(r->db, r->a, code, req_str(r, F_O311_JURISDICTION), d, n);
	if (rc != DB_OK)
		return db_status(rc);
	if (*n == 0)
		return fail(r, 400, "service_code not found");
	if ((*d)[0].jur_id == 0)
		return fail(r, 400, "jurisdiction_id not found");
	if (!o311_key_allows(k->categories, code))
		return fail(r, 403, "this api_key may not file requests of this service_code");
	return 0;
}

int h_o311_post(struct req *r)
{
	struct o311_key_row *k;
	struct o311_def_row *d;
	size_t n;
	const char *lat, *lon;
	int st = need_key(r, &k);
	if (st == 0)
		st = service_for_post(r, k, &d, &n);
	if (st == 0)
		st = coordinates(r, &lat, &lon);
	if (st)
		return st;
	const char *place = r->f[F_ADDRESS_STRING].present ? r->f[F_ADDRESS_STRING].s
			    : r->f[F_ADDRESS_ID].present ? r->f[F_ADDRESS_ID].s : "";
	if (*place == '\0' && *lat == '\0')
		return fail(r, 400, "a location is required: lat and long, address_string or address_id");
	if (!r->f[F_DESCRIPTION].present)
		return fail(r, 400, "description is required");
	const char *phone = req_str(r, F_O311_PHONE);
	if (*phone && !order_phone_valid(phone))
		return fail(r, 400, "phone is not a phone number");
	struct o311_attr *got;
	size_t ngot;
	if ((st = sent_attrs(r, &got, &ngot)) != 0)
		return st;
	struct o311_attr_def *defs = arena_alloc(r->a, (n + 1) * sizeof *defs);
	size_t ndefs = 0;
	for (size_t i = 0; i < n && d[i].attr_code; i++)
		defs[ndefs++] = (struct o311_attr_def){ d[i].attr_code, d[i].datatype,
							d[i].attr_description, d[i].list_values,
							(int)d[i].required };
	const char *stored = NULL;
	const char *bad = o311_check_attrs(r->a, defs, ndefs, got, ngot, &stored);
	if (bad)
		return fail(r, 400, bad);
	if (*place == '\0')
		place = arena_printf(r->a, "坐标 %s, %s", lat, lon);
	const char *first = req_str(r, F_FIRST_NAME), *last = req_str(r, F_LAST_NAME);
	struct order_request q = {
		.source = k->source, .caller_phone = phone, .place = place,
		/* a Chinese name reads family name first */
		.caller_name = arena_printf(r->a, "%s%s", last, first),
		.content = r->f[F_DESCRIPTION].s, .category = d[0].id, .jur = d[0].jur_id,
		.jur_code = d[0].jur_code,
		.extra = { .key_id = k->id, .source = k->source, .lat = lat, .lon = lon,
			   .email = req_str(r, F_EMAIL), .device_id = req_str(r, F_DEVICE_ID),
			   .account_id = req_str(r, F_ACCOUNT_ID),
			   .media_url = req_str(r, F_MEDIA_URL), .attributes = stored },
	};
	long long id = 0;
	char number[48], code[7];
	int rc = order_file_request(REQ_CTX(r), &q, &id, number, code);
	if (rc != DB_OK)
		return db_status(rc);
	struct json_object *list = jobj(r, json_object_new_array());
	struct json_object *o = json_object_new_object();
	set_str(o, "service_request_id", number);
	set_str(o, "service_notice", arena_printf(r->a,
		"已收到，等待12345热线受理。查询码 %s：凭工单编号和查询码可在本热线网站“工单查询”查看办理进度。",
		code));
	set_str(o, "account_id", r->f[F_ACCOUNT_ID].present ? r->f[F_ACCOUNT_ID].s : NULL);
	json_object_array_add(list, o);
	return emit(r, 201, "service_requests", list);
}

/* ---- reading ----------------------------------------------------------------- */

/* status_notes: what the public may read of where the request stands. */
static const char *notes(struct req *r, const struct o311_req_row *q, int st)
{
	if (st == OS_CLOSED && *q->reply)
		return q->reply;
	if (st == OS_REFERRED)
		return arena_printf(r->a, "不属于12345热线受理范围，已告知转%s办理。",
				    q->refer_channel ? q->refer_channel : "其他渠道");
	if (st == OS_ANSWERED || st == OS_THREE_WAY)
		return "已当场解答。";
	if (*q->master_number)
		return arena_printf(r->a, "与相同诉求合并办理，主工单 %s。", q->master_number);
	return st == OS_PENDING ? "等待受理。" : st >= 0 ? order_state_labels[st] : "";
}

static struct json_object *request_json(struct req *r, const struct o311_req_row *q)
{
	char t[26];
	int st = order_state_from_code(q->state);
	struct json_object *o = json_object_new_object();
	set_str(o, "service_request_id", q->number);
	set_str(o, "status", order_public_open(st) ? "open" : "closed");
	set_str(o, "status_notes", notes(r, q, st));
	set_str(o, "service_name", q->category);
	set_str(o, "service_code", arena_printf(r->a, "%lld", q->category_id));
	set_str(o, "agency_responsible", q->unit);
	set_str(o, "service_notice", "");
	o311_time(q->requested, t);
	set_str(o, "requested_datetime", t);
	o311_time(*q->updated ? q->updated : q->requested, t);
	set_str(o, "updated_datetime", t);
	o311_time(*q->due ? q->due : NULL, t);
	set_str(o, "expected_datetime", *t ? t : NULL);
	return o;
}

static int requests_out(struct req *r, const struct o311_req_row *v, size_t n)
{
	struct json_object *list = jobj(r, json_object_new_array());
	for (size_t i = 0; i < n; i++)
		json_object_array_add(list, request_json(r, &v[i]));
	return emit(r, 200, "service_requests", list);
}

/* The ids as a JSON array of strings, for the statement's JSON_TABLE. */
static const char *ids_json(struct req *r, const char *const *ids, size_t n)
{
	struct json_object *a = jobj(r, json_object_new_array());
	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(ids[i]));
	return json_object_to_json_string_ext(a, JSON_C_TO_STRING_PLAIN);
}

int h_o311_request(struct req *r)
{
	struct o311_key_row *k;
	int st = need_key(r, &k);
	if (st)
		return st;
	const char *id = r->ref;
	struct o311_req_row *v;
	size_t n;
	int rc = o311_requests_by_number(r->db, r->a, k->source, ids_json(r, &id, 1), &v, &n);
	if (rc != DB_OK)
		return db_status(rc);
	return n == 0 ? fail(r, 404, "service_request_id not found") : requests_out(r, v, n);
}

/* start_date and end_date as the database's UTC times: the last 90 days
 * by default, never a longer window. 0 or 400. */
static int window(struct req *r, char from[20], char to[20])
{
	time_t now = time(NULL), s = now - O311_MAX_DAYS * 86400, e = now + 60;
	if (r->f[F_START_DATE].present && o311_parse_time(r->f[F_START_DATE].s, &s) < 0)
		return fail(r, 400, "start_date is not a W3C datetime");
	if (r->f[F_END_DATE].present && o311_parse_time(r->f[F_END_DATE].s, &e) < 0)
		return fail(r, 400, "end_date is not a W3C datetime");
	if (r->f[F_START_DATE].present && !r->f[F_END_DATE].present)
		e = s + O311_MAX_DAYS * 86400;
	else if (!r->f[F_START_DATE].present && r->f[F_END_DATE].present)
		s = e - O311_MAX_DAYS * 86400;
	if (e < s)
		return fail(r, 400, "end_date is before start_date");
	if (e - s > (time_t)O311_MAX_DAYS * 86400 + 86400)
		return fail(r, 400, "the window from start_date to end_date is at most 90 days");
	o311_db_time(s, from);
	o311_db_time(e, to);
	return 0;
}

int h_o311_requests(struct req *r)
{
	struct o311_key_row *k;
	int st = need_key(r, &k);
	if (st)
		return st;
	struct o311_req_row *v;
	size_t n;
	int rc;
	if (r->f[F_SERVICE_REQUEST_ID].present) {
		const char **ids;
		size_t nids;
		if (o311_id_list(r->a, r->f[F_SERVICE_REQUEST_ID].s, O311_MAX_IDS, &ids, &nids) < 0)
			return fail(r, 400, "service_request_id must be at most 200 ids, comma-separated");
		rc = o311_requests_by_number(r->db, r->a, k->source, ids_json(r, ids, nids), &v, &n);
		return rc != DB_OK ? db_status(rc) : requests_out(r, v, n);
	}
	char from[20], to[20];
	if ((st = window(r, from, to)) != 0)
		return st;
	unsigned status = 3;
	if (r->f[F_O311_STATUS].present && (status = o311_status_filter(r->f[F_O311_STATUS].s)) == 0)
		return fail(r, 400, "status must be open, closed or both");
	long long code = 0;
	if (r->f[F_SERVICE_CODE].present && (code = service_code(r->f[F_SERVICE_CODE].s)) == 0)
		return fail(r, 400, "service_code not found");
	int page = r->f[F_PAGE].present ? (int)r->f[F_PAGE].i : 1;
	rc = o311_requests_list(r->db, r->a, k->source, from, to, code, status, O311_PAGE,
				(page - 1) * O311_PAGE, &v, &n);
	return rc != DB_OK ? db_status(rc) : requests_out(r, v, n);
}
