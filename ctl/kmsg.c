// SPDX-License-Identifier: GPL-2.0
/* The kernel log, read from /dev/kmsg; see kmsg.h. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kmsg.h"

/**
 * kmsg_format() - one record as dmesg prints it
 * @rec: "PRI,SEQ,USEC,FLAGS[,...];TEXT" (the text up to its newline)
 * @buf: "[SSSSS.UUUUUU] TEXT"
 * @len: size of @buf
 *
 * Return: 0, or -1 when @rec is not a record (e.g. a " KEY=value"
 * continuation line).
 */
int kmsg_format(const char *rec, char *buf, size_t len)
{
	const char *semi = strchr(rec, ';'), *p = rec;
	unsigned long long usec;
	size_t tl;
	int field;

	if (!semi || !isdigit((unsigned char)*rec))
		return -1;
	/* The third field is the time stamp in microseconds. */
	for (field = 0; field < 2; field++) {
		p = strchr(p, ',');
		if (!p || p > semi)
			return -1;
		p++;
	}
	usec = strtoull(p, NULL, 10);
	tl = strcspn(semi + 1, "\n");
	snprintf(buf, len, "[%5llu.%06llu] %.*s", usec / 1000000, usec % 1000000,
		 (int)tl, semi + 1);
	return 0;
}

static bool word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

bool kmsg_match(const char *line, const char *const *names, int nnames)
{
	int i;

	for (i = 0; i < nnames; i++) {
		size_t l = strlen(names[i]);
		const char *p = line;

		if (!l)
			continue;
		while ((p = strstr(p, names[i]))) {
			if ((p == line || !word_char(p[-1])) && !word_char(p[l]))
				return true;
			p++;
		}
	}
	return false;
}

/* FNV-1a over @len bytes. */
static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/**
 * kmsg_names_new() - a set of names to look for in many lines
 * @names: the names (not copied: they must outlive the set)
 * @n: how many
 *
 * kmsg_names_match() then costs a few hash lookups per word of a line
 * instead of a scan of the line per name: a report with a thousand
 * watched devices filters the log in milliseconds.
 *
 * Return: the set, or NULL when out of memory.
 */
struct kmsg_names *kmsg_names_new(const char *const *names, int n)
{
	struct kmsg_names *set = calloc(1, sizeof(*set));
	size_t i;
	int k;

	if (!set)
		return NULL;
	for (set->size = 64; set->size < 2 * (size_t)n + 1; set->size *= 2)
		;
	set->slot = calloc(set->size, sizeof(*set->slot));
	if (!set->slot) {
		free(set);
		return NULL;
	}
	for (k = 0; k < n; k++) {
		size_t l = strlen(names[k]);

		if (!l)
			continue;
		if (l > set->maxlen)
			set->maxlen = l;
		for (i = hash(names[k], l) & (set->size - 1); set->slot[i];
		     i = (i + 1) & (set->size - 1))
			if (!strcmp(set->slot[i], names[k]))
				break;
		set->slot[i] = names[k];
	}
	return set;
}

static bool has(const struct kmsg_names *set, const char *s, size_t len)
{
	size_t i;

	for (i = hash(s, len) & (set->size - 1); set->slot[i]; i = (i + 1) & (set->size - 1))
		if (!strncmp(set->slot[i], s, len) && !set->slot[i][len])
			return true;
	return false;
}

/* Every stretch of @line that starts and ends at a word boundary, up to
 * the longest name, is looked up: the same matches as kmsg_match(). */
bool kmsg_names_match(const struct kmsg_names *set, const char *line)
{
	const char *p, *q;

	for (p = line; *p; p++) {
		if (p > line && word_char(p[-1]))
			continue;
		for (q = p + 1; q[-1] && (size_t)(q - p) <= set->maxlen; q++)
			if (!word_char(*q) && has(set, p, q - p))
				return true;
	}
	return false;
}

void kmsg_names_free(struct kmsg_names *set)
{
	if (set)
		free(set->slot);
	free(set);
}

static int add_line(struct kmsg *k, int *cap, const char *rec)
{
	char buf[1024];
	char **nl;

	if (kmsg_format(rec, buf, sizeof(buf)))
		return 0;
	if (k->n == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		nl = realloc(k->lines, *cap * sizeof(*nl));
		if (!nl)
			return -ENOMEM;
		k->lines = nl;
	}
	k->lines[k->n] = strdup(buf);
	if (!k->lines[k->n])
		return -ENOMEM;
	k->n++;
	return 0;
}

/**
 * kmsg_read() - every record the kernel's log buffer still holds
 * @k: filled with the lines, oldest first
 * @why: on failure, why
 * @len: size of @why
 *
 * /dev/kmsg gives one record per read(); a regular file (NICCTL_KMSG)
 * gives many: both are split on newlines, continuation lines dropped.
 * EPIPE means the kernel overwrote the next record: reading goes on.
 *
 * Return: 0 or -errno.
 */
int kmsg_read(struct kmsg *k, char *why, size_t len)
{
	const char *path = getenv("NICCTL_KMSG");
	size_t size = 0, cap = 65536, off;
	char *data = malloc(cap + 1), *nd;
	int fd, cap_lines = 0, r = 0;
	ssize_t n;

	k->lines = NULL;
	k->n = 0;
	if (!path || !*path)
		path = "/dev/kmsg";
	if (!data)
		return -ENOMEM;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		snprintf(why, len, "cannot open %s: %s", path, strerror(errno));
		free(data);
		return r;
	}
	for (;;) {
		if (cap - size < 8192) {
			cap *= 2;
			nd = realloc(data, cap + 1);
			if (!nd) {
				r = -ENOMEM;
				break;
			}
			data = nd;
		}
		n = read(fd, data + size, cap - size);
		if (n > 0) {
			size += n;
			continue;
		}
		if (n < 0 && errno == EPIPE)
			continue;
		if (n < 0 && errno != EAGAIN) {
			r = -errno;
			snprintf(why, len, "cannot read %s: %s", path, strerror(errno));
		}
		break;
	}
	close(fd);
	data[size] = '\0';
	for (off = 0; !r && off < size;) {
		char *end = strchr(data + off, '\n');

		if (end)
			*end = '\0';
		if (data[off] != ' ')
			r = add_line(k, &cap_lines, data + off);
		off = end ? (size_t)(end - data) + 1 : size;
	}
	if (r == -ENOMEM)
		snprintf(why, len, "out of memory");
	free(data);
	return r;
}

void kmsg_free(struct kmsg *k)
{
	int i;

	for (i = 0; i < k->n; i++)
		free(k->lines[i]);
	free(k->lines);
	k->lines = NULL;
	k->n = 0;
}
