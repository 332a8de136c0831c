// SPDX-License-Identifier: GPL-2.0
/*
 * Queues that stop moving: nicdiag's own TX stall detector, the kernel's
 * TX watchdog, broken virtqueues and virtio devices that ask for a reset.
 *
 * The detector is a periodic scan of the watched devices, never a
 * per-packet hook.  A TX queue is stalled when it has been stopped, with
 * no transmit, for longer than stall_threshold_ms: the kernel watchdog's
 * rule, with our own threshold, so it also works where the driver has no
 * ndo_tx_timeout (virtio_net in 5.10, tun).  A queue that is stopped at
 * every look but transmitted in between (a busy, healthy NIC) moves.
 *
 * The watchdog's tracepoint (net:net_dev_xmit_timeout, not exported to
 * modules) fires in timer context with the device's TX locks held; the
 * probe takes its snapshot there and leaves the recording to a work item
 * (tpsource.c: a small fixed buffer whose overflow is counted).
 *
 * Locking: the scan holds nicdiag_dev_lock.  A device in the table is not
 * freed and its driver has not torn down its queues while the lock is
 * held: unregistration passes through the link tracker's notifier, which
 * takes the lock, before virtio_net deletes its virtqueues.
 */

#include <linux/ktime.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <trace/events/net.h>
#include <uapi/linux/virtio_config.h>

#include "internal.h"
#include "tpsource.h"

/*
 * Freezable: the scan reads virtqueues, which a suspending virtio_net
 * frees (virtnet_freeze) without unregistering the netdev; the freezer
 * stops this queue's work before the devices' suspend callbacks run.
 */
#define scan_wq system_freezable_power_efficient_wq

/* TX queues the detector follows per device. */
#define STALL_QUEUES_MAX	256
/* What the watchdog's probe saw, for the work item. */
struct watchdog_report {
	struct net_device *netdev;	/* compared, never dereferenced */
	int ifindex;
	struct nicdiag_queue_info q;
};

static struct delayed_work scan_work;
/* Serializes nicdiag_stall_kick() against exit: no scan queued after. */
static DEFINE_MUTEX(kick_lock);
static bool stall_stopping;

static DEFINE_SPINLOCK(stats_lock);
static u64 scans, scan_last_ns, scan_max_ns;

/**
 * virtio_net_vdev() - the virtio device under a virtio_net netdev
 * @dev: a net device
 *
 * Return: the virtio device, or NULL when @dev is not driven by
 * virtio_net.
 */
static struct virtio_device *virtio_net_vdev(struct net_device *dev)
{
	struct device *parent = dev->dev.parent;

	if (!parent || !parent->bus || strcmp(parent->bus->name, "virtio") ||
	    !parent->driver || strcmp(parent->driver->name, "virtio_net"))
		return NULL;
	return dev_to_virtio(parent);
}

/**
 * vq_ring() - ring size and broken flag of a virtqueue
 * @vq: the virtqueue
 * @size: set to its size in descriptors (0 if unknown)
 * @broken: set if it is marked broken
 *
 * The accessors live in virtio_ring, a module on 5.10 and 6.1: they are
 * looked up at each use with symbol_get(), so nicdiag neither needs
 * virtio_ring loaded first nor pins it.  Safe in atomic context.
 */
static void vq_ring(struct virtqueue *vq, u32 *size, bool *broken)
{
	typeof(virtqueue_get_vring_size) *get_size;
	typeof(virtqueue_is_broken) *is_broken;

	*size = 0;
	*broken = false;
	get_size = symbol_get(virtqueue_get_vring_size);
	if (get_size) {
		*size = get_size(vq);
		symbol_put(virtqueue_get_vring_size);
	}
	is_broken = symbol_get(virtqueue_is_broken);
	if (is_broken) {
		*broken = is_broken(vq);
		symbol_put(virtqueue_is_broken);
	}
}

/**
 * queue_snap() - what a TX queue and its virtqueue look like now
 * @dev: the device; its queues must be alive (see the locking note)
 * @index: TX queue index
 * @q: filled in; the caller has zeroed it
 *
 * Safe in atomic context: reads only, the status byte through the
 * transport's get_status.
 */
