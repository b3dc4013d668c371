#!/usr/bin/env node
// Black-box conformance client for an Open311 GeoReport v2 server.
//
// Written from the specification (http://wiki.open311.org/GeoReport_v2,
// "the spec" below), not from the server's code. Comments name the spec's
// section each check follows, as §Section.
//
// Environment:
//   BASE_URL      e.g. http://127.0.0.1:8181 (the API is BASE_URL/open311/v2)
//   KEY_ALL       an API key allowed every category
//   KEY_LIMITED   an API key of another source system, allowed one category:
//   LIMITED_CODE  that category's service_code
//   KEY_REVOKED   a revoked API key
//   OPEN311_LAT, OPEN311_LONG, OPEN311_ADDRESS   optional: where the test
//                 requests are located (defaults below)
//
// Documented deviations of this server from the spec, checked as such:
//   - GET requests calls need an api_key too (403 without), and a key reads
//     only the requests its own source system filed (404 for another's).
//   - Services are realtime: POST returns service_request_id at once, no token.
//
// Prints one line per check, "ok - NAME" or "not ok - NAME : DETAIL"
// ("ok - NAME # SKIP WHY" where the server's data cannot support a check),
// and exits 1 if any check failed (2 if the environment is incomplete).
//
// Only node built-ins are used; XML bodies are validated with xmllint against
// the XML Schemas next to this file.

import { spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- settings

const ENV = readEnv(['BASE_URL', 'KEY_ALL', 'KEY_LIMITED', 'LIMITED_CODE', 'KEY_REVOKED']);
const API = ENV.BASE_URL.replace(/\/+$/, '') + '/open311/v2';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FORMATS = ['json', 'xml'];
const TIMEOUT_MS = 20000;

// This run's mark, and the caller's personal data, which the GET calls must
// not give back (checked, raw and decoded, in the GET bodies that carry the
// filed requests).
const RUN = randomBytes(4).toString('hex');
const PERSON = {
	first_name: `测名${RUN}`,
	last_name: `试姓${RUN}`,
	phone: `139${String(randomInt(0, 1e8)).padStart(8, '0')}`,
};
const DESCRIPTION = `井盖缺失，路面塌陷，请尽快处理。（Open311 一致性测试 ${RUN}）`;
const PLACE = {
	address_string: process.env.OPEN311_ADDRESS || '人民路100号附近',
	lat: process.env.OPEN311_LAT || '39.9042',
	long: process.env.OPEN311_LONG || '116.4074',
};

// §GET Service Definition: "Options: string, number, datetime, text,
// singlevaluelist, multivaluelist".
const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];
const LIST_DATATYPES = ['singlevaluelist', 'multivaluelist'];

// §Date/time format: ISO 8601 subset per the W3C note, timezone required.
// The same pattern as W3CDateTime in common.xsd.
const W3C_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

// How far the server's requested_datetime may be from this machine's clock.
const CLOCK_SLACK_MS = 15 * 60 * 1000;

function readEnv(names) {
	const missing = names.filter((n) => !process.env[n]);
	if (missing.length) {
		console.error(`client.mjs: set ${missing.join(', ')} (see the comment at the top)`);
		process.exit(2);
	}
	return Object.fromEntries(names.map((n) => [n, process.env[n]]));
}

// ---------------------------------------------------------------- reporting

let failures = 0;

function report(name, problems) {
	if (problems.length === 0) {
		console.log(`ok - ${name}`);
		return;
	}
	failures++;
	const detail = problems.join('; ').replace(/\s+/g, ' ');
	console.log(`not ok - ${name} : ${detail.length > 900 ? detail.slice(0, 900) + '…' : detail}`);
}

function skip(name, why) {
	console.log(`ok - ${name} # SKIP ${why}`);
}

// ---------------------------------------------------------------- HTTP

// One call. Never throws: a network failure comes back as status 0 and error.
async function http(method, urlPath, { query, form } = {}) {
	const url = new URL(API + urlPath);
	if (query) {
		const q = new URLSearchParams();
		for (const [k, v] of Object.entries(query)) if (v !== undefined) q.set(k, v);
		// Commas left as they are: "comma delimited" lists (§GET Service Requests).
		url.search = q.toString().replace(/%2C/gi, ',');
	}
	const label = `${method} ${url.pathname}${url.search.replace(/(api_key=)[^&]*/g, '$1…')}`;
	// URLSearchParams as the body: application/x-www-form-urlencoded;charset=UTF-8,
	// with attribute[CODE] brackets percent-encoded (§POST Service Request).
	const init = { method, body: form, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) };
	try {
		const res = await fetch(url, init);
		const bytes = new Uint8Array(await res.arrayBuffer());
		let text;
		let utf8 = true;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			utf8 = false;
			text = new TextDecoder('utf-8').decode(bytes);
		}
		return { label, status: res.status, type: res.headers.get('content-type') ?? '', text, utf8 };
	} catch (e) {
		return { label, status: 0, type: '', text: '', utf8: true, error: String(e.cause ?? e) };
	}
}

// ---------------------------------------------------------------- documents

