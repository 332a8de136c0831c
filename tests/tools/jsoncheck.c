// SPDX-License-Identifier: GPL-2.0
/*
 * jsoncheck: is stdin one valid JSON document (RFC 8259)?  For the lab
 * guests, which have no python or jq.
 *
 *   jsoncheck [-k] [-l] < FILE
 *
 * -k prints the top-level object's keys, one a line; -l takes every line
 * as a document of its own (nicctl's one-object-per-line output).  Exit
 * 0 when valid, 1 (with the offset of the first error) when not.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *p, *start;
static int print_keys;

static void ws(void)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
}

static int value(int depth);

static int string(FILE *keys)
{
	const char *s;

	if (*p != '"')
		return -1;
	s = ++p;
	while (*p != '"') {
		if ((unsigned char)*p < 0x20)
			return -1;
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				int i;

				for (i = 1; i <= 4; i++)
					if (!isxdigit((unsigned char)p[i]))
						return -1;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", *p) || !*p) {
				return -1;
			}
		}
		p++;
	}
	if (keys)
		fprintf(keys, "%.*s\n", (int)(p - s), s);
	p++;
	return 0;
}

static int number(void)
{
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (isdigit((unsigned char)*p))
		while (isdigit((unsigned char)*p))
			p++;
	else
		return -1;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		while (isdigit((unsigned char)*p))
			p++;
	}
	return 0;
}

static int object(int depth)
{
	p++;
	ws();
	if (*p == '}') {
		p++;
		return 0;
	}
	for (;;) {
		ws();
		if (string(depth == 1 && print_keys ? stdout : NULL))
			return -1;
		ws();
		if (*p++ != ':')
			return -1;
		if (value(depth + 1))
			return -1;
		ws();
		if (*p == '}') {
			p++;
			return 0;
		}
		if (*p++ != ',')
			return -1;
	}
}

static int array(int depth)
{
	p++;
	ws();
	if (*p == ']') {
		p++;
		return 0;
	}
	for (;;) {
		if (value(depth + 1))
			return -1;
		ws();
		if (*p == ']') {
			p++;
			return 0;
		}
		if (*p++ != ',')
			return -1;
	}
}

static int value(int depth)
{
	ws();
	if (depth > 64)
		return -1;
	switch (*p) {
	case '{':
		return object(depth);
	case '[':
		return array(depth);
	case '"':
		return string(NULL);
	case 't':
		return strncmp(p, "true", 4) ? -1 : (p += 4, 0);
	case 'f':
		return strncmp(p, "false", 5) ? -1 : (p += 5, 0);
	case 'n':
		return strncmp(p, "null", 4) ? -1 : (p += 4, 0);
	default:
		return number();
	}
}

static int document(const char *doc)
{
	p = start = doc;
	if (value(1))
		return -1;
	ws();
	return *p ? -1 : 0;
}

int main(int argc, char **argv)
{
	size_t len = 0, cap = 1 << 16;
	char *buf = malloc(cap + 1);
	int opt, lines = 0, bad = 0;
	ssize_t n;

	while ((opt = getopt(argc, argv, "kl")) != -1) {
		if (opt == 'k')
			print_keys = 1;
		else if (opt == 'l')
			lines = 1;
		else
			return 2;
	}
	while (buf && (n = read(0, buf + len, cap - len)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap + 1);
		}
	}
	if (!buf)
		return 2;
	buf[len] = '\0';
	if (!lines) {
		if (document(buf)) {
			fprintf(stderr, "jsoncheck: invalid JSON at offset %ld\n", (long)(p - start));
			return 1;
		}
		return 0;
	}
	for (char *l = buf; *l;) {
		char *e = strchr(l, '\n');

		if (e)
			*e = '\0';
		if (*l && document(l)) {
			fprintf(stderr, "jsoncheck: invalid JSON line at offset %ld: %.80s\n",
				(long)(p - start), l);
			bad = 1;
		}
		if (!e)
			break;
		l = e + 1;
	}
	return bad;
}
