// SPDX-License-Identifier: GPL-2.0
/* The kernel log, read from /dev/kmsg; see kmsg.h. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
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
