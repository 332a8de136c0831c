// SPDX-License-Identifier: GPL-2.0
/* Consistent redaction of addresses and host names; see redact.h. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "redact.h"

enum kind { MAC, IP4, IP6, HOST, N_KINDS };

static const char *const prefix[N_KINDS] = { "mac", "ip4", "ip6", "host" };

struct token {
	char *key;
	char name[24];
};

struct redactor {
	struct token *t[N_KINDS];
	int n[N_KINDS], cap[N_KINDS];
	char *hosts[2];		/* the full name and its first label */
};

struct redactor *redact_new(const char *hostname)
{
	struct redactor *r = calloc(1, sizeof(*r));
	char *dot;

	if (!r)
		return NULL;
	/* The kernel's placeholder and localhost identify no one. */
	if (hostname && *hostname && strcmp(hostname, "(none)") && strcmp(hostname, "localhost")) {
		r->hosts[0] = strdup(hostname);
		dot = strchr(hostname, '.');
		if (dot && dot > hostname)
			r->hosts[1] = strndup(hostname, dot - hostname);
	}
	return r;
}

void redact_free(struct redactor *r)
{
	int k, i;

	if (!r)
		return;
	for (k = 0; k < N_KINDS; k++) {
		for (i = 0; i < r->n[k]; i++)
			free(r->t[k][i].key);
		free(r->t[k]);
	}
	free(r->hosts[0]);
	free(r->hosts[1]);
	free(r);
}

/* The token for @key of @kind: the one it had, or the next number. */
static const char *token(struct redactor *r, enum kind k, const char *key)
{
	struct token *t;
	int i;

	for (i = 0; i < r->n[k]; i++)
		if (!strcmp(r->t[k][i].key, key))
			return r->t[k][i].name;
	if (r->n[k] == r->cap[k]) {
		int cap = r->cap[k] ? 2 * r->cap[k] : 16;

		t = realloc(r->t[k], cap * sizeof(*t));
		if (!t)
			return prefix[k];
		r->t[k] = t;
		r->cap[k] = cap;
	}
	t = &r->t[k][r->n[k]];
	t->key = strdup(key);
	if (!t->key)
		return prefix[k];
	snprintf(t->name, sizeof(t->name), "%s-%d", prefix[k], ++r->n[k]);
	return t->name;
}

static bool word(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* xx:xx:xx:xx:xx:xx (or with '-'), standing alone; its length or 0. */
static size_t mac_at(const char *s, const char *start, char *key)
{
	char sep;
	int i;

	if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]))
		return 0;
	sep = s[2];
	if (s > start && (isxdigit((unsigned char)s[-1]) || s[-1] == ':' || s[-1] == '-'))
		return 0;
	if (sep != ':' && sep != '-')
		return 0;
	for (i = 0; i < 6; i++) {
		const char *g = s + 3 * i;

		if (!isxdigit((unsigned char)g[0]) || !isxdigit((unsigned char)g[1]))
			return 0;
		if (i < 5 && g[2] != sep)
			return 0;
	}
	/* Not a part of something longer (an IPv6 address, a hex dump). */
	if (isxdigit((unsigned char)s[17]) || word(s[17]) ||
	    ((s[17] == ':' || s[17] == '-') && isxdigit((unsigned char)s[18])))
		return 0;
	for (i = 0; i < 17; i++)
		key[i] = i % 3 == 2 ? ':' : tolower((unsigned char)s[i]);
	key[17] = '\0';
	return 17;
}

/* An IPv6 address standing alone (inet_pton decides); its length or 0. */
static size_t ip6_at(const char *s, const char *start, char *key)
{
	unsigned char bin[16];
	char cand[64];
	size_t l = 0, colons = 0, hex = 0;

	if (s > start && (word(s[-1]) || s[-1] == ':' || s[-1] == '.'))
		return 0;
	while (l < sizeof(cand) - 1 && (isxdigit((unsigned char)s[l]) || s[l] == ':' || s[l] == '.')) {
		colons += s[l] == ':';
		hex += isxdigit((unsigned char)s[l]) != 0;
		l++;
	}
	/* A sentence may end right after an address. */
	while (l && s[l - 1] == '.')
		l--;
	if (colons < 2 || !hex || word(s[l]))
		return 0;
	memcpy(cand, s, l);
	cand[l] = '\0';
	if (inet_pton(AF_INET6, cand, bin) != 1 || !inet_ntop(AF_INET6, bin, key, 64))
		return 0;
	return l;
}

/* a.b.c.d, each 0..255, standing alone (not a part of a version); its
 * length or 0. */
static size_t ip4_at(const char *s, const char *start, char *key)
{
	unsigned char bin[4];
	char cand[20];
	size_t l = 0;

	if (s > start && (word(s[-1]) || s[-1] == '.' || s[-1] == '-'))
		return 0;
	while (l < sizeof(cand) - 1 && (isdigit((unsigned char)s[l]) || s[l] == '.'))
		l++;
	while (l && s[l - 1] == '.')
		l--;
	if (word(s[l]) || (s[l] == '.' && isdigit((unsigned char)s[l + 1])) || s[l] == '-')
		return 0;
	memcpy(cand, s, l);
	cand[l] = '\0';
	if (inet_pton(AF_INET, cand, bin) != 1)
		return 0;
	snprintf(key, 20, "%s", cand);
	return l;
}

static size_t host_at(const struct redactor *r, const char *s, const char *start, int *which)
{
	int i;

	if (s > start && (word(s[-1]) || s[-1] == '-' || s[-1] == '.'))
		return 0;
	for (i = 0; i < 2; i++) {
		size_t l = r->hosts[i] ? strlen(r->hosts[i]) : 0;

		if (l && !strncmp(s, r->hosts[i], l) && !word(s[l]) && s[l] != '-') {
			*which = i;
			return l;
		}
	}
	return 0;
}

/**
 * redact() - hide addresses and the host name in a document
 * @r: the redactor (its tokens persist across calls)
 * @in: the document
 *
 * Each candidate must stand alone: a MAC is six two-digit groups, not a
 * part of a longer colon-separated run; an IPv6 address is what
 * inet_pton() accepts, with at least two colons (so PCI addresses like
 * 0000:01:00.0 and times like 02:50:22.339010 are not); an IPv4 address
 * has exactly four parts (so versions like 6.1.0-56 are not).
 *
 * Return: a new string, or NULL when out of memory.
 */
char *redact(struct redactor *r, const char *in)
{
	size_t len = strlen(in), cap = len + len / 4 + 64, o = 0;
	char *out = malloc(cap), *no;
	const char *s = in;
	char key[64];

	if (!out)
		return NULL;
	while (*s) {
		const char *tok = NULL;
		size_t l = 0;
		int h;

		if (isxdigit((unsigned char)*s) || *s == ':') {
			if ((l = mac_at(s, in, key)))
				tok = token(r, MAC, key);
			else if ((l = ip6_at(s, in, key)))
				tok = token(r, IP6, key);
			else if (isdigit((unsigned char)*s) && (l = ip4_at(s, in, key)))
				tok = token(r, IP4, key);
		}
		if (!tok && (l = host_at(r, s, in, &h)))
			tok = token(r, HOST, r->hosts[0]);
		if (o + (tok ? strlen(tok) : 1) + 1 > cap) {
			cap = 2 * cap + 64;
			no = realloc(out, cap);
			if (!no) {
				free(out);
				return NULL;
			}
			out = no;
		}
		if (tok) {
			o += sprintf(out + o, "%s", tok);
			s += l;
		} else {
			out[o++] = *s++;
		}
	}
	out[o] = '\0';
	return out;
}
