// SPDX-License-Identifier: GPL-2.0
/* Text and JSON output from the same calls; see print.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "print.h"

static FILE *out;
static bool json;
/* JSON: whether the current object or nest already has a member. */
static bool need_comma;
/* JSON: objects open; only the outermost ends its line. */
static int depth;
/* JSON: out_key() wrote a key, the next object is its value. */
static bool key_pending;

void out_init(FILE *fp, bool as_json)
{
	out = fp;
	json = as_json;
	depth = 0;
	need_comma = false;
	key_pending = false;
}

bool out_json(void)
{
	return json;
}

void json_escape(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		unsigned char c = *s;
		size_t run = strcspn(s, "\"\\\n\t\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0d"
				     "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a"
				     "\x1b\x1c\x1d\x1e\x1f");

		/* Long documents (nicctl report): plain runs in one write. */
		if (run) {
			fwrite(s, 1, run, fp);
			s += run - 1;
			continue;
		}
		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

static void key(const char *k)
{
	if (need_comma)
		fputc(',', out);
	json_escape(out, k);
	fputc(':', out);
	need_comma = true;
}

/*
 * An object at the top level is one line.  Inside another object (an
 * element of an out_arr_open() array, or the value of out_key()), it is
 * a member: the printers of events, devices and diagnoses work unchanged
 * inside a larger document such as nicctl report's.
 */
void out_obj_open(void)
{
	if (json) {
		if (depth && need_comma && !key_pending)
			fputc(',', out);
		fputc('{', out);
		depth++;
	}
	key_pending = false;
	need_comma = false;
}

void out_obj_close(void)
{
	if (json) {
		fputc('}', out);
		if (depth)
			depth--;
		need_comma = true;
		if (depth)
			return;
	}
	fputc('\n', out);
	fflush(out);
}

void out_key(const char *k)
{
	if (!json)
		return;
	key(k);
	key_pending = true;
}

void out_nest_open(const char *k)
{
	if (!json)
		return;
	key(k);
	fputc('{', out);
	need_comma = false;
}

void out_nest_close(void)
{
	if (!json)
		return;
	fputc('}', out);
	need_comma = true;
}

void out_arr_open(const char *k)
{
	if (!json)
		return;
	key(k);
	fputc('[', out);
	need_comma = false;
}

void out_arr_str(const char *val)
{
	if (!json)
		return;
	if (need_comma)
		fputc(',', out);
	json_escape(out, val);
	need_comma = true;
}

void out_arr_close(void)
{
	if (!json)
		return;
	fputc(']', out);
	need_comma = true;
}

void out_str(const char *k, const char *fmt, const char *val)
{
	if (json) {
		key(k);
		json_escape(out, val);
	} else if (fmt) {
		fprintf(out, fmt, val);
	}
}

void out_u64(const char *k, const char *fmt, uint64_t val)
{
	if (json) {
		key(k);
		fprintf(out, "%" PRIu64, val);
	} else if (fmt) {
		fprintf(out, fmt, val);
	}
}

void out_bool(const char *k, const char *fmt, bool val)
{
	if (json) {
		key(k);
		fputs(val ? "true" : "false", out);
	} else if (fmt) {
		fprintf(out, fmt, val ? "yes" : "no");
	}
}

void out_text(const char *fmt, ...)
{
	va_list ap;

	if (json)
		return;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
}

/* ISO 8601 UTC with microseconds, e.g. 2026-11-25T02:10:00.123456Z. */
void iso_time(char *buf, size_t len, uint64_t real_ns)
{
	time_t sec = real_ns / 1000000000ULL;
	struct tm tm;
	size_t n;

	gmtime_r(&sec, &tm);
	n = strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(buf + n, len - n, ".%06uZ",
		 (unsigned int)(real_ns % 1000000000ULL / 1000));
}