// The five response documents: their XML Schema and (for JSON) their shape.
// JSON follows the Spark convention (§JSON Support): the XML root element is
// dropped, its list of children becomes the top-level array (or, for
// service_definition, its children the top-level object).
// Shape types: a name from TYPES, "?" if the field may be absent or null.
const SERVICE = {
	service_code: 'id', service_name: 'string', description: 'string?', metadata: 'boolean',
	type: 'service_type', keywords: 'string?', group: 'string?',
};
const ATTRIBUTE = {
	variable: 'boolean', code: 'id', datatype: 'datatype', required: 'boolean',
	datatype_description: 'string?', order: 'order?', description: 'string?',
	values: { list: { object: { key: 'scalar', name: 'string' } }, optional: true },
};
const FILED = { service_request_id: 'id?', token: 'id?', service_notice: 'string?', account_id: 'scalar?' };
const REQUEST = {
	service_request_id: 'id', status: 'status', status_notes: 'string?', service_name: 'string?',
	service_code: 'id', description: 'string?', agency_responsible: 'string?', service_notice: 'string?',
	requested_datetime: 'datetime', updated_datetime: 'datetime?', expected_datetime: 'datetime?',
	address: 'string?', address_id: 'scalar?', zipcode: 'scalar?', lat: 'number?', long: 'number?',
	media_url: 'string?',
};
const KINDS = {
	services: { xsd: 'services.xsd', root: 'services', shape: { list: { object: SERVICE } } },
	definition: { xsd: 'service_definition.xsd', root: 'service_definition',
		shape: { object: { service_code: 'id', attributes: { list: { object: ATTRIBUTE } } } } },
	filed: { xsd: 'service_requests_post.xsd', root: 'service_requests', shape: { list: { object: FILED } } },
	requests: { xsd: 'service_requests.xsd', root: 'service_requests', shape: { list: { object: REQUEST } } },
	errors: { xsd: 'errors.xsd', root: 'errors',
		shape: { list: { object: { code: 'scalar', description: 'string' } } } },
};
const TYPES = {
	id: (v) => typeof v === 'string' && v.trim() !== '',
	string: (v) => typeof v === 'string',
	scalar: (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)),
	number: (v) => typeof v === 'number' && Number.isFinite(v),
	boolean: (v) => typeof v === 'boolean',
	order: (v) => Number.isInteger(v) && v > 0,
	datetime: (v) => typeof v === 'string' && W3C_DATETIME.test(v),
	service_type: (v) => ['realtime', 'batch', 'blackbox'].includes(v),
	datatype: (v) => DATATYPES.includes(v),
	status: (v) => ['open', 'closed'].includes(v),
};

const TYPE_NAMES = {
	id: 'a non-empty string', string: 'a string', scalar: 'a string or number', number: 'a number',
	boolean: 'true/false', order: 'a positive integer', datetime: 'a W3C datetime',
	service_type: 'realtime, batch or blackbox', datatype: `one of ${DATATYPES.join(', ')}`, status: 'open or closed',
};

// §Format Support: "XML: Content-Type: text/xml; charset=utf-8",
// "JSON: Content-Type: application/json; charset=utf-8" (application/xml also taken).
const MEDIA_TYPES = { json: /^application\/json$/i, xml: /^(text|application)\/xml$/i };

function contentTypeProblems(res, fmt) {
	const [media, ...params] = res.type.split(';').map((s) => s.trim());
	const problems = [];
	if (!MEDIA_TYPES[fmt].test(media)) problems.push(`Content-Type "${res.type}" is not ${fmt}`);
	for (const p of params.filter(Boolean)) {
		if (!/^charset="?utf-8"?$/i.test(p)) problems.push(`Content-Type parameter "${p}" (only charset=utf-8 expected)`);
	}
	return problems;
}

// Reads a response body as the document KIND in format FMT. Returns the
// document (JSON value; XML turned into the same shape) and the problems:
// Content-Type, UTF-8, and the schema (xmllint) or the JSON shape.
function readDocument(res, fmt, kind) {
	const problems = [...contentTypeProblems(res, fmt)];
	// §Encoding: "UTF-8 is required everywhere."
	if (!res.utf8) problems.push('body is not valid UTF-8');
	let doc;
	if (fmt === 'json') {
		try {
			doc = JSON.parse(res.text);
			problems.push(...shapeProblems(doc, KINDS[kind].shape, 'body'));
		} catch (e) {
			problems.push(`body is not JSON (${e.message}): ${snippet(res.text)}`);
		}
	} else {
		// §Encoding: "the root element must be preceded with the XML declaration
		// including the encoding="UTF-8" attribute".
		if (!/^\uFEFF?<\?xml\s[^>]*encoding\s*=\s*["']utf-8["']/i.test(res.text)) {
			problems.push('no XML declaration with encoding="UTF-8" at the start of the body');
		}
		problems.push(...schemaProblems(res.text, KINDS[kind].xsd));
		try {
			doc = xmlDocument(res.text, KINDS[kind].root);
		} catch (e) {
			problems.push(e.message);
		}
	}
	return { doc, problems };
}

function shapeProblems(value, shape, where) {
	if (typeof shape === 'string') {
		const optional = shape.endsWith('?');
		const type = shape.replace('?', '');
		if (value === undefined || value === null) return optional ? [] : [`${where} is missing or null`];
		return TYPES[type](value) ? [] : [`${where} is not ${TYPE_NAMES[type] ?? type}: ${JSON.stringify(value)}`];
	}
	if (value === undefined || value === null) return shape.optional ? [] : [`${where} is missing or null`];
	if (shape.list) {
		if (!Array.isArray(value)) return [`${where} is not an array`];
		return value.flatMap((item, i) => shapeProblems(item, shape.list, `${where}[${i}]`));
	}
	if (typeof value !== 'object' || Array.isArray(value)) return [`${where} is not an object`];
	const problems = Object.entries(shape.object).flatMap(([k, s]) => shapeProblems(value[k], s, `${where}.${k}`));
	for (const k of Object.keys(value)) {
		if (!(k in shape.object)) problems.push(`${where}.${k} is not a field of the spec`);
	}
	return problems;
}

// xmllint --schema on the body; [] when valid.
function schemaProblems(xml, xsd) {
	const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(HERE, xsd), '-'],
		{ input: xml, encoding: 'utf8' });
	if (run.error) return [`xmllint: ${run.error.message}`];
	if (run.status === 0) return [];
	const lines = run.stderr.split('\n').filter((l) => l && !/fails to validate$/.test(l));
	return [`not valid against ${xsd}: ${lines.slice(0, 3).join(' | ') || `xmllint exit ${run.status}`}`];
}

