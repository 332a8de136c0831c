// SPDX-License-Identifier: GPL-2.0
/*
 * The link tracker: a netdevice notifier that keeps the table of watched
 * devices and records their arrival, departure and link-state transitions,
 * with flap detection.  Control path only: the notifier runs under RTNL on
 * state changes, never per packet.
 *
 * Every notification is handled the same way: take a snapshot of the
 * device, compare it with the last one, and record one event per field that
 * changed.  Carrier transitions are counted with the kernel's own
 * carrier_up_count/carrier_down_count, so transitions that linkwatch
 * coalesced into one notification are still counted.
 */

#include <linux/ethtool.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <net/rtnetlink.h>

#include "internal.h"

/* Protects nicdiag_devs and every struct nicdiag_dev in it. */
DEFINE_MUTEX(nicdiag_dev_lock);
LIST_HEAD(nicdiag_devs);

/* Set while register_netdevice_notifier() replays existing devices. */
static bool link_loading;
/* Set before unregistering: the replayed unregistrations are not events. */
static bool link_stopping;

/**
 * struct link_snap - the state of a device compared between notifications
 * @id: identity
 * @pci_addr: PCI function under it
 * @admin_up: IFF_UP
 * @carrier: carrier on
 * @operstate: IF_OPER_*
 * @mtu: MTU
 * @up_count: kernel's carrier_up_count
 * @down_count: kernel's carrier_down_count
 */
struct link_snap {
	struct nicdiag_ident id;
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	u8 admin_up;
	u8 carrier;
	u8 operstate;
	u32 mtu;
	u32 up_count;
	u32 down_count;
};

static void pci_addr_of(struct net_device *dev, char *buf, size_t len)
{
	struct device *d;

	buf[0] = '\0';
	for (d = dev->dev.parent; d; d = d->parent) {
		if (dev_is_pci(d)) {
			strscpy(buf, pci_name(to_pci_dev(d)), len);
			return;
		}
	}
}

/* Identity as ethtool -i reports it, with fallbacks for drivers without
 * get_drvinfo.  Caller holds RTNL.
 */
static void ident_of(struct net_device *dev, struct nicdiag_ident *id)
{
	struct ethtool_drvinfo info = {};
	struct device *parent = dev->dev.parent;

	memset(id, 0, sizeof(*id));
	id->ifindex = dev->ifindex;
	strscpy(id->ifname, dev->name, sizeof(id->ifname));
	if (dev->ethtool_ops && dev->ethtool_ops->get_drvinfo) {
		dev->ethtool_ops->get_drvinfo(dev, &info);
		strscpy(id->driver, info.driver, sizeof(id->driver));
		strscpy(id->bus_info, info.bus_info, sizeof(id->bus_info));
	}
	if (!id->driver[0] && parent && parent->driver)
		strscpy(id->driver, parent->driver->name, sizeof(id->driver));
	if (!id->driver[0] && dev->rtnl_link_ops && dev->rtnl_link_ops->kind)
		strscpy(id->driver, dev->rtnl_link_ops->kind,
			sizeof(id->driver));
	if (!id->bus_info[0] && parent)
		strscpy(id->bus_info, dev_name(parent), sizeof(id->bus_info));
}

static void snap_of(struct net_device *dev, struct link_snap *s)
{
	ident_of(dev, &s->id);
	pci_addr_of(dev, s->pci_addr, sizeof(s->pci_addr));
	s->admin_up = !!(dev->flags & IFF_UP);
	s->carrier = netif_carrier_ok(dev);
	s->operstate = READ_ONCE(dev->operstate);
	s->mtu = READ_ONCE(dev->mtu);
	s->up_count = atomic_read(&dev->carrier_up_count);
	s->down_count = atomic_read(&dev->carrier_down_count);
}

/**
 * nicdiag_dev_find() - the watched device of a netdev
 * @netdev: the kernel's device
 *
 * Caller holds nicdiag_dev_lock.
 *
 * Return: the entry, or NULL if @netdev is not watched.
 */
struct nicdiag_dev *nicdiag_dev_find(struct net_device *netdev)
{
	struct nicdiag_dev *nd;

	list_for_each_entry(nd, &nicdiag_devs, node)
		if (nd->netdev == netdev)
			return nd;
	return NULL;
}

/* Fill the common part of a link event from the device's stored state. */
static void event_init(struct nicdiag_event *ev, const struct nicdiag_dev *nd,
		       enum nicdiag_event_type type)
{
	memset(ev, 0, sizeof(*ev));
	ev->type = type;
	ev->id = nd->id;
	ev->link.admin_up = nd->admin_up;
	ev->link.carrier = nd->carrier;
	ev->link.operstate = nd->operstate;
	ev->link.mtu = nd->mtu;
	ev->link.carrier_up_count = nd->carrier_up_count;
	ev->link.carrier_down_count = nd->carrier_down_count;
	nicdiag_actor(&ev->pid, ev->comm);
}

