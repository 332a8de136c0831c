// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink encoding of nicdiag's objects.  Each encoder adds one top-level
 * nest and returns -EMSGSIZE, with the message unchanged, when it does not
 * fit.
 */

#include <net/netlink.h>

#include "nlmsg.h"

/**
 * nicdiag_fill_dev() - encode a watched device as NICDIAG_A_DEV
 * @skb: message
 * @nd: the device; caller holds nicdiag_dev_lock
 * @show: NICDIAG_SHOW_* bits: what this reader may see
 *
 * Return: 0 or -EMSGSIZE.
 */
int nicdiag_fill_dev(struct sk_buff *skb, const struct nicdiag_dev *nd,
		     unsigned int show)
{
	struct nlattr *nest = nla_nest_start(skb, NICDIAG_A_DEV);
	bool proc = nd->owner_pid && (show & NICDIAG_SHOW_PROC);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, NICDIAG_DEV_A_IFINDEX, nd->id.ifindex) ||
	    nla_put_string(skb, NICDIAG_DEV_A_IFNAME, nd->id.ifname) ||
	    nla_put_string(skb, NICDIAG_DEV_A_DRIVER, nd->id.driver) ||
	    nla_put_string(skb, NICDIAG_DEV_A_BUS_INFO, nd->id.bus_info) ||
	    (nd->pci_addr[0] &&
	     nla_put_string(skb, NICDIAG_DEV_A_PCI_ADDR, nd->pci_addr)) ||
	    (nd->addr_len &&
	     nla_put(skb, NICDIAG_DEV_A_ADDRESS, nd->addr_len, nd->addr)) ||
	    nla_put_u8(skb, NICDIAG_DEV_A_ADMIN_UP, nd->admin_up) ||
	    nla_put_u8(skb, NICDIAG_DEV_A_CARRIER, nd->carrier) ||
	    nla_put_u8(skb, NICDIAG_DEV_A_OPERSTATE, nd->operstate) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_MTU, nd->mtu) ||
	    nla_put_u8(skb, NICDIAG_DEV_A_FLAPPING, nd->flapping) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_ADMIN, nd->n_admin) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_CARRIER_UP, nd->n_carrier_up) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_CARRIER_DOWN, nd->n_carrier_down) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_OPER, nd->n_oper) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_MTU, nd->n_mtu) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_RENAME, nd->n_rename) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_FLAP, nd->n_flap) ||
	    nla_put_u64_64bit(skb, NICDIAG_DEV_A_SINCE_MONO_NS, nd->since_mono,
			      NICDIAG_DEV_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_DEV_A_LAST_CHANGE_MONO_NS,
			      nd->last_change_mono, NICDIAG_DEV_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_DEV_A_LAST_CHANGE_REAL_NS,
			      nd->last_change_real, NICDIAG_DEV_A_PAD) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_STALL, nd->n_stall) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_TX_TIMEOUT, nd->n_tx_timeout) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_STALLED_QUEUES, nd->stalled_queues) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_AER_COR, nd->n_aer_cor) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_AER_NONFATAL, nd->n_aer_nonfatal) ||
	    nla_put_u32(skb, NICDIAG_DEV_A_N_AER_FATAL, nd->n_aer_fatal) ||
	    (proc &&
	     (nla_put_u32(skb, NICDIAG_DEV_A_OWNER_PID, nd->owner_pid) ||
	      nla_put_string(skb, NICDIAG_DEV_A_OWNER_COMM, nd->owner_comm))) ||
	    (nd->owner_pid && !proc &&
	     nla_put_u32(skb, NICDIAG_DEV_A_WITHHELD, NICDIAG_WITHHELD_PROC)) ||
	    (nd->master[0] &&
	     (nla_put_string(skb, NICDIAG_DEV_A_MASTER, nd->master) ||
	      nla_put_u8(skb, NICDIAG_DEV_A_PORT_STATE, nd->port_state)))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/*
 * The payload nests.  Each *_attrs() puts the attributes of one kind of
 * event and returns nonzero when the message is full; fill_payload()
 * opens the nest and cancels it on failure.
 */
