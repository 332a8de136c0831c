/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel log from /dev/kmsg (NICCTL_KMSG replaces the path: unit
 * tests), as dmesg prints it, and the lines that name given devices.
 */
#ifndef NICCTL_KMSG_H
#define NICCTL_KMSG_H

#include <stdbool.h>
#include <stddef.h>

struct kmsg {
	char **lines;	/* "[    1.795706] virtio_net virtio1: ..." */
	int n;
};

/* Read every record the kernel still holds; -errno (and @why) on failure. */
int kmsg_read(struct kmsg *k, char *why, size_t len);
/* One /dev/kmsg record ("6,339,5140900,-;text") as dmesg prints it;
 * -1 for a continuation line or anything else. */
int kmsg_format(const char *rec, char *buf, size_t len);
/* @line names one of @names as a whole word. */
bool kmsg_match(const char *line, const char *const *names, int nnames);
void kmsg_free(struct kmsg *k);

/* The same test for many names and many lines: a hash set of names. */
struct kmsg_names {
	const char **slot;
	size_t size, maxlen;
};

struct kmsg_names *kmsg_names_new(const char *const *names, int n);
bool kmsg_names_match(const struct kmsg_names *set, const char *line);
void kmsg_names_free(struct kmsg_names *set);

#endif