static void queue_snap(struct net_device *dev, unsigned int index,
		       struct nicdiag_queue_info *q)
{
	struct virtio_device *vdev = virtio_net_vdev(dev);
	struct virtqueue *vq;
	bool broken;

	q->index = index;
	q->threshold_ms = READ_ONCE(nicdiag_config.stall_threshold_ms);
	if (index < dev->num_tx_queues) {
		struct netdev_queue *txq = netdev_get_tx_queue(dev, index);

		q->tx_timeouts = nicdiag_txq_timeouts(txq);
		if (test_bit(__QUEUE_STATE_DRV_XOFF, &txq->state))
			q->xoff |= NICDIAG_XOFF_DRIVER;
		if (test_bit(__QUEUE_STATE_STACK_XOFF, &txq->state))
			q->xoff |= NICDIAG_XOFF_STACK;
#ifdef CONFIG_BQL
		q->flags |= NICDIAG_QF_BQL;
		q->bql_inflight = READ_ONCE(txq->dql.num_queued) -
				  READ_ONCE(txq->dql.num_completed);
#endif
	}
	if (!vdev)
		return;
	q->flags |= NICDIAG_QF_STATUS;
	q->status = vdev->config->get_status(vdev);
	/* virtio_net's virtqueues: rx0, tx0, rx1, tx1, ..., control. */
	list_for_each_entry(vq, &vdev->vqs, list) {
		if (vq->index != 2 * index + 1)
			continue;
		q->flags |= NICDIAG_QF_VQ;
		strscpy(q->vq_name, vq->name, sizeof(q->vq_name));
		vq_ring(vq, &q->vq_size, &broken);
		q->vq_free = READ_ONCE(vq->num_free);
		q->vq_broken = broken;
		break;
	}
}

static void queue_event(struct nicdiag_dev *nd, enum nicdiag_event_type type,
			enum nicdiag_cause cause,
			const struct nicdiag_queue_info *q)
{
	struct nicdiag_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = type;
	ev.cause = cause;
	ev.id = nd->id;
	ev.queue = *q;
	nicdiag_ring_record(&ev);
}

static void stall_begin(struct nicdiag_dev *nd, unsigned int i,
			unsigned long now)
{
	struct nicdiag_txq *t = &nd->txq[i];
	struct nicdiag_queue_info q = {};

	t->stalled = true;
	t->stall_start = t->moving;
	nd->n_stall++;
	nd->stalled_queues++;
	queue_snap(nd->netdev, i, &q);
	q.stopped_ms = jiffies_to_msecs(now - t->moving);
	queue_event(nd, NICDIAG_EV_TX_STALL, NICDIAG_CAUSE_UNSPEC, &q);
}

static void stall_end(struct nicdiag_dev *nd, unsigned int i,
		      unsigned long now, enum nicdiag_cause cause)
{
	struct nicdiag_txq *t = &nd->txq[i];
	struct nicdiag_queue_info q = {};

	t->stalled = false;
	nd->stalled_queues--;
	if (cause == NICDIAG_CAUSE_UNSPEC)
		queue_snap(nd->netdev, i, &q);
	q.index = i;
	q.threshold_ms = READ_ONCE(nicdiag_config.stall_threshold_ms);
	q.flags |= NICDIAG_QF_DURATION;
	q.duration_ms = jiffies_to_msecs(now - t->stall_start);
	queue_event(nd, NICDIAG_EV_TX_RESUME, cause, &q);
}

/* Size the per-queue state to the device's queues; false if unavailable. */
static bool txq_state(struct nicdiag_dev *nd, unsigned int n,
		      unsigned long now)
{
	struct nicdiag_txq *t;
	unsigned int i;

	if (nd->txq && nd->n_txq >= n)
		return true;
	t = kcalloc(n, sizeof(*t), GFP_KERNEL);
	if (!t)
		return false;
	for (i = 0; i < n; i++) {
		t[i].moving = now;
		if (nd->txq && i < nd->n_txq)
			t[i] = nd->txq[i];
	}
	kfree(nd->txq);
	nd->txq = t;
	nd->n_txq = n;
	return true;
}