static int link_attrs(struct sk_buff *skb, const struct nicdiag_event *ev,
		      unsigned int show)
{
	const struct nicdiag_link_info *l = &ev->link;

	return nla_put_u8(skb, NICDIAG_LINK_A_ADMIN_UP, l->admin_up) ||
	       nla_put_u8(skb, NICDIAG_LINK_A_CARRIER, l->carrier) ||
	       nla_put_u8(skb, NICDIAG_LINK_A_OPERSTATE, l->operstate) ||
	       nla_put_u32(skb, NICDIAG_LINK_A_MTU, l->mtu) ||
	       nla_put_u32(skb, NICDIAG_LINK_A_CARRIER_UP_COUNT,
			   l->carrier_up_count) ||
	       nla_put_u32(skb, NICDIAG_LINK_A_CARRIER_DOWN_COUNT,
			   l->carrier_down_count) ||
	       ((l->flags & NICDIAG_LF_OLD_OPER) &&
		nla_put_u8(skb, NICDIAG_LINK_A_OLD_OPERSTATE, l->old_operstate)) ||
	       ((l->flags & NICDIAG_LF_OLD_MTU) &&
		nla_put_u32(skb, NICDIAG_LINK_A_OLD_MTU, l->old_mtu)) ||
	       ((l->flags & NICDIAG_LF_OLD_NAME) &&
		nla_put_string(skb, NICDIAG_LINK_A_OLD_IFNAME, l->old_ifname)) ||
	       ((l->flags & NICDIAG_LF_FLAP) &&
		(nla_put_u32(skb, NICDIAG_LINK_A_FLAP_COUNT, l->flap_count) ||
		 nla_put_u32(skb, NICDIAG_LINK_A_FLAP_WINDOW_MS,
			     l->flap_window_ms)));
}

static int setup_attrs(struct sk_buff *skb, const struct nicdiag_event *ev,
		       unsigned int show)
{
	const struct nicdiag_setup_info *si = &ev->setup;
	unsigned int i;

	if (nla_put_string(skb, NICDIAG_SETUP_A_VIRTIO_DEV, si->virtio_dev) ||
	    (si->pci_addr[0] &&
	     nla_put_string(skb, NICDIAG_SETUP_A_PCI_ADDR, si->pci_addr)) ||
	    (si->has_errno &&
	     nla_put_u32(skb, NICDIAG_SETUP_A_ERRNO, si->err)) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_STAGE, si->stage) ||
	    nla_put_u8(skb, NICDIAG_SETUP_A_STATUS, si->status) ||
	    nla_put_u64_64bit(skb, NICDIAG_SETUP_A_FEATURES_OFFERED,
			      si->offered, NICDIAG_SETUP_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_SETUP_A_FEATURES_NEGOTIATED,
			      si->negotiated, NICDIAG_SETUP_A_PAD) ||
	    nla_put_u8(skb, NICDIAG_SETUP_A_DRIVER_BOUND, si->bound) ||
	    nla_put_u8(skb, NICDIAG_SETUP_A_IRQ_MODE, si->irq_mode) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_MSIX_VECTORS, si->msix_vectors) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_NUM_VQS, si->num_vqs) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_MAX_QUEUE_PAIRS, si->max_qp) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_QUEUE_PAIRS, si->qp) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_DEVICE_MTU, si->mtu) ||
	    nla_put_u32(skb, NICDIAG_SETUP_A_CPUS, si->cpus))
		return -EMSGSIZE;
	if (!(show & NICDIAG_SHOW_LOG))
		return 0;
	for (i = 0; i < si->nlog && i < NICDIAG_LOG_LINES; i++)
		if (nla_put_string(skb, NICDIAG_SETUP_A_LOG, si->log[i]))
			return -EMSGSIZE;
	return 0;
}