// XML to the JSON shape: elements named in XML_LISTS become arrays of their
// children, other elements with children objects, leaves trimmed strings;
// the true/false fields become booleans and order a number, as in JSON.
// Empty leaves stay "" (JSON's null): the checks treat both as blank.
const XML_LISTS = new Set(['services', 'service_requests', 'errors', 'attributes', 'values']);
const XML_BOOLEANS = new Set(['metadata', 'variable', 'required']);

function xmlDocument(xml, rootName) {
	// Canonical XML (xmllint --c14n): no declaration, comments, CDATA or
	// entity references but character escapes, so a small tokenizer reads it.
	const c14n = spawnSync('xmllint', ['--nonet', '--c14n', '-'], { input: xml, encoding: 'utf8' });
	if (c14n.error || c14n.status !== 0) {
		throw new Error(`body is not well-formed XML: ${(c14n.stderr || String(c14n.error)).split('\n')[0]}`);
	}
	const root = parseCanonical(c14n.stdout);
	if (root.name !== rootName) throw new Error(`root element is <${root.name}>, expected <${rootName}>`);
	return xmlValue(root);
}

function parseCanonical(text) {
	const top = { name: '', children: [], text: '' };
	const stack = [top];
	const token = /<\?[\s\S]*?\?>|<(\/?)([^\s>/]+)(?:"[^"]*"|'[^']*'|[^>"'])*>|([^<]+)/g;
	for (const [, closing, name, chars] of text.matchAll(token)) {
		const open = stack[stack.length - 1];
		if (chars !== undefined) open.text += unescapeXml(chars);
		else if (name === undefined) continue; // processing instruction
		else if (closing) stack.pop();
		else {
			const element = { name, children: [], text: '' };
			open.children.push(element);
			stack.push(element);
		}
	}
	return top.children[0] ?? { name: '', children: [], text: '' };
}

function unescapeXml(s) {
	const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
	return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref) => {
		if (ref[0] !== '#') return named[ref] ?? all;
		return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
	});
}

function xmlValue(element) {
	if (XML_LISTS.has(element.name)) return element.children.map(xmlValue);
	if (element.children.length) {
		return Object.fromEntries(element.children.map((child) => [child.name, xmlValue(child)]));
	}
	const text = element.text.trim();
	if (XML_BOOLEANS.has(element.name) && (text === 'true' || text === 'false')) return text === 'true';
	if (element.name === 'order' && /^\d+$/.test(text)) return Number(text);
	return text;
}

// ---------------------------------------------------------------- small helpers

const str = (v) => (v === undefined || v === null ? '' : String(v));
const blank = (v) => str(v).trim() === '';
const snippet = (text) => JSON.stringify(text.slice(0, 160));
const pad = (n) => String(n).padStart(2, '0');

