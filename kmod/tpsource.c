// SPDX-License-Identifier: GPL-2.0
/*
 * Tracepoint sources: attach by name, buffer in the probe, handle in a
 * work item.  See tpsource.h.
 */

#include <linux/slab.h>
#include <linux/string.h>

#include "tpsource.h"

static void find_tracepoint(struct tracepoint *tp, void *priv)
{
	struct nicdiag_tp *t = priv;

	if (!strcmp(tp->name, t->name))
		t->tp = tp;
}

static void tp_work_fn(struct work_struct *work)
{
	struct nicdiag_tp *t = container_of(work, struct nicdiag_tp, work);
	unsigned int n;

	/*
	 * @batch is allocated at attach: a work item never runs twice at
	 * once, and an allocation here that failed would leave the records
	 * waiting for a push that a full buffer never makes.
	 */
	spin_lock_irq(&t->lock);
	n = t->n;
	memcpy(t->batch, t->buf, n * t->size);
	t->n = 0;
	spin_unlock_irq(&t->lock);
	if (n)
		t->handle(t->batch, n);
}

/**
 * nicdiag_tp_attach() - find the tracepoint and register the probe
 * @t: the source, with @name, @probe, @type, @size and @handle set
 *
 * A kernel without the tracepoint is not an error: the source stays
 * silent and says so in the log.
 *
 * Return: 0, -ENOMEM, or the registration's error.
 */
int nicdiag_tp_attach(struct nicdiag_tp *t)
{
	int err;

	spin_lock_init(&t->lock);
	INIT_WORK(&t->work, tp_work_fn);
	t->n = 0;
	t->lost = 0;
	t->stopping = false;
	t->tp = NULL;
	t->buf = kcalloc(NICDIAG_TP_RECORDS, t->size, GFP_KERNEL);
	t->batch = kcalloc(NICDIAG_TP_RECORDS, t->size, GFP_KERNEL);
	if (!t->buf || !t->batch) {
		err = -ENOMEM;
		goto free;
	}
	if (!t->name)
		return 0;	/* fed by kprobes: the buffer and work only */
	for_each_kernel_tracepoint(find_tracepoint, t);
	if (!t->tp) {
		pr_info("no %s tracepoint: its events are off\n", t->name);
		return 0;
	}
	err = tracepoint_probe_register(t->tp, t->probe, t);
	if (!err)
		return 0;
	t->tp = NULL;
free:
	kfree(t->batch);
	kfree(t->buf);
	t->batch = NULL;
	t->buf = NULL;
	return err;
}

/**
 * nicdiag_tp_detach() - unregister, wait for running probes and the work
 * @t: an attached source
 *
 * Records still buffered are dropped: nobody is left to read them.
 */
void nicdiag_tp_detach(struct nicdiag_tp *t)
{
	spin_lock_irq(&t->lock);
	t->stopping = true;
	spin_unlock_irq(&t->lock);
	if (t->tp) {
		tracepoint_probe_unregister(t->tp, t->probe, t);
		tracepoint_synchronize_unregister();
		t->tp = NULL;
	}
	/* No push can queue the work after this: @stopping is under @lock. */
	cancel_work_sync(&t->work);
	kfree(t->batch);
	kfree(t->buf);
	t->batch = NULL;
	t->buf = NULL;
}

/**
 * nicdiag_tp_push() - hand a record from the probe to the work item
 * @t: the source
 * @rec: @t->size bytes, copied
 *
 * Any context.  A full buffer counts the record as lost (and as
 * suppressed in the ring's per-type statistics).
 */
void nicdiag_tp_push(struct nicdiag_tp *t, const void *rec)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&t->lock, flags);
	if (t->stopping) {
		queued = true;	/* going away: nothing is counted any more */
	} else if (t->n < NICDIAG_TP_RECORDS) {
		memcpy(t->buf + t->n++ * t->size, rec, t->size);
		queued = true;
		schedule_work(&t->work);
	} else {
		t->lost++;
	}
	spin_unlock_irqrestore(&t->lock, flags);
	if (!queued)
		nicdiag_ring_suppressed(t->type);
}

/**
 * nicdiag_tp_lost() - records lost to a full buffer
 * @t: the source
 *
 * Return: the count since attach.
 */
u64 nicdiag_tp_lost(struct nicdiag_tp *t)
{
	unsigned long flags;
	u64 n;

	spin_lock_irqsave(&t->lock, flags);
	n = t->lost;
	spin_unlock_irqrestore(&t->lock, flags);
	return n;
}