static void check_virtio(struct nicdiag_dev *nd)
{
	struct virtio_device *vdev = virtio_net_vdev(nd->netdev);
	struct nicdiag_queue_info q = {};
	struct virtqueue *vq;
	bool reset, broken;
	u32 size;

	if (!vdev)
		return;
	reset = vdev->config->get_status(vdev) & VIRTIO_CONFIG_S_NEEDS_RESET;
	if (reset && !nd->needs_reset) {
		queue_snap(nd->netdev, 0, &q);
		queue_event(nd, NICDIAG_EV_NEEDS_RESET, NICDIAG_CAUSE_UNSPEC,
			    &q);
	}
	nd->needs_reset = reset;
	list_for_each_entry(vq, &vdev->vqs, list) {
		u64 bit = vq->index < 64 ? BIT_ULL(vq->index) : 0;

		vq_ring(vq, &size, &broken);
		if (!bit || !broken) {
			nd->vq_broken &= ~bit;
			continue;
		}
		if (nd->vq_broken & bit)
			continue;
		nd->vq_broken |= bit;
		memset(&q, 0, sizeof(q));
		queue_snap(nd->netdev, vq->index / 2, &q);
		/* Name the virtqueue that broke, which may be an RX one. */
		q.flags |= NICDIAG_QF_VQ;
		strscpy(q.vq_name, vq->name, sizeof(q.vq_name));
		q.vq_size = size;
		q.vq_free = READ_ONCE(vq->num_free);
		q.vq_broken = 1;
		queue_event(nd, NICDIAG_EV_VQ_BROKEN, NICDIAG_CAUSE_UNSPEC, &q);
	}
}

/**
 * check_dev() - one look at a device's TX queues
 * @nd: the device; caller holds nicdiag_dev_lock
 * @now: jiffies of this scan
 * @thresh: the stall threshold in jiffies
 */
static void check_dev(struct nicdiag_dev *nd, unsigned long now,
		      unsigned long thresh)
{
	struct net_device *dev = nd->netdev;
	unsigned int n = min_t(unsigned int, READ_ONCE(dev->real_num_tx_queues),
			       STALL_QUEUES_MAX);
	bool lltx = nicdiag_dev_lltx(dev);
	bool live;
	unsigned int i;

	live = dev->reg_state == NETREG_REGISTERED &&
	       netif_running(dev) && netif_carrier_ok(dev) &&
	       netif_device_present(dev);
	if (!txq_state(nd, n, now))
		return;
	for (i = 0; i < nd->n_txq; i++) {
		struct nicdiag_txq *t = &nd->txq[i];
		struct netdev_queue *txq;
		unsigned long trans;

		if (!live || i >= n) {
			if (t->stalled)
				stall_end(nd, i, now, NICDIAG_CAUSE_LINK_DOWN);
			t->moving = now;
			continue;
		}
		txq = netdev_get_tx_queue(dev, i);
		trans = READ_ONCE(txq->trans_start);
		if (!netif_xmit_stopped(txq)) {
			t->moving = now;
		} else if (trans != t->trans) {
			/* Stopped again, but it transmitted since last look. */
			t->moving = lltx ? now : trans;
		}
		t->trans = trans;
		if (t->stalled && t->moving != t->stall_start)
			stall_end(nd, i, now, NICDIAG_CAUSE_UNSPEC);
		else if (!t->stalled && time_after(now, t->moving + thresh))
			stall_begin(nd, i, now);
	}
	if (live)
		check_virtio(nd);
}

static void scan_fn(struct work_struct *work)
{
	unsigned long now = jiffies;
	unsigned long thresh;
	struct nicdiag_dev *nd;
	u64 t0 = ktime_get_ns(), dt;

	thresh = msecs_to_jiffies(READ_ONCE(nicdiag_config.stall_threshold_ms));
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node)
		check_dev(nd, now, thresh);
	mutex_unlock(&nicdiag_dev_lock);

	dt = ktime_get_ns() - t0;
	spin_lock(&stats_lock);
	scans++;
	scan_last_ns = dt;
	if (dt > scan_max_ns)
		scan_max_ns = dt;
	spin_unlock(&stats_lock);
	if (!READ_ONCE(stall_stopping))
		queue_delayed_work(scan_wq, &scan_work,
				   msecs_to_jiffies(READ_ONCE(nicdiag_config.stall_interval_ms)));
}