// A W3C datetime for DATE at a fixed UTC offset in minutes ("Z" for 0).
function w3(date, offsetMinutes = 0) {
	if (offsetMinutes === 0) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
	const shifted = new Date(date.getTime() + offsetMinutes * 60000).toISOString().slice(0, 19);
	const a = Math.abs(offsetMinutes);
	return `${shifted}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

function idsOf(doc) {
	return Array.isArray(doc) ? doc.map((r) => str(r?.service_request_id)) : [];
}

// ---------------------------------------------------------------- expectations

// Checks one response: HTTP status, then the document of kind KIND, then
// THEN(doc) for the call's own conditions. Reports NAME; returns the document.
function expect(name, res, fmt, { status, kind, then }) {
	if (res.error) {
		report(name, [`${res.label}: ${res.error}`]);
		return undefined;
	}
	const problems = [];
	if (!status.includes(res.status)) {
		problems.push(`${res.label}: HTTP ${res.status}, expected ${status.join(' or ')}; body ${snippet(res.text)}`);
	}
	const { doc, problems: docProblems } = readDocument(res, fmt, kind);
	problems.push(...docProblems);
	if (doc !== undefined && then) problems.push(...then(doc));
	report(name, problems);
	return doc;
}

// §Errors: the status, and errors/error with code and description; "In most
// cases, [code] should match the HTTP status code" (required here).
function expectError(name, res, fmt, statuses) {
	return expect(name, res, fmt, {
		status: statuses,
		kind: 'errors',
		then: (errors) => {
			if (!Array.isArray(errors) || errors.length === 0) return ['no error in the errors document'];
			return errors.flatMap((e, i) => [
				...(str(e?.code) === String(res.status) ? [] : [`error[${i}].code "${str(e?.code)}" is not the HTTP status ${res.status}`]),
				...(blank(e?.description) ? [`error[${i}].description is empty`] : []),
			]);
		},
	});
}

function expectStatus(name, res, statuses) {
	if (res.error) return report(name, [`${res.label}: ${res.error}`]);
	report(name, statuses.includes(res.status) ? [] : [`${res.label}: HTTP ${res.status}, expected ${statuses.join(' or ')}`]);
}

// ---------------------------------------------------------------- plan

// What the server offers decides which services the checks use. Read once,
// in JSON (the checks proper run later, in both formats).
async function makePlan() {
	const res = await http('GET', '/services.json');
	let services;
	try {
		services = JSON.parse(res.text);
	} catch {
		services = undefined;
	}
	if (res.status !== 200 || !Array.isArray(services) || services.length === 0) {
		report('plan: GET /services.json lists services', [`${res.label}: HTTP ${res.status} ${res.error ?? snippet(res.text)}`]);
		return undefined;
	}
	const codes = services.map((s) => str(s?.service_code));
	const plan = { services, codes, definitions: new Map(), attributes: new Map() };

	// main: a service with a definition, preferably one with a required attribute.
	const described = services.filter((s) => s?.metadata === true);
	for (const s of described) {
		const fill = await fillFor(plan, s);
		if (fill && requiredAttributes(plan.definitions.get(str(s.service_code))).length) {
			plan.main = s;
			break;
		}
	}
	for (const s of [...described, ...services]) {
		if (plan.main) break;
		if (await fillFor(plan, s)) plan.main = s;
	}
	if (!plan.main) {
		report('plan: a service the client can file requests for', ['no service whose required attributes can be filled']);
		return undefined;
	}
	plan.mainCode = str(plan.main.service_code);
	// The definition checked: main's, or the first with metadata=true if main has none.
	plan.defCode = plan.main.metadata === true ? plan.mainCode : str(described[0]?.service_code) || undefined;
	plan.mainRequired = requiredAttributes(plan.definitions.get(plan.mainCode))[0];
	plan.secondCode = await firstFillable(plan, (c) => c !== plan.mainCode);
	plan.otherCode = await firstFillable(plan, (c) => c !== ENV.LIMITED_CODE);
	plan.limitedFillable = codes.includes(ENV.LIMITED_CODE) && Boolean(await fillFor(plan, services[codes.indexOf(ENV.LIMITED_CODE)]));
	let unknown = 999999;
	while (codes.includes(String(unknown))) unknown++;
	plan.unknownCode = String(unknown);
	return plan;
}

async function firstFillable(plan, wanted) {
	const own = wanted(plan.mainCode) ? [plan.main] : [];
	for (const s of [...own, ...plan.services]) {
		if (wanted(str(s?.service_code)) && (await fillFor(plan, s))) return str(s.service_code);
	}
	return undefined;
}

function requiredAttributes(definition) {
	return (definition?.attributes ?? []).filter((a) => a?.required === true && a?.variable !== false);
}

// The attribute[CODE]=value pairs a request to service S needs (its required
// attributes, §POST Service Request "attribute"), or undefined if they
// cannot be filled (definition unreadable, a list without values).
async function fillFor(plan, s) {
	const code = str(s?.service_code);
	if (plan.attributes.has(code)) return plan.attributes.get(code);
	let pairs = [];
	if (s?.metadata === true) {
		const res = await http('GET', `/services/${encodeURIComponent(code)}.json`);
		let definition;
		try {
			definition = res.status === 200 ? JSON.parse(res.text) : undefined;
		} catch {
			definition = undefined;
		}
		plan.definitions.set(code, definition);
		pairs = definition ? requiredAttributes(definition).map(attributePair) : [undefined];
	}
	const fill = pairs.includes(undefined) ? undefined : pairs;
	plan.attributes.set(code, fill);
	return fill;
}

// §POST Service Request: attribute[code]=value, attribute[code][]=value for
// a multivaluelist. Values by datatype (§GET Service Definition).
function attributePair(a) {
	const name = `attribute[${a.code}]`;
	switch (a.datatype) {
		case 'number': return [name, '1'];
		case 'datetime': return [name, w3(new Date(), 480)];
		case 'text': return [name, '一致性测试\n第二行'];
		case 'singlevaluelist': return a.values?.length ? [name, str(a.values[0].key)] : undefined;
		case 'multivaluelist': return a.values?.length ? [`${name}[]`, str(a.values[0].key)] : undefined;
		default: return [name, '一致性测试'];
	}
}

// The form of a valid request to service CODE; WHERE is how it is located:
// 'address' (address_string), 'latlong', 'both' or 'none'.
function filingForm(plan, code, { key = ENV.KEY_ALL, where = 'address' } = {}) {
	const form = new URLSearchParams();
	form.set('api_key', key);
	form.set('service_code', code);
	form.set('description', DESCRIPTION);
	if (where === 'address' || where === 'both') form.set('address_string', PLACE.address_string);
	if (where === 'latlong' || where === 'both') {
		form.set('lat', PLACE.lat);
		form.set('long', PLACE.long);
	}
	for (const [k, v] of Object.entries(PERSON)) form.set(k, v);
	for (const [k, v] of plan.attributes.get(code) ?? []) form.append(k, v);
	return form;
}

function without(form, ...names) {
	for (const n of names) form.delete(n);
	return form;
}

// ---------------------------------------------------------------- §GET Service List

async function serviceListChecks(fmt) {
	const res = await http('GET', `/services.${fmt}`);
	expect(`${fmt}: GET services.${fmt} lists the services`, res, fmt, {
		status: [200],
		kind: 'services',
		then: (list) => {
			if (!Array.isArray(list) || list.length === 0) return ['the list is empty'];
			const problems = list.flatMap((s, i) => [
				...['service_code', 'service_name', 'group'].filter((f) => blank(s?.[f])).map((f) => `service[${i}].${f} is empty`),
				// "metadata: Possible values: true, false"; "type: realtime, batch, blackbox"
				...(typeof s?.metadata === 'boolean' ? [] : [`service[${i}].metadata is not true/false`]),
				...(['realtime', 'batch', 'blackbox'].includes(s?.type) ? [] : [`service[${i}].type "${str(s?.type)}"`]),
			]);
			const codes = list.map((s) => str(s?.service_code));
			// "service_code: The unique identifier for the service request type"
			if (new Set(codes).size !== codes.length) problems.push('service_code values are not unique');
			if (!list.some((s) => s?.metadata === true)) problems.push('no service has metadata=true');
			if (!codes.includes(ENV.LIMITED_CODE)) problems.push(`LIMITED_CODE ${ENV.LIMITED_CODE} is not listed`);
			return problems;
		},
	});
}

// ---------------------------------------------------------------- §GET Service Definition

async function definitionChecks(fmt, plan) {
	const code = plan.defCode;
	if (!code) {
		skip(`${fmt}: GET services/{code}.${fmt} describes the service`, 'no service has metadata=true');
	} else {
		const res = await http('GET', `/services/${encodeURIComponent(code)}.${fmt}`);
		expect(`${fmt}: GET services/${code}.${fmt} describes the service`, res, fmt, {
			status: [200],
			kind: 'definition',
			then: (def) => definitionProblems(def, code),
		});
	}
	// "404 - service_code ... provided were not found"
	const res = await http('GET', `/services/${plan.unknownCode}.${fmt}`);
	expectError(`${fmt}: GET services/${plan.unknownCode}.${fmt} (unknown code) is 404 with errors`, res, fmt, [404]);
}

function definitionProblems(def, code) {
	const problems = [];
	// "service_code: ... the same one submitted for this call"
	if (str(def?.service_code) !== code) problems.push(`service_code "${str(def?.service_code)}" is not ${code}`);
	const attributes = Array.isArray(def?.attributes) ? def.attributes : [];
	if (attributes.length === 0) problems.push('no attribute (the service has metadata=true)');
	attributes.forEach((a, i) => {
		const at = `attribute[${i}]`;
		if (blank(a?.code)) problems.push(`${at}.code is empty`);
		if (!DATATYPES.includes(a?.datatype)) problems.push(`${at}.datatype "${str(a?.datatype)}"`);
		if (typeof a?.required !== 'boolean') problems.push(`${at}.required is not true/false`);
		if (typeof a?.variable !== 'boolean') problems.push(`${at}.variable is not true/false`);
		// "order: Any positive integer not used for other attributes in the same service_code"
		if (!(Number.isInteger(a?.order) && a.order > 0)) problems.push(`${at}.order "${str(a?.order)}" is not a positive integer`);
		if (blank(a?.description)) problems.push(`${at}.description is empty`);
		// values/value/(key, name) "for singlevaluelist or multivaluelist"
		if (LIST_DATATYPES.includes(a?.datatype)) {
			const values = Array.isArray(a?.values) ? a.values : [];
			if (values.length === 0) problems.push(`${at} (${a.datatype}) has no values`);
			values.forEach((v, j) => {
				if (blank(v?.key) || blank(v?.name)) problems.push(`${at}.values[${j}] lacks key or name`);
			});
			const keys = values.map((v) => str(v?.key));
			if (new Set(keys).size !== keys.length) problems.push(`${at} value keys are not unique`);
		}
	});
	const codes = attributes.map((a) => str(a?.code));
	if (new Set(codes).size !== codes.length) problems.push('attribute codes are not unique');
	const orders = attributes.map((a) => a?.order);
	if (new Set(orders).size !== orders.length) problems.push('attribute orders are not unique');
	return problems;
}

// ---------------------------------------------------------------- §POST Service Request

// Files one request and checks the response; returns its id (or undefined).
async function file(name, fmt, form) {
	const res = await http('POST', `/requests.${fmt}`, { form });
	const doc = expect(name, res, fmt, {
		status: [200, 201],
		kind: 'filed',
		then: (list) => {
			if (!Array.isArray(list) || list.length !== 1) return [`${Array.isArray(list) ? list.length : 'no'} requests in the response, expected 1`];
			const r = list[0];
			const problems = [];
			// realtime: service_request_id at once; "token ... should not be returned if service_request_id is returned"
			if (blank(r?.service_request_id)) problems.push('no service_request_id');
			if (r?.token !== undefined) problems.push('a token came with the service_request_id');
			if (r?.service_notice === undefined) problems.push('no service_notice');
			return problems;
		},
	});
	const id = Array.isArray(doc) ? str(doc[0]?.service_request_id) : '';
	return id || undefined;
}

async function filingChecks(fmt, plan, filed) {
	const main = plan.mainCode;
	const second = plan.secondCode ?? main;
	const cases = [
		// "location parameter: One of lat & long or address_string or address_id"
		{ code: main, where: 'address', what: 'located by address_string' },
		{ code: main, where: 'latlong', what: 'located by lat & long' },
		{ code: second, where: 'both', what: 'located by both' },
	];
	for (const c of cases) {
		const id = await file(`${fmt}: POST requests.${fmt} (service ${c.code}, ${c.what}, Chinese text) files a request`,
			fmt, filingForm(plan, c.code, { where: c.where }));
		if (id) filed.all.push({ id, code: c.code, fmt });
	}
	// KEY_LIMITED in its own category (the counterpart of the 403 below).
	if (!plan.limitedFillable) {
		skip(`${fmt}: POST requests.${fmt} with KEY_LIMITED in its category files a request`, `cannot fill service ${ENV.LIMITED_CODE}`);
		return;
	}
	const id = await file(`${fmt}: POST requests.${fmt} with KEY_LIMITED in its category ${ENV.LIMITED_CODE} files a request`,
		fmt, filingForm(plan, ENV.LIMITED_CODE, { key: ENV.KEY_LIMITED }));
	if (id) filed.limited.push({ id, code: ENV.LIMITED_CODE, fmt });
}

// §Errors ("403 for errors because of wrong or missing api_key and basically
// 400 for any other error") and §POST Service Request "Possible Errors".
function postErrorCases(plan) {
	const main = plan.mainCode;
	const req = plan.mainRequired;
	return [
		{ what: 'without api_key', status: [403, 400], form: () => without(filingForm(plan, main), 'api_key') },
		{ what: 'with a wrong api_key', status: [403], form: () => filingForm(plan, main, { key: `wrong-${RUN}` }) },
		{ what: 'with a revoked api_key', status: [403], form: () => filingForm(plan, main, { key: ENV.KEY_REVOKED }) },
		{ what: `with KEY_LIMITED for another category (${plan.otherCode ?? 'none'})`, status: [403],
			skip: plan.otherCode ? null : 'no other category to try',
			form: () => filingForm(plan, plan.otherCode, { key: ENV.KEY_LIMITED }) },
		// "400 - service_code ... was not provided"; "404 - service_code ... was not found"
		{ what: 'without service_code', status: [400], form: () => without(filingForm(plan, main), 'service_code') },
		{ what: `with an unknown service_code (${plan.unknownCode})`, status: [400, 404],
			form: () => { const f = filingForm(plan, main); f.set('service_code', plan.unknownCode); return f; } },
		// "location parameter: A full location parameter must be submitted."
		{ what: 'without a location (no lat/long, address_string, address_id)', status: [400],
			form: () => filingForm(plan, main, { where: 'none' }) },
		// "lat & long both need to be sent even though they are sent as two separate parameters"
		{ what: 'with lat but no long', status: [400], form: () => without(filingForm(plan, main, { where: 'both' }), 'long') },
		{ what: 'with long but no lat', status: [400], form: () => without(filingForm(plan, main, { where: 'both' }), 'lat') },
		// "attribute: ... required if the service_code requires a service definition with required fields"
		{ what: `without required attribute ${req?.code}`, status: [400],
			skip: req ? null : 'no service has a required attribute',
			form: () => without(filingForm(plan, main), `attribute[${req.code}]`, `attribute[${req.code}][]`) },
	];
}

async function postErrorChecks(fmt, plan) {
	for (const c of postErrorCases(plan)) {
		const name = `${fmt}: POST requests.${fmt} ${c.what} is ${c.status.join(' or ')} with errors`;
		if (c.skip) {
			skip(name, c.skip);
			continue;
		}
		expectError(name, await http('POST', `/requests.${fmt}`, { form: c.form() }), fmt, c.status);
	}
}

// ---------------------------------------------------------------- §GET Service Request

// The caller's phone and names must not be in a GET body, raw or decoded
// (JSON \u escapes, XML character references).
function personalDataProblems(res, doc) {
	const bodies = [res.text, JSON.stringify(doc)];
	return Object.entries(PERSON)
		.filter(([, value]) => bodies.some((b) => b.includes(value)))
		.map(([field]) => `the body contains the caller's ${field}`);
}