static void record_simple(const struct nicdiag_dev *nd,
			  enum nicdiag_event_type type,
			  enum nicdiag_cause cause)
{
	struct nicdiag_event ev;

	event_init(&ev, nd, type);
	ev.cause = cause;
	nicdiag_ring_record(&ev);
}

static void mark_change(struct nicdiag_dev *nd)
{
	nd->last_change_mono = ktime_get_ns();
	nd->last_change_real = ktime_get_real_ns();
}

/* Record @type unless the device is flapping, in which case count it. */
static void record_or_suppress(struct nicdiag_dev *nd,
			       struct nicdiag_event *ev)
{
	if (nd->flapping) {
		nd->flap_suppressed++;
		nicdiag_ring_suppressed(ev->type);
		return;
	}
	nicdiag_ring_record(ev);
}

/*
 * Note @n carrier transitions at @now; start a flapping episode when the
 * threshold is reached within the window.  Every transition pushes the end
 * of the episode one window further out.
 */
static void flap_note(struct nicdiag_dev *nd, u32 n, u64 now)
{
	u32 threshold = READ_ONCE(nicdiag_config.flap_threshold);
	u32 window_ms = READ_ONCE(nicdiag_config.flap_window_ms);
	struct nicdiag_event ev;
	u32 oldest, i;

	if (!n)
		return;
	for (i = 0; i < n && i < NICDIAG_FLAP_THRESHOLD_MAX; i++) {
		nd->flap_ts[nd->flap_head] = now;
		nd->flap_head = (nd->flap_head + 1) % NICDIAG_FLAP_THRESHOLD_MAX;
		if (nd->flap_n < NICDIAG_FLAP_THRESHOLD_MAX)
			nd->flap_n++;
	}
	mod_delayed_work(system_power_efficient_wq, &nd->flap_end_work,
			 msecs_to_jiffies(window_ms));
	if (nd->flapping || nd->flap_n < threshold)
		return;
	oldest = (nd->flap_head + NICDIAG_FLAP_THRESHOLD_MAX - threshold) %
		 NICDIAG_FLAP_THRESHOLD_MAX;
	if (now - nd->flap_ts[oldest] > (u64)window_ms * NSEC_PER_MSEC)
		return;

	nd->flapping = true;
	nd->flap_suppressed = 0;
	nd->n_flap++;
	event_init(&ev, nd, NICDIAG_EV_FLAPPING);
	ev.link.flags |= NICDIAG_LF_FLAP;
	ev.link.flap_count = threshold;
	ev.link.flap_window_ms = window_ms;
	nicdiag_ring_record(&ev);
}

static void flap_end_work(struct work_struct *work)
{
	struct nicdiag_dev *nd = container_of(to_delayed_work(work),
					      struct nicdiag_dev,
					      flap_end_work);
	struct nicdiag_event ev;

	mutex_lock(&nicdiag_dev_lock);
	if (!nd->gone && nd->flapping) {
		nd->flapping = false;
		event_init(&ev, nd, NICDIAG_EV_FLAP_END);
		ev.link.flags |= NICDIAG_LF_FLAP;
		ev.link.flap_count = nd->flap_suppressed;
		ev.link.flap_window_ms = READ_ONCE(nicdiag_config.flap_window_ms);
		nicdiag_ring_record(&ev);
	}
	mutex_unlock(&nicdiag_dev_lock);
}