static int queue_attrs(struct sk_buff *skb, const struct nicdiag_event *ev,
		       unsigned int show)
{
	const struct nicdiag_queue_info *q = &ev->queue;

	return nla_put_u32(skb, NICDIAG_QUEUE_A_INDEX, q->index) ||
	       nla_put_u32(skb, NICDIAG_QUEUE_A_STOPPED_MS, q->stopped_ms) ||
	       nla_put_u32(skb, NICDIAG_QUEUE_A_THRESHOLD_MS, q->threshold_ms) ||
	       nla_put_u32(skb, NICDIAG_QUEUE_A_TX_TIMEOUTS, q->tx_timeouts) ||
	       nla_put_u8(skb, NICDIAG_QUEUE_A_XOFF, q->xoff) ||
	       ((q->flags & NICDIAG_QF_BQL) &&
		nla_put_u32(skb, NICDIAG_QUEUE_A_BQL_INFLIGHT, q->bql_inflight)) ||
	       ((q->flags & NICDIAG_QF_DURATION) &&
		nla_put_u32(skb, NICDIAG_QUEUE_A_DURATION_MS, q->duration_ms)) ||
	       ((q->flags & NICDIAG_QF_VQ) &&
		(nla_put_string(skb, NICDIAG_QUEUE_A_VQ_NAME, q->vq_name) ||
		 nla_put_u32(skb, NICDIAG_QUEUE_A_VQ_SIZE, q->vq_size) ||
		 nla_put_u32(skb, NICDIAG_QUEUE_A_VQ_FREE, q->vq_free) ||
		 nla_put_u8(skb, NICDIAG_QUEUE_A_VQ_BROKEN, q->vq_broken))) ||
	       ((q->flags & NICDIAG_QF_STATUS) &&
		nla_put_u8(skb, NICDIAG_QUEUE_A_STATUS, q->status));
}

/* An AER report, or (AER_RECOVERY) the recovery that followed it. */
static int aer_attrs(struct sk_buff *skb, const struct nicdiag_event *ev,
		     unsigned int show)
{
	bool log = show & NICDIAG_SHOW_LOG;
	const struct nicdiag_aer_info *a = &ev->aer;
	unsigned int i;

	if (ev->type == NICDIAG_EV_AER_RECOVERY) {
		if (nla_put_string(skb, NICDIAG_AER_A_PCI_ADDR, a->pci_addr) ||
		    nla_put_u8(skb, NICDIAG_AER_A_RELATION, a->relation) ||
		    nla_put_u8(skb, NICDIAG_AER_A_RECOVERY, a->recovery))
			return -EMSGSIZE;
		for (i = 0; log && i < a->nlog && i < ARRAY_SIZE(a->log); i++)
			if (nla_put_string(skb, NICDIAG_AER_A_LOG, a->log[i]))
				return -EMSGSIZE;
		return 0;
	}
	return nla_put_string(skb, NICDIAG_AER_A_PCI_ADDR, a->pci_addr) ||
	       nla_put_u8(skb, NICDIAG_AER_A_SEVERITY, a->severity) ||
	       nla_put_u32(skb, NICDIAG_AER_A_STATUS, a->status) ||
	       (a->tlp_valid && log &&
		nla_put(skb, NICDIAG_AER_A_TLP, sizeof(a->tlp), a->tlp)) ||
	       nla_put_string(skb, NICDIAG_AER_A_DRIVER, a->driver) ||
	       nla_put_u8(skb, NICDIAG_AER_A_HANDLERS, a->handlers) ||
	       nla_put_u8(skb, NICDIAG_AER_A_RELATION, a->relation);
}

static int host_attrs(struct sk_buff *skb, const struct nicdiag_event *ev,
		      unsigned int show)
{
	const struct nicdiag_host_info *h = &ev->host;

	return (h->op && nla_put_u8(skb, NICDIAG_HOST_A_OP, h->op)) ||
	       (h->ioctl && nla_put_u32(skb, NICDIAG_HOST_A_IOCTL, h->ioctl)) ||
	       (ev->type == NICDIAG_EV_HOST_FAIL &&
		nla_put_u32(skb, NICDIAG_HOST_A_ERRNO, h->err)) ||
	       (h->flags && nla_put_u32(skb, NICDIAG_HOST_A_FLAGS, h->flags)) ||
	       (h->ifname[0] &&
		nla_put_string(skb, NICDIAG_HOST_A_IFNAME, h->ifname)) ||
	       ((ev->type == NICDIAG_EV_TAP_ATTACH ||
		 ev->type == NICDIAG_EV_TAP_DETACH) && h->queues &&
		nla_put_u32(skb, NICDIAG_HOST_A_QUEUES, h->queues)) ||
	       (h->op == NICDIAG_HOST_OP_VHOST_SET_BACKEND &&
		(nla_put_u32(skb, NICDIAG_HOST_A_FD, (u32)h->fd) ||
		 nla_put_u32(skb, NICDIAG_HOST_A_INDEX, h->index))) ||
	       (h->master[0] &&
		(nla_put_string(skb, NICDIAG_HOST_A_MASTER, h->master) ||
		 nla_put_u8(skb, NICDIAG_HOST_A_PORT_STATE, h->port_state))) ||
	       (ev->type == NICDIAG_EV_PORT_STATE &&
		nla_put_u8(skb, NICDIAG_HOST_A_OLD_PORT_STATE,
			   h->old_port_state)) ||
	       (h->pci_addr[0] &&
		nla_put_string(skb, NICDIAG_HOST_A_PCI_ADDR, h->pci_addr)) ||
	       (h->pci_driver[0] &&
		nla_put_string(skb, NICDIAG_HOST_A_PCI_DRIVER, h->pci_driver)) ||
	       (h->pci_id && nla_put_u32(skb, NICDIAG_HOST_A_PCI_ID, h->pci_id));
}