// One request as filed: id, status open, code, requested_datetime (W3C, now),
// the description as sent (UTF-8 intact), no personal data.
function filedRequestProblems(res, doc, expected) {
	if (!Array.isArray(doc) || doc.length !== 1) return [`${Array.isArray(doc) ? doc.length : 'no'} requests, expected exactly 1`];
	const r = doc[0];
	const problems = [];
	if (str(r?.service_request_id) !== expected.id) problems.push(`service_request_id "${str(r?.service_request_id)}" is not ${expected.id}`);
	if (r?.status !== 'open') problems.push(`status "${str(r?.status)}" is not open`);
	if (str(r?.service_code) !== expected.code) problems.push(`service_code "${str(r?.service_code)}" is not ${expected.code}`);
	if (!W3C_DATETIME.test(str(r?.requested_datetime))) {
		problems.push(`requested_datetime "${str(r?.requested_datetime)}" is not a W3C datetime`);
	} else if (Math.abs(Date.parse(r.requested_datetime) - Date.now()) > CLOCK_SLACK_MS) {
		problems.push(`requested_datetime ${r.requested_datetime} is not now (${w3(new Date())}): wrong offset?`);
	}
	// This server shows what its public status page shows (issue 16): the
	// state, the unit, the dates and the reply, never the caller's own
	// words, which may name people and places (a documented deviation).
	if (JSON.stringify(doc).includes(DESCRIPTION)) problems.push('the description the caller sent comes back');
	if (r?.description !== undefined && r?.description !== null && str(r.description) !== '') problems.push(`description ${JSON.stringify(str(r.description))} is shown`);
	problems.push(...personalDataProblems(res, doc));
	return problems;
}

