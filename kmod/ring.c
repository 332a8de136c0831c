// SPDX-License-Identifier: GPL-2.0
/*
 * The event ring: a bounded history of events, each with a sequence number,
 * and the worker that forwards new events to the multicast group.
 *
 * Sources record from any context (process, softirq, irq) under a spinlock;
 * notifications are built and sent from a work item, so no source ever
 * allocates or talks to netlink.  Nothing is lost silently: an event pushed
 * out of the full ring counts as overwritten, one the sender could not send
 * counts as ntf_dropped, and readers see the gap in sequence numbers.
 */

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>

#include "internal.h"

/**
 * struct nicdiag_ring - the event ring
 * @lock: protects everything below
 * @ev: @size slots; the event with sequence number s sits in s % @size
 * @size: capacity
 * @used: events held: sequence numbers @first_seq .. @next_seq - 1
 * @first_seq: oldest held; equals @next_seq when empty
 * @next_seq: the next sequence number to assign (from 1)
 * @ntf_next: the next sequence number to notify
 * @stopping: no more notification work may be queued
 * @st: counters
 * @ntf_work: sends notifications
 */
struct nicdiag_ring {
	spinlock_t lock; /* see above */
	struct nicdiag_event *ev;
	u32 size;
	u32 used;
	u64 first_seq;
	u64 next_seq;
	u64 ntf_next;
	bool stopping;
	struct nicdiag_ring_stats st;
	struct work_struct ntf_work;
};

static struct nicdiag_ring ring;

static struct nicdiag_event *ring_slot(u64 seq)
{
	return &ring.ev[do_div(seq, ring.size)];
}

/* Take the next event to notify, or return false.  Called without lock. */
static bool ring_next_ntf(struct nicdiag_event *ev)
{
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&ring.lock, flags);
	if (ring.ntf_next < ring.first_seq) {
		ring.st.ntf_dropped += ring.first_seq - ring.ntf_next;
		ring.ntf_next = ring.first_seq;
	}
	if (ring.ntf_next < ring.next_seq) {
		*ev = *ring_slot(ring.ntf_next);
		ring.ntf_next++;
		found = true;
	}
	spin_unlock_irqrestore(&ring.lock, flags);
	return found;
}

static void ring_count_ntf_drop(void)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	ring.st.ntf_dropped++;
	spin_unlock_irqrestore(&ring.lock, flags);
}

static void ring_ntf_work(struct work_struct *work)
{
	struct nicdiag_event *ev;

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev) {
		/* Nothing taken: the events stay queued for the next run. */
		return;
	}
	while (ring_next_ntf(ev)) {
		if (!nicdiag_netlink_has_listeners())
			continue;
		nicdiag_netlink_notify(ev);
		cond_resched();
	}
	kfree(ev);
}

/**
 * nicdiag_ring_ntf_failed() - count an event the sender could not send
 */
void nicdiag_ring_ntf_failed(void)
{
	ring_count_ntf_drop();
}

/**
 * nicdiag_ring_init() - allocate the ring
 * @size: capacity in events
 *
 * Return: 0 or -ENOMEM.
 */
int nicdiag_ring_init(unsigned int size)
{
	spin_lock_init(&ring.lock);
	INIT_WORK(&ring.ntf_work, ring_ntf_work);
	ring.ev = kvcalloc(size, sizeof(*ring.ev), GFP_KERNEL);
	if (!ring.ev)
		return -ENOMEM;
	ring.size = size;
	ring.first_seq = 1;
	ring.next_seq = 1;
	ring.ntf_next = 1;
	/* Nothing is notified until the family exists: nicdiag_ring_start(). */
	ring.stopping = true;
	return 0;
}

/**
 * nicdiag_ring_start() - start notifying, from the next event on
 *
 * Call once the netlink family is registered.  Events recorded before
 * had no one to notify: they are history, read with EVENT_GET.
 */
void nicdiag_ring_start(void)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	ring.ntf_next = ring.next_seq;
	ring.stopping = false;
	spin_unlock_irqrestore(&ring.lock, flags);
}

/**
 * nicdiag_ring_stop() - stop notifying
 *
 * After this returns no notification work runs or will run; events may
 * still be recorded (and read back).  Call before the netlink family goes:
 * the work sends to it.
 */