/* Compare @s with what @nd last saw; record what changed.  Holds dev_lock. */
static void link_sync(struct nicdiag_dev *nd, const struct link_snap *s)
{
	u32 ups = s->up_count - nd->carrier_up_count;
	u32 downs = s->down_count - nd->carrier_down_count;
	struct nicdiag_event ev;
	u64 now = ktime_get_ns();

	if (strcmp(nd->id.ifname, s->id.ifname)) {
		char old[IFNAMSIZ];

		strscpy(old, nd->id.ifname, sizeof(old));
		nd->id = s->id;
		nd->n_rename++;
		mark_change(nd);
		event_init(&ev, nd, NICDIAG_EV_RENAME);
		ev.link.flags |= NICDIAG_LF_OLD_NAME;
		strscpy(ev.link.old_ifname, old, sizeof(ev.link.old_ifname));
		nicdiag_ring_record(&ev);
	}
	nd->id = s->id;
	strscpy(nd->pci_addr, s->pci_addr, sizeof(nd->pci_addr));

	if (nd->mtu != s->mtu) {
		u32 old = nd->mtu;

		nd->mtu = s->mtu;
		nd->n_mtu++;
		mark_change(nd);
		event_init(&ev, nd, NICDIAG_EV_MTU);
		ev.link.flags |= NICDIAG_LF_OLD_MTU;
		ev.link.old_mtu = old;
		nicdiag_ring_record(&ev);
	}

	if (nd->admin_up != s->admin_up) {
		nd->admin_up = s->admin_up;
		nd->n_admin++;
		mark_change(nd);
		record_simple(nd, s->admin_up ? NICDIAG_EV_ADMIN_UP :
				  NICDIAG_EV_ADMIN_DOWN, NICDIAG_CAUSE_UNSPEC);
	}

	/*
	 * Carrier: the kernel's counters say how many transitions happened
	 * since the last look, even when only the final state is visible.
	 */
	if (ups || downs || nd->carrier != s->carrier) {
		bool was = nd->carrier;

		nd->carrier = s->carrier;
		nd->carrier_up_count = s->up_count;
		nd->carrier_down_count = s->down_count;
		nd->n_carrier_up += ups;
		nd->n_carrier_down += downs;
		mark_change(nd);
		flap_note(nd, max_t(u32, ups + downs, was != s->carrier), now);
		/* A bounce that ended where it began: show both halves. */
		if (was == s->carrier) {
			event_init(&ev, nd, was ? NICDIAG_EV_CARRIER_OFF :
					      NICDIAG_EV_CARRIER_ON);
			ev.link.carrier = !was;
			record_or_suppress(nd, &ev);
		}
		event_init(&ev, nd, s->carrier ? NICDIAG_EV_CARRIER_ON :
					NICDIAG_EV_CARRIER_OFF);
		record_or_suppress(nd, &ev);
	}

	if (nd->operstate != s->operstate) {
		u8 old = nd->operstate;

		nd->operstate = s->operstate;
		nd->n_oper++;
		mark_change(nd);
		event_init(&ev, nd, NICDIAG_EV_OPERSTATE);
		ev.link.flags |= NICDIAG_LF_OLD_OPER;
		ev.link.old_operstate = old;
		record_or_suppress(nd, &ev);
	}
}

/* Start watching @netdev.  Caller holds RTNL and dev_lock. */
static void dev_add(struct net_device *netdev, const struct link_snap *s,
		    enum nicdiag_cause cause)
{
	struct nicdiag_dev *nd;

	nd = kzalloc(sizeof(*nd), GFP_KERNEL);
	if (!nd)
		return;
	nd->netdev = netdev;
	nd->id = s->id;
	strscpy(nd->pci_addr, s->pci_addr, sizeof(nd->pci_addr));
	nd->addr_len = min_t(u8, netdev->addr_len, MAX_ADDR_LEN);
	memcpy(nd->addr, netdev->perm_addr, nd->addr_len);
	if (!memchr_inv(nd->addr, 0, nd->addr_len))
		memcpy(nd->addr, netdev->dev_addr, nd->addr_len);
	nd->admin_up = s->admin_up;
	nd->carrier = s->carrier;
	nd->operstate = s->operstate;
	nd->mtu = s->mtu;
	nd->carrier_up_count = s->up_count;
	nd->carrier_down_count = s->down_count;
	nd->since_mono = ktime_get_ns();
	INIT_DELAYED_WORK(&nd->flap_end_work, flap_end_work);
	list_add_tail(&nd->node, &nicdiag_devs);
	record_simple(nd, NICDIAG_EV_DEV_ARRIVE, cause);
}

/*
 * Take @nd out of the table; the caller frees it with dev_free() after
 * dropping dev_lock (the flap work takes dev_lock).
 */
static void dev_unlink(struct nicdiag_dev *nd, enum nicdiag_cause cause)
{
	if (cause != NICDIAG_CAUSE_UNSPEC)
		record_simple(nd, NICDIAG_EV_DEV_DEPART, cause);
	list_del(&nd->node);
	nd->gone = true;
}

static void dev_free(struct nicdiag_dev *nd)
{
	cancel_delayed_work_sync(&nd->flap_end_work);
	kfree(nd->txq);
	kfree(nd);
}

