// The only C++ file: wraps ctemplate behind the C API of tmpl.h.
#include "tmpl.h"

#include <cstdarg>
#include <cstdio>
#include <string>

#include <ctemplate/template.h>

using ctemplate::TemplateDictionary;

static TemplateDictionary *td(struct tdict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static struct tdict *cd(TemplateDictionary *d)
{
	return reinterpret_cast<struct tdict *>(d);
}

extern "C" void tmpl_init(const char *root)
{
	ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(root);
}

extern "C" void tmpl_reload(void)
{
	ctemplate::mutable_default_template_cache()->ReloadAllIfChanged(
		ctemplate::TemplateCache::LAZY_RELOAD);
}

static void delete_dict(void *p)
{
	delete reinterpret_cast<TemplateDictionary *>(p);
}

extern "C" struct tdict *tmpl_dict(struct arena *a)
{
	TemplateDictionary *d = new TemplateDictionary("page");
	arena_on_reset(a, delete_dict, d);
	return cd(d);
}

extern "C" void tmpl_set(struct tdict *d, const char *key, const char *val)
{
	td(d)->SetValue(key, val != NULL ? val : "");
}

extern "C" void tmpl_set_int(struct tdict *d, const char *key, long long v)
{
	td(d)->SetIntValue(key, static_cast<long>(v));
}

extern "C" void tmpl_setf(struct tdict *d, const char *key, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		td(d)->SetValue(key, small);
		return;
	}
	std::string big((size_t)n + 1, '\0');
	va_start(ap, fmt);
	vsnprintf(&big[0], big.size(), fmt, ap);
	va_end(ap);
	big.resize((size_t)n);
	td(d)->SetValue(key, big);
}

extern "C" struct tdict *tmpl_section(struct tdict *d, const char *name)
{
	return cd(td(d)->AddSectionDictionary(name));
}

extern "C" void tmpl_show(struct tdict *d, const char *name)
{
	td(d)->ShowSection(name);
}

extern "C" struct tdict *tmpl_include(struct tdict *d, const char *name,
				      const char *file)
{
	TemplateDictionary *sub = td(d)->AddIncludeDictionary(name);
	sub->SetFilename(file);
	return cd(sub);
}

extern "C" int tmpl_render(const char *file, struct tdict *d, struct buf *out)
{
	std::string s;
	try {
		if (!ctemplate::ExpandTemplate(file, ctemplate::STRIP_BLANK_LINES,
					       td(d), &s))
			return -1;
	} catch (...) {
		return -1;
	}
	buf_add(out, s.data(), s.size());
	return 0;
}