void nicdiag_ring_stop(void)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	ring.stopping = true;
	spin_unlock_irqrestore(&ring.lock, flags);
	cancel_work_sync(&ring.ntf_work);
}

/**
 * nicdiag_ring_exit() - free the ring; nothing may record any more
 */
void nicdiag_ring_exit(void)
{
	kvfree(ring.ev);
	ring.ev = NULL;
}

/**
 * nicdiag_ring_record() - record an event and queue its notification
 * @ev: the event; its sequence number and timestamps are filled in
 *
 * Safe in any context.  A full ring overwrites its oldest event and counts
 * it.
 *
 * Return: the sequence number assigned.
 */
u64 nicdiag_ring_record(struct nicdiag_event *ev)
{
	unsigned long flags;
	u64 seq;

	spin_lock_irqsave(&ring.lock, flags);
	seq = ring.next_seq++;
	ev->seq = seq;
	ev->mono_ns = ktime_get_ns();
	ev->real_ns = ktime_get_real_ns();
	if (ring.used == ring.size) {
		ring.first_seq++;
		ring.st.overwritten++;
	} else {
		ring.used++;
	}
	*ring_slot(seq) = *ev;
	ring.st.recorded++;
	if (ev->type < __NICDIAG_EV_MAX)
		ring.st.type_recorded[ev->type]++;
	/*
	 * Queued under the lock, so that nicdiag_ring_stop(), once it has
	 * set @stopping, cancels the last work that can ever be queued.
	 */
	if (!ring.stopping)
		schedule_work(&ring.ntf_work);
	spin_unlock_irqrestore(&ring.lock, flags);
	return seq;
}

/**
 * nicdiag_ring_suppressed() - count an event folded into a summary
 * @type: the type it would have had
 */
void nicdiag_ring_suppressed(enum nicdiag_event_type type)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	if (type < __NICDIAG_EV_MAX)
		ring.st.type_suppressed[type]++;
	spin_unlock_irqrestore(&ring.lock, flags);
}

/**
 * nicdiag_ring_get() - copy out one event
 * @seq: its sequence number
 * @ev: where to copy it
 *
 * Return: false if @seq is not held (overwritten, cleared or not yet
 * assigned).
 */
bool nicdiag_ring_get(u64 seq, struct nicdiag_event *ev)
{
	unsigned long flags;
	bool found = false;

	spin_lock_irqsave(&ring.lock, flags);
	if (seq >= ring.first_seq && seq < ring.next_seq) {
		*ev = *ring_slot(seq);
		found = true;
	}
	spin_unlock_irqrestore(&ring.lock, flags);
	return found;
}

/**
 * nicdiag_ring_size() - the ring's capacity
 *
 * Return: capacity in events.
 */
u32 nicdiag_ring_size(void)
{
	return ring.size;
}

/**
 * nicdiag_ring_first_seq() - the oldest sequence number held
 *
 * Return: that number, or the next one to be assigned if the ring is empty.
 */
u64 nicdiag_ring_first_seq(void)
{
	unsigned long flags;
	u64 seq;

	spin_lock_irqsave(&ring.lock, flags);
	seq = ring.first_seq;
	spin_unlock_irqrestore(&ring.lock, flags);
	return seq;
}

/**
 * nicdiag_ring_clear() - drop every event held; numbering goes on
 */
void nicdiag_ring_clear(void)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	ring.st.cleared += ring.used;
	ring.used = 0;
	ring.first_seq = ring.next_seq;
	/* Cleared before they were sent: counted as cleared, not dropped. */
	if (ring.ntf_next < ring.next_seq)
		ring.ntf_next = ring.next_seq;
	spin_unlock_irqrestore(&ring.lock, flags);
}

/**
 * nicdiag_ring_stats() - copy the counters
 * @st: where to copy them
 */
void nicdiag_ring_stats(struct nicdiag_ring_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&ring.lock, flags);
	*st = ring.st;
	st->size = ring.size;
	st->used = ring.used;
	st->first_seq = ring.used ? ring.first_seq : 0;
	st->last_seq = ring.next_seq - 1;
	spin_unlock_irqrestore(&ring.lock, flags);
}
