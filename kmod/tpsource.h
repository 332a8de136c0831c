/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel tracepoints nicdiag attaches to by name (they are not exported to
 * modules), and the bounded buffer that carries what a probe saw, in
 * whatever context it ran, to a work item in process context.
 */
#ifndef _NICDIAG_TPSOURCE_H
#define _NICDIAG_TPSOURCE_H

#include <linux/spinlock.h>
#include <linux/tracepoint.h>
#include <linux/workqueue.h>

#include "internal.h"

/* Records a probe may leave before the work item takes them. */
#define NICDIAG_TP_RECORDS	16

/**
 * struct nicdiag_tp - one tracepoint source
 * @name: the tracepoint's name, e.g. "aer_event"; NULL for a source that
 *	kprobes feed through nicdiag_tp_push() (no tracepoint)
 * @probe: the probe, with the tracepoint's prototype; its data is this
 * @type: event type counted as suppressed when the buffer is full
 * @size: bytes per record
 * @handle: takes @n records in process context
 * @tp: the tracepoint, NULL when the kernel lacks it (private)
 * @lock: protects @buf, @n and @lost (private)
 * @buf: NICDIAG_TP_RECORDS records (private)
 * @n: records in @buf (private)
 * @lost: records that found the buffer full (private)
 * @stopping: no work is queued once set (private)
 * @work: runs @handle (private)
 */
struct nicdiag_tp {
	const char *name;
	void *probe;
	enum nicdiag_event_type type;
	size_t size;
	void (*handle)(void *records, unsigned int n);

	struct tracepoint *tp;
	spinlock_t lock;	/* @buf, @n, @lost, @stopping */
	void *buf;
	void *batch;		/* the work item's copy of @buf */
	unsigned int n;
	u64 lost;
	bool stopping;
	struct work_struct work;
};

int nicdiag_tp_attach(struct nicdiag_tp *t);
void nicdiag_tp_detach(struct nicdiag_tp *t);
void nicdiag_tp_push(struct nicdiag_tp *t, const void *rec);
u64 nicdiag_tp_lost(struct nicdiag_tp *t);

#endif /* _NICDIAG_TPSOURCE_H */