async function singleRequestChecks(fmt, filed) {
	const mine = filed.all.find((f) => f.fmt === fmt) ?? filed.all[0];
	const theirs = filed.limited.find((f) => f.fmt === fmt) ?? filed.limited[0];
	const get = (id, key) => http('GET', `/requests/${encodeURIComponent(id)}.${fmt}`, { query: { api_key: key } });
	const unknownId = '987654321';

	if (!mine) {
		report(`${fmt}: GET requests/{id}.${fmt} checks`, ['no request was filed with KEY_ALL (see the POST checks)']);
	} else {
		let res = await get(mine.id, ENV.KEY_ALL);
		expect(`${fmt}: GET requests/${mine.id}.${fmt} gives the request as filed, without the caller's phone or name`, res, fmt, {
			status: [200], kind: 'requests', then: (doc) => filedRequestProblems(res, doc, mine),
		});
		// Deviation: GET needs api_key (§Errors: 403 for a wrong or missing api_key).
		res = await get(mine.id, undefined);
		expectError(`${fmt}: GET requests/${mine.id}.${fmt} without api_key is 403 with errors`, res, fmt, [403]);
		res = await get(mine.id, `wrong-${RUN}`);
		expectError(`${fmt}: GET requests/${mine.id}.${fmt} with a wrong api_key is 403 with errors`, res, fmt, [403]);
		res = await get(mine.id, ENV.KEY_REVOKED);
		expectError(`${fmt}: GET requests/${mine.id}.${fmt} with a revoked api_key is 403 with errors`, res, fmt, [403]);
		// Deviation: a key reads only its own source system's requests.
		res = await get(mine.id, ENV.KEY_LIMITED);
		expectError(`${fmt}: GET requests/${mine.id}.${fmt} with KEY_LIMITED (another source) is 404 with errors`, res, fmt, [404]);
	}
	if (theirs) {
		let res = await get(theirs.id, ENV.KEY_LIMITED);
		expect(`${fmt}: GET requests/${theirs.id}.${fmt} with KEY_LIMITED gives its own request`, res, fmt, {
			status: [200], kind: 'requests', then: (doc) => filedRequestProblems(res, doc, theirs),
		});
		res = await get(theirs.id, ENV.KEY_ALL);
		expectError(`${fmt}: GET requests/${theirs.id}.${fmt} with KEY_ALL (another source) is 404 with errors`, res, fmt, [404]);
	}
	// §Errors: "404 for resources that don't exist"
	const res = await get(unknownId, ENV.KEY_ALL);
	expectError(`${fmt}: GET requests/${unknownId}.${fmt} (unknown id) is 404 with errors`, res, fmt, [404]);
}