/* Watchdog reports, in process context: record those of watched devices. */
static void watchdog_handle(void *records, unsigned int n)
{
	struct watchdog_report *r = records;
	struct nicdiag_dev *nd;
	unsigned int i;

	mutex_lock(&nicdiag_dev_lock);
	for (i = 0; i < n; i++) {
		list_for_each_entry(nd, &nicdiag_devs, node) {
			if (nd->netdev != r[i].netdev ||
			    nd->id.ifindex != r[i].ifindex)
				continue;
			nd->n_tx_timeout++;
			queue_event(nd, NICDIAG_EV_TX_TIMEOUT,
				    NICDIAG_CAUSE_UNSPEC, &r[i].q);
			break;
		}
	}
	mutex_unlock(&nicdiag_dev_lock);
}

/* Tracepoint net:net_dev_xmit_timeout: timer context, TX locks held. */
static void xmit_timeout_probe(void *data, struct net_device *dev,
			       int queue_index)
{
	struct watchdog_report r = {};

	if (queue_index < 0 || queue_index >= dev->num_tx_queues)
		return;
	r.netdev = dev;
	r.ifindex = dev->ifindex;
	queue_snap(dev, queue_index, &r.q);
	r.q.stopped_ms = jiffies_to_msecs(jiffies -
		READ_ONCE(netdev_get_tx_queue(dev, queue_index)->trans_start));
	nicdiag_tp_push(data, &r);
}

/* As for AER (aer.c): the prototype checked against the kernel's. */
static void __maybe_unused xmit_timeout_probe_type_check(void)
{
	check_trace_callback_type_net_dev_xmit_timeout(xmit_timeout_probe);
}

static struct nicdiag_tp watchdog_tp = {
	.name = "net_dev_xmit_timeout",
	.probe = xmit_timeout_probe,
	.type = NICDIAG_EV_TX_TIMEOUT,
	.size = sizeof(struct watchdog_report),
	.handle = watchdog_handle,
};

/**
 * nicdiag_stall_kick() - look now, and from now on at the configured interval
 */
void nicdiag_stall_kick(void)
{
	mutex_lock(&kick_lock);
	if (!stall_stopping)
		mod_delayed_work(scan_wq, &scan_work, 0);
	mutex_unlock(&kick_lock);
}

/**
 * nicdiag_stall_stats() - the detector's own figures
 * @scans_out: scans done
 * @last_ns: duration of the latest scan
 * @max_ns: longest scan
 * @lost: watchdog reports lost because the buffer was full
 */
void nicdiag_stall_stats(u64 *scans_out, u64 *last_ns, u64 *max_ns, u64 *lost)
{
	spin_lock(&stats_lock);
	*scans_out = scans;
	*last_ns = scan_last_ns;
	*max_ns = scan_max_ns;
	spin_unlock(&stats_lock);
	*lost = nicdiag_tp_lost(&watchdog_tp);
}

/**
 * nicdiag_stall_init() - start the detector and attach to the watchdog
 *
 * A kernel without the tracepoint still gets the detector.
 *
 * Return: 0 or a negative errno from the tracepoint registration.
 */
int nicdiag_stall_init(void)
{
	int err;

	WRITE_ONCE(stall_stopping, false);
	INIT_DELAYED_WORK(&scan_work, scan_fn);
	err = nicdiag_tp_attach(&watchdog_tp);
	if (err)
		return err;
	queue_delayed_work(scan_wq, &scan_work,
			   msecs_to_jiffies(nicdiag_config.stall_interval_ms));
	return 0;
}

/**
 * nicdiag_stall_exit() - detach from the watchdog, stop the detector
 */
void nicdiag_stall_exit(void)
{
	mutex_lock(&kick_lock);
	WRITE_ONCE(stall_stopping, true);
	mutex_unlock(&kick_lock);
	nicdiag_tp_detach(&watchdog_tp);
	cancel_delayed_work_sync(&scan_work);
}