static int link_event(struct notifier_block *nb, unsigned long event,
		      void *ptr)
{
	struct net_device *netdev = netdev_notifier_info_to_dev(ptr);
	struct nicdiag_dev *nd, *gone = NULL;
	struct link_snap *s;

	if (link_stopping || !net_eq(dev_net(netdev), &init_net))
		return NOTIFY_DONE;

	switch (event) {
	case NETDEV_REGISTER:
	case NETDEV_UNREGISTER:
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGEMTU:
	case NETDEV_CHANGENAME:
		break;
	default:
		return NOTIFY_DONE;
	}

	/*
	 * A departure needs no snapshot, and must never be missed for want
	 * of memory: the table would keep a pointer to a freed netdev.
	 */
	if (event == NETDEV_UNREGISTER) {
		s = NULL;
	} else {
		s = kmalloc(sizeof(*s), GFP_KERNEL);
		if (!s)
			return NOTIFY_DONE;
		snap_of(netdev, s);
	}

	mutex_lock(&nicdiag_dev_lock);
	nd = nicdiag_dev_find(netdev);
	if (event == NETDEV_REGISTER) {
		if (!nd && nicdiag_match(netdev, &s->id, s->pci_addr))
			dev_add(netdev, s, READ_ONCE(link_loading) ?
				NICDIAG_CAUSE_PRESENT :
				NICDIAG_CAUSE_REGISTERED);
	} else if (nd && event == NETDEV_UNREGISTER) {
		/* A move to another netns unregisters a registered device. */
		dev_unlink(nd, netdev->reg_state == NETREG_REGISTERED ?
			   NICDIAG_CAUSE_NETNS_MOVE :
			   NICDIAG_CAUSE_UNREGISTERED);
		gone = nd;
	} else if (nd) {
		link_sync(nd, s);
	}
	mutex_unlock(&nicdiag_dev_lock);

	if (gone)
		dev_free(gone);
	kfree(s);
	return NOTIFY_DONE;
}

static struct notifier_block link_nb = {
	.notifier_call = link_event,
};

/**
 * nicdiag_link_rescan() - apply a changed driver-match list
 *
 * Devices that now match arrive, devices that no longer match depart, both
 * with cause NICDIAG_CAUSE_CONFIG.  Caller holds RTNL.
 */
void nicdiag_link_rescan(void)
{
	struct nicdiag_dev *nd, *tmp;
	struct net_device *netdev;
	struct link_snap *s;
	LIST_HEAD(gone);

	ASSERT_RTNL();
	if (link_stopping)
		return;
	s = kmalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return;
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry_safe(nd, tmp, &nicdiag_devs, node) {
		snap_of(nd->netdev, s);
		if (nicdiag_match(nd->netdev, &s->id, s->pci_addr))
			continue;
		dev_unlink(nd, NICDIAG_CAUSE_CONFIG);
		list_add_tail(&nd->node, &gone);
	}
	for_each_netdev(&init_net, netdev) {
		if (netdev->reg_state != NETREG_REGISTERED || nicdiag_dev_find(netdev))
			continue;
		snap_of(netdev, s);
		if (nicdiag_match(netdev, &s->id, s->pci_addr))
			dev_add(netdev, s, NICDIAG_CAUSE_CONFIG);
	}
	mutex_unlock(&nicdiag_dev_lock);

	list_for_each_entry_safe(nd, tmp, &gone, node)
		dev_free(nd);
	kfree(s);
}

/**
 * nicdiag_dev_count() - the number of devices watched now
 *
 * Return: that number.
 */
unsigned int nicdiag_dev_count(void)
{
	struct nicdiag_dev *nd;
	unsigned int n = 0;

	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node)
		n++;
	mutex_unlock(&nicdiag_dev_lock);
	return n;
}

/**
 * nicdiag_link_init() - start tracking; existing devices arrive as present
 *
 * Return: 0 or a negative errno from the notifier registration.
 */
int nicdiag_link_init(void)
{
	int err;

	link_stopping = false;
	/* The replay runs in this thread, under RTNL, inside the call. */
	WRITE_ONCE(link_loading, true);
	err = register_netdevice_notifier(&link_nb);
	WRITE_ONCE(link_loading, false);
	return err;
}

/**
 * nicdiag_link_exit() - stop tracking and forget every device
 *
 * The unregistrations the notifier chain replays are not recorded.
 */
void nicdiag_link_exit(void)
{
	struct nicdiag_dev *nd, *tmp;
	LIST_HEAD(gone);

	rtnl_lock();
	link_stopping = true;
	rtnl_unlock();
	unregister_netdevice_notifier(&link_nb);

	rtnl_lock();
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry_safe(nd, tmp, &nicdiag_devs, node) {
		dev_unlink(nd, NICDIAG_CAUSE_UNSPEC);
		list_add_tail(&nd->node, &gone);
	}
	mutex_unlock(&nicdiag_dev_lock);
	rtnl_unlock();

	list_for_each_entry_safe(nd, tmp, &gone, node)
		dev_free(nd);
}