// ---------------------------------------------------------------- §GET Service Requests

function listCases(fmt, plan, filed) {
	const now = new Date();
	// Around now, the start at +08:00 and the end in UTC (both offsets must be read).
	const around = { start_date: w3(new Date(now - HOUR), 480), end_date: w3(new Date(+now + HOUR)) };
	const pastYear = { start_date: w3(new Date(now - 200 * DAY), -300), end_date: w3(new Date(now - 150 * DAY), -300) };
	const ours = filed.all.map((f) => f.id);
	const byFmt = filed.all.filter((f) => f.fmt === fmt).map((f) => f.id);
	const ofMain = filed.all.filter((f) => f.code === plan.mainCode).map((f) => f.id);
	const notMain = filed.all.filter((f) => f.code !== plan.mainCode).map((f) => f.id);
	const key = ENV.KEY_ALL;

	const includes = (doc, ids) => ids.filter((id) => !idsOf(doc).includes(id)).map((id) => `${id} is missing`);
	const excludes = (doc, ids) => ids.filter((id) => idsOf(doc).includes(id)).map((id) => `${id} should not be there`);
	const every = (doc, field, value) => (Array.isArray(doc) ? doc : [])
		.filter((r) => str(r?.[field]) !== value).map((r) => `request ${str(r?.service_request_id)} has ${field} "${str(r?.[field])}"`);
	// start_date/end_date: "requests which have a requested_datetime that matches a given range"
	const within = (doc, range) => (Array.isArray(doc) ? doc : [])
		.filter((r) => !(Date.parse(r?.requested_datetime) >= Date.parse(range.start_date)
			&& Date.parse(r?.requested_datetime) <= Date.parse(range.end_date)))
		.map((r) => `request ${str(r?.service_request_id)} requested ${str(r?.requested_datetime)} is outside the range`);

	return [
		// "service_request_id: ... multiple service_request_id can be declared; comma delimited.
		// This overrides all other arguments."
		{ what: `service_request_id=${byFmt.join(',')} gives exactly those`, need: byFmt.length === 3,
			query: { api_key: key, service_request_id: byFmt.join(',') },
			then: (doc, res) => [
				...includes(doc, byFmt),
				...(idsOf(doc).length === byFmt.length ? [] : [`${idsOf(doc).length} requests, expected ${byFmt.length}`]),
				...personalDataProblems(res, doc),
			] },
		// "service_code: Specify the service type"
		{ what: `service_code=${plan.mainCode} (start/end around now): only that code, ours of it included`, need: ofMain.length > 0,
			query: { api_key: key, service_code: plan.mainCode, ...around },
			then: (doc) => [...every(doc, 'service_code', plan.mainCode), ...includes(doc, ofMain), ...excludes(doc, notMain)] },
		// "status: Options: open, closed"
		{ what: 'status=closed: only closed requests, ours (open) absent', need: true,
			query: { api_key: key, status: 'closed' },
			then: (doc) => [...every(doc, 'status', 'closed'), ...excludes(doc, ours)] },
		{ what: 'status=open (start/end around now): only open requests, ours included', need: ours.length > 0,
			query: { api_key: key, status: 'open', ...around },
			then: (doc) => [...every(doc, 'status', 'open'), ...includes(doc, ours)] },
		// "start_date / end_date: ... Must use w3 format"
		{ what: `start_date=${around.start_date}&end_date=${around.end_date}: ours included, all within`, need: ours.length > 0,
			query: { api_key: key, ...around },
			then: (doc) => [...includes(doc, ours), ...within(doc, around)] },
		{ what: `start_date=${pastYear.start_date}&end_date=${pastYear.end_date}: none of ours, all within`, need: ours.length > 0,
			query: { api_key: key, ...pastYear },
			then: (doc) => [...excludes(doc, ours), ...within(doc, pastYear)] },
		// Deviation: a key reads only its own source system's requests.
		{ what: 'with KEY_LIMITED and service_request_id of KEY_ALL\'s requests: none of them', need: ours.length > 0,
			query: { api_key: ENV.KEY_LIMITED, service_request_id: ours.join(',') },
			then: (doc) => excludes(doc, ours) },
		// §Errors: "400 for any other error where the request can not be fulfilled"
		{ what: 'start_date=yesterday (not a datetime) is 400', error: 400,
			query: { api_key: key, start_date: 'yesterday' } },
		{ what: 'end_date before start_date is 400', error: 400,
			query: { api_key: key, start_date: w3(now), end_date: w3(new Date(now - DAY)) } },
		// Deviation: GET needs api_key.
		{ what: 'without api_key is 403', error: 403, query: {} },
	];
}