static int fill_payload(struct sk_buff *skb, const struct nicdiag_event *ev,
			unsigned int show)
{
	int (*attrs)(struct sk_buff *skb, const struct nicdiag_event *ev,
		     unsigned int show);
	struct nlattr *nest;
	int type;

	if (nicdiag_is_host_event(ev->type)) {
		type = NICDIAG_EVENT_A_HOST;
		attrs = host_attrs;
	} else if (ev->type == NICDIAG_EV_AER ||
		   ev->type == NICDIAG_EV_AER_RECOVERY) {
		type = NICDIAG_EVENT_A_AER;
		attrs = aer_attrs;
	} else if (nicdiag_is_setup_event(ev->type)) {
		type = NICDIAG_EVENT_A_SETUP;
		attrs = setup_attrs;
	} else if (nicdiag_is_queue_event(ev->type)) {
		type = NICDIAG_EVENT_A_QUEUE;
		attrs = queue_attrs;
	} else {
		type = NICDIAG_EVENT_A_LINK;
		attrs = link_attrs;
	}
	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	if (attrs(skb, ev, show)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/* What an event holds that only some readers may see (WITHHELD bits). */
static unsigned int event_restricted(const struct nicdiag_event *ev)
{
	unsigned int r = ev->pid ? NICDIAG_WITHHELD_PROC : 0;

	if (nicdiag_is_host_event(ev->type))
		return r;
	/* As aer_attrs() puts them: a report's TLP, a recovery's lines. */
	if ((ev->type == NICDIAG_EV_AER && ev->aer.tlp_valid) ||
	    (ev->type == NICDIAG_EV_AER_RECOVERY && ev->aer.nlog))
		r |= NICDIAG_WITHHELD_LOG;
	else if (nicdiag_is_setup_event(ev->type) && ev->setup.nlog)
		r |= NICDIAG_WITHHELD_LOG;
	return r;
}

/**
 * nicdiag_fill_event() - encode an event as NICDIAG_A_EVENT
 * @skb: message
 * @ev: the event
 * @show: NICDIAG_SHOW_* bits: what this reader may see; the rest is named
 *	in NICDIAG_EVENT_A_WITHHELD
 *
 * Return: 0 or -EMSGSIZE.
 */
int nicdiag_fill_event(struct sk_buff *skb, const struct nicdiag_event *ev,
		       unsigned int show)
{
	struct nlattr *nest = nla_nest_start(skb, NICDIAG_A_EVENT);
	unsigned int withheld = event_restricted(ev) & ~show;

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, NICDIAG_EVENT_A_SEQ, ev->seq,
			      NICDIAG_EVENT_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_EVENT_A_MONO_NS, ev->mono_ns,
			      NICDIAG_EVENT_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_EVENT_A_REAL_NS, ev->real_ns,
			      NICDIAG_EVENT_A_PAD) ||
	    nla_put_u32(skb, NICDIAG_EVENT_A_TYPE, ev->type) ||
	    nla_put_u32(skb, NICDIAG_EVENT_A_IFINDEX, ev->id.ifindex) ||
	    nla_put_string(skb, NICDIAG_EVENT_A_IFNAME, ev->id.ifname) ||
	    nla_put_string(skb, NICDIAG_EVENT_A_DRIVER, ev->id.driver) ||
	    nla_put_string(skb, NICDIAG_EVENT_A_BUS_INFO, ev->id.bus_info) ||
	    (ev->cause &&
	     nla_put_u32(skb, NICDIAG_EVENT_A_CAUSE, ev->cause)) ||
	    (ev->pid && (show & NICDIAG_SHOW_PROC) &&
	     (nla_put_u32(skb, NICDIAG_EVENT_A_PID, ev->pid) ||
	      nla_put_string(skb, NICDIAG_EVENT_A_COMM, ev->comm))) ||
	    (withheld &&
	     nla_put_u32(skb, NICDIAG_EVENT_A_WITHHELD, withheld)) ||
	    fill_payload(skb, ev, show)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int fill_type_stats(struct sk_buff *skb,
			   const struct nicdiag_ring_stats *st,
			   unsigned int type)
{
	struct nlattr *nest = nla_nest_start(skb, NICDIAG_STATS_A_TYPE);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, NICDIAG_TYPE_STATS_A_TYPE, type) ||
	    nla_put_u64_64bit(skb, NICDIAG_TYPE_STATS_A_RECORDED,
			      st->type_recorded[type],
			      NICDIAG_TYPE_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_TYPE_STATS_A_SUPPRESSED,
			      st->type_suppressed[type],
			      NICDIAG_TYPE_STATS_A_PAD)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * nicdiag_fill_stats() - encode the recording statistics as NICDIAG_A_STATS
 * @skb: message
 * @st: the ring's counters
 * @devices: devices watched now
 *
 * Return: 0 or -EMSGSIZE.
 */
int nicdiag_fill_stats(struct sk_buff *skb,
		       const struct nicdiag_ring_stats *st,
		       unsigned int devices)
{
	struct nlattr *nest = nla_nest_start(skb, NICDIAG_A_STATS);
	unsigned int type;

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, NICDIAG_STATS_A_RECORDED, st->recorded,
			      NICDIAG_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_STATS_A_OVERWRITTEN,
			      st->overwritten, NICDIAG_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_STATS_A_NTF_DROPPED,
			      st->ntf_dropped, NICDIAG_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_STATS_A_CLEARED, st->cleared,
			      NICDIAG_STATS_A_PAD) ||
	    nla_put_u32(skb, NICDIAG_STATS_A_RING_SIZE, st->size) ||
	    nla_put_u32(skb, NICDIAG_STATS_A_RING_USED, st->used) ||
	    nla_put_u64_64bit(skb, NICDIAG_STATS_A_FIRST_SEQ, st->first_seq,
			      NICDIAG_STATS_A_PAD) ||
	    nla_put_u64_64bit(skb, NICDIAG_STATS_A_LAST_SEQ, st->last_seq,
			      NICDIAG_STATS_A_PAD) ||
	    nla_put_u32(skb, NICDIAG_STATS_A_DEVICES, devices))
		goto cancel;
	for (type = 1; type < __NICDIAG_EV_MAX; type++)
		if (fill_type_stats(skb, st, type))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;
cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * nicdiag_fill_config() - encode the configuration as NICDIAG_A_CONFIG
 * @skb: message
 * @cfg: the configuration; caller holds RTNL
 *
 * Return: 0 or -EMSGSIZE.
 */
int nicdiag_fill_config(struct sk_buff *skb,
			const struct nicdiag_config *cfg)
{
	struct nlattr *nest = nla_nest_start(skb, NICDIAG_A_CONFIG);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, NICDIAG_CONFIG_A_FLAP_THRESHOLD,
			cfg->flap_threshold) ||
	    nla_put_u32(skb, NICDIAG_CONFIG_A_FLAP_WINDOW_MS,
			cfg->flap_window_ms) ||
	    nla_put_string(skb, NICDIAG_CONFIG_A_DRIVERS, cfg->drivers) ||
	    nla_put_u32(skb, NICDIAG_CONFIG_A_RING_SIZE, nicdiag_ring_size()) ||
	    nla_put_u32(skb, NICDIAG_CONFIG_A_STALL_THRESHOLD_MS,
			cfg->stall_threshold_ms) ||
	    nla_put_u32(skb, NICDIAG_CONFIG_A_STALL_INTERVAL_MS,
			cfg->stall_interval_ms)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}
