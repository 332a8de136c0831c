// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/nicdiag/: devices, events and stats as readable text,
 * for a look without nicctl.  Debugfs is optional: a failure here is
 * logged and the module works on.
 */

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "internal.h"

static struct dentry *nicdiag_dir;

static int devices_show(struct seq_file *m, void *v)
{
	struct nicdiag_dev *nd;

	seq_puts(m, "ifindex ifname driver bus_info pci admin carrier oper mtu flapping n_admin n_carrier_up n_carrier_down n_oper n_mtu n_rename n_flap\n");
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node)
		seq_printf(m, "%d %s %s %s %s %s %s %s %u %u %u %u %u %u %u %u %u\n",
			   nd->id.ifindex, nd->id.ifname, nd->id.driver,
			   nd->id.bus_info[0] ? nd->id.bus_info : "-",
			   nd->pci_addr[0] ? nd->pci_addr : "-",
			   nd->admin_up ? "up" : "down",
			   nd->carrier ? "on" : "off",
			   nicdiag_oper_name(nd->operstate), nd->mtu,
			   nd->flapping, nd->n_admin, nd->n_carrier_up,
			   nd->n_carrier_down, nd->n_oper, nd->n_mtu,
			   nd->n_rename, nd->n_flap);
	mutex_unlock(&nicdiag_dev_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(devices);

static int stats_show(struct seq_file *m, void *v)
{
	struct nicdiag_ring_stats *st;
	unsigned int t;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	nicdiag_ring_stats(st);
	seq_printf(m, "recorded %llu\noverwritten %llu\nntf_dropped %llu\ncleared %llu\nring_size %u\nring_used %u\nfirst_seq %llu\nlast_seq %llu\ndevices %u\n",
		   st->recorded, st->overwritten, st->ntf_dropped, st->cleared,
		   st->size, st->used, st->first_seq, st->last_seq,
		   nicdiag_dev_count());
	for (t = 1; t < __NICDIAG_EV_MAX; t++)
		seq_printf(m, "type %s recorded %llu suppressed %llu\n",
			   nicdiag_event_name(t), st->type_recorded[t],
			   st->type_suppressed[t]);
	kfree(st);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stats);

static int stall_show(struct seq_file *m, void *v)
{
	u64 scans, last_ns, max_ns, lost;
	struct nicdiag_dev *nd;
	unsigned int i;

	nicdiag_stall_stats(&scans, &last_ns, &max_ns, &lost);
	seq_printf(m, "threshold_ms %u\ninterval_ms %u\nscans %llu\nscan_last_ns %llu\nscan_max_ns %llu\nwatchdog_lost %llu\n",
		   READ_ONCE(nicdiag_config.stall_threshold_ms),
		   READ_ONCE(nicdiag_config.stall_interval_ms), scans, last_ns,
		   max_ns, lost);
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		if (!nd->n_stall && !nd->n_tx_timeout && !nd->stalled_queues)
			continue;
		seq_printf(m, "dev %s stalls %u tx_timeouts %u stalled_now %u",
			   nd->id.ifname, nd->n_stall, nd->n_tx_timeout,
			   nd->stalled_queues);
		for (i = 0; i < nd->n_txq; i++)
			if (nd->txq[i].stalled)
				seq_printf(m, " tx-%u", i);
		seq_putc(m, '\n');
	}
	mutex_unlock(&nicdiag_dev_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(stall);

/* The host-side probes: how many are in, what they could not see. */
static int host_show(struct seq_file *m, void *v)
{
	unsigned int registered;
	u64 missed, lost;
	struct nicdiag_dev *nd;

	nicdiag_hostprobe_stats(&registered, &missed, &lost);
	seq_printf(m, "probes_registered %u\nprobe_missed %llu\nrecords_lost %llu\n",
		   registered, missed, lost);
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		if (!nd->owner_pid && !nd->master[0])
			continue;
		seq_printf(m, "dev %s owner %s[%u] bridge %s port %s\n",
			   nd->id.ifname, nd->owner_pid ? nd->owner_comm : "-",
			   nd->owner_pid, nd->master[0] ? nd->master : "-",
			   nd->master[0] ? nicdiag_port_state_name(nd->port_state) : "-");
	}
	mutex_unlock(&nicdiag_dev_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(host);

/*
 * events: one line per event held.  The iterator position is an offset
 * from the oldest event held when reading started; the event is copied out
 * of the ring into the file's private buffer.
 */
struct events_iter {
	u64 base;
	struct nicdiag_event ev;
};

static void *events_get(struct seq_file *m, loff_t pos)
{
	struct events_iter *it = m->private;

	return nicdiag_ring_get(it->base + pos, &it->ev) ? &it->ev : NULL;
}

static void *events_start(struct seq_file *m, loff_t *pos)
{
	struct events_iter *it = m->private;

	if (!*pos)
		it->base = nicdiag_ring_first_seq();
	return events_get(m, *pos);
}

static void *events_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return events_get(m, *pos);
}

static void events_stop(struct seq_file *m, void *v)
{
}

static void events_show_queue(struct seq_file *m,
			      const struct nicdiag_queue_info *q)
{
	seq_printf(m, " queue %u stopped_ms %u threshold_ms %u tx_timeouts %u",
		   q->index, q->stopped_ms, q->threshold_ms, q->tx_timeouts);
	if (q->flags & NICDIAG_QF_DURATION)
		seq_printf(m, " duration_ms %u", q->duration_ms);
	if (q->flags & NICDIAG_QF_VQ)
		seq_printf(m, " vq %s size %u free %u broken %u", q->vq_name,
			   q->vq_size, q->vq_free, q->vq_broken);
	if (q->flags & NICDIAG_QF_STATUS)
		seq_printf(m, " status 0x%02x", q->status);
	seq_printf(m, " xoff %u", q->xoff);
	if (q->flags & NICDIAG_QF_BQL)
		seq_printf(m, " bql_inflight %u", q->bql_inflight);
}

static void events_show_setup(struct seq_file *m,
			      const struct nicdiag_setup_info *si)
{
	unsigned int i;

	seq_printf(m, " virtio=%s status=0x%02x stage=%s bound=%u offered=0x%llx negotiated=0x%llx irq=%s msix=%u vqs=%u qp=%u/%u mtu=%u",
		   si->virtio_dev, si->status, nicdiag_stage_name(si->stage),
		   si->bound, si->offered, si->negotiated,
		   nicdiag_irq_name(si->irq_mode), si->msix_vectors,
		   si->num_vqs, si->qp, si->max_qp, si->mtu);
	if (si->has_errno)
		seq_printf(m, " errno=%u", si->err);
	for (i = 0; i < si->nlog; i++)
		seq_printf(m, "\n\tlog: %s", si->log[i]);
}

static void events_show_link(struct seq_file *m,
			     const struct nicdiag_link_info *l)
{
	seq_printf(m, " admin=%s carrier=%s oper=%s mtu=%u",
		   l->admin_up ? "up" : "down", l->carrier ? "on" : "off",
		   nicdiag_oper_name(l->operstate), l->mtu);
	if (l->flags & NICDIAG_LF_OLD_OPER)
		seq_printf(m, " old_oper=%s", nicdiag_oper_name(l->old_operstate));
	if (l->flags & NICDIAG_LF_OLD_MTU)
		seq_printf(m, " old_mtu=%u", l->old_mtu);
	if (l->flags & NICDIAG_LF_OLD_NAME)
		seq_printf(m, " old_ifname=%s", l->old_ifname);
	if (l->flags & NICDIAG_LF_FLAP)
		seq_printf(m, " flap_count=%u flap_window_ms=%u",
			   l->flap_count, l->flap_window_ms);
}

static void events_show_host(struct seq_file *m,
			     const struct nicdiag_host_info *h)
{
	seq_printf(m, " op=%u ioctl=0x%x errno=%u flags=0x%x ifname=%s queues=%u",
		   h->op, h->ioctl, h->err, h->flags,
		   h->ifname[0] ? h->ifname : "-", h->queues);
	if (h->op == NICDIAG_HOST_OP_VHOST_SET_BACKEND)
		seq_printf(m, " fd=%d index=%u", h->fd, h->index);
	if (h->master[0])
		seq_printf(m, " master=%s port_state=%u old_port_state=%u",
			   h->master, h->port_state, h->old_port_state);
	if (h->pci_addr[0])
		seq_printf(m, " pci=%s pci_driver=%s pci_id=%08x", h->pci_addr,
			   h->pci_driver[0] ? h->pci_driver : "-", h->pci_id);
}

static int events_show(struct seq_file *m, void *v)
{
	const struct nicdiag_event *ev = v;

	seq_printf(m, "%llu %llu.%09llu %s %d %s %s %s",
		   ev->seq, ev->mono_ns / NSEC_PER_SEC, ev->mono_ns % NSEC_PER_SEC,
		   nicdiag_event_name(ev->type), ev->id.ifindex,
		   ev->id.ifname[0] ? ev->id.ifname : "-", ev->id.driver,
		   ev->id.bus_info[0] ? ev->id.bus_info : "-");
	if (ev->cause)
		seq_printf(m, " cause=%s", nicdiag_cause_name(ev->cause));
	if (ev->pid)
		seq_printf(m, " pid=%u comm=%s", ev->pid, ev->comm);
	if (nicdiag_is_host_event(ev->type))
		events_show_host(m, &ev->host);
	else if (nicdiag_is_setup_event(ev->type))
		events_show_setup(m, &ev->setup);
	else if (nicdiag_is_queue_event(ev->type))
		events_show_queue(m, &ev->queue);
	else if (ev->type == NICDIAG_EV_AER ||
		 ev->type == NICDIAG_EV_AER_RECOVERY)
		seq_printf(m, " pci %s severity %s status 0x%08x driver %s handlers %u relation %s recovery %s",
			   ev->aer.pci_addr,
			   nicdiag_aer_severity_name(ev->aer.severity),
			   ev->aer.status,
			   ev->aer.driver[0] ? ev->aer.driver : "-",
			   ev->aer.handlers,
			   nicdiag_aer_relation_name(ev->aer.relation),
			   nicdiag_aer_recovery_name(ev->aer.recovery));
	else
		events_show_link(m, &ev->link);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations events_sops = {
	.start = events_start,
	.next = events_next,
	.stop = events_stop,
	.show = events_show,
};

static int events_open(struct inode *inode, struct file *file)
{
	return seq_open_private(file, &events_sops, sizeof(struct events_iter));
}

static const struct file_operations events_fops = {
	.owner = THIS_MODULE,
	.open = events_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};

/**
 * nicdiag_debugfs_init() - create /sys/kernel/debug/nicdiag/
 */
void nicdiag_debugfs_init(void)
{
	nicdiag_dir = debugfs_create_dir("nicdiag", NULL);
	if (IS_ERR(nicdiag_dir)) {
		pr_info("debugfs unavailable (%ld): no /sys/kernel/debug/nicdiag\n",
			PTR_ERR(nicdiag_dir));
		nicdiag_dir = NULL;
		return;
	}
	debugfs_create_file("devices", 0400, nicdiag_dir, NULL, &devices_fops);
	debugfs_create_file("events", 0400, nicdiag_dir, NULL, &events_fops);
	debugfs_create_file("stats", 0400, nicdiag_dir, NULL, &stats_fops);
	debugfs_create_file("stall", 0400, nicdiag_dir, NULL, &stall_fops);
	debugfs_create_file("host", 0400, nicdiag_dir, NULL, &host_fops);
}

/**
 * nicdiag_debugfs_exit() - remove it; waits for readers to leave
 */
void nicdiag_debugfs_exit(void)
{
	debugfs_remove_recursive(nicdiag_dir);
	nicdiag_dir = NULL;
}