async function requestListChecks(fmt, plan, filed) {
	for (const c of listCases(fmt, plan, filed)) {
		const name = `${fmt}: GET requests.${fmt} ${c.what}`;
		const res = await http('GET', `/requests.${fmt}`, { query: c.query });
		if (c.error) {
			expectError(`${name} with errors`, res, fmt, [c.error]);
		} else if (!c.need) {
			report(name, ['the requests it needs were not filed (see the POST checks)']);
		} else {
			expect(name, res, fmt, { status: [200], kind: 'requests', then: (doc) => c.then(doc, res) });
		}
	}
}

// ---------------------------------------------------------------- §Format Support

async function formatChecks(plan) {
	// Formats: XML and JSON; anything else is a resource that does not exist.
	expectStatus('GET services.html (no such format) is 404', await http('GET', '/services.html'), [404]);
	expectStatus(`GET services/${plan.mainCode}.html (no such format) is 404`,
		await http('GET', `/services/${encodeURIComponent(plan.mainCode)}.html`), [404]);
}

// ---------------------------------------------------------------- main

async function main() {
	console.log(`# Open311 GeoReport v2 conformance: ${API} (run ${RUN})`);
	for (const fmt of FORMATS) await serviceListChecks(fmt);
	const plan = await makePlan();
	if (!plan) {
		console.log('# no usable service list: the other checks cannot run');
		return;
	}
	console.log(`# services used: main ${plan.mainCode}, second ${plan.secondCode ?? '-'}, ` +
		`other than LIMITED_CODE ${plan.otherCode ?? '-'}, required attribute ${plan.mainRequired?.code ?? '-'}`);
	for (const fmt of FORMATS) await definitionChecks(fmt, plan);
	const filed = { all: [], limited: [] };
	for (const fmt of FORMATS) await filingChecks(fmt, plan, filed);
	for (const fmt of FORMATS) await postErrorChecks(fmt, plan);
	for (const fmt of FORMATS) await singleRequestChecks(fmt, filed);
	for (const fmt of FORMATS) await requestListChecks(fmt, plan, filed);
	await formatChecks(plan);
}

try {
	await main();
} catch (e) {
	report('the client ran to the end', [e.stack ?? String(e)]);
}
console.log(failures ? `# ${failures} check(s) failed` : '# all checks passed');
process.exit(failures ? 1 : 0);
