// SPDX-License-Identifier: GPL-2.0
/*
 * Bridge ports: a watched device (a VM's tap, most often) joining or
 * leaving a bridge, and every change of its port state.
 *
 * Joining and leaving come from the netdevice notifier (CHANGEUPPER).
 * Port states come from switchdev: the bridge announces every state it
 * sets (br_set_state()) as a deferred SWITCHDEV_PORT_ATTR_SET on the
 * blocking switchdev chain, whether or not any hardware offloads the
 * port, so an STP bridge's disabled -> blocking -> listening -> learning
 * -> forwarding walk is seen step by step.  nicdiag never claims the
 * attribute.  The state of ports that exist at load is read once
 * (nicdiag_br_port_state(), compat.h).
 */

#include <linux/if_bridge.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <net/switchdev.h>

#include "internal.h"

static bool bridge_stopping;

/* Record a bridge event for @nd; caller holds nicdiag_dev_lock. */
static void bridge_record(struct nicdiag_dev *nd, enum nicdiag_event_type type,
			  u8 old_state)
{
	struct nicdiag_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);

	if (!ev) {
		nicdiag_ring_suppressed(type);
		return;
	}
	ev->type = type;
	ev->id = nd->id;
	strscpy(ev->host.master, nd->master, sizeof(ev->host.master));
	ev->host.port_state = nd->port_state;
	ev->host.old_port_state = old_state;
	nicdiag_actor(&ev->pid, ev->comm);
	nicdiag_ring_record(ev);
	kfree(ev);
}

static int bridge_upper_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	struct net_device *netdev = netdev_notifier_info_to_dev(ptr);
	struct netdev_notifier_changeupper_info *info = ptr;
	struct nicdiag_dev *nd;

	if (event != NETDEV_CHANGEUPPER || READ_ONCE(bridge_stopping) ||
	    !net_eq(dev_net(netdev), &init_net) ||
	    !netif_is_bridge_master(info->upper_dev))
		return NOTIFY_DONE;
	mutex_lock(&nicdiag_dev_lock);
	nd = nicdiag_dev_find(netdev);
	if (nd && info->linking) {
		strscpy(nd->master, info->upper_dev->name, sizeof(nd->master));
		nd->port_state = NICDIAG_PORT_DISABLED;
		bridge_record(nd, NICDIAG_EV_BRIDGE_JOIN, 0);
	} else if (nd && nd->master[0]) {
		strscpy(nd->master, info->upper_dev->name, sizeof(nd->master));
		bridge_record(nd, NICDIAG_EV_BRIDGE_LEAVE, 0);
		nd->master[0] = '\0';
	}
	mutex_unlock(&nicdiag_dev_lock);
	return NOTIFY_DONE;
}

static struct notifier_block bridge_upper_nb = {
	.notifier_call = bridge_upper_event,
};

static int bridge_switchdev_event(struct notifier_block *nb,
				  unsigned long event, void *ptr)
{
	struct switchdev_notifier_info *info = ptr;
	struct switchdev_notifier_port_attr_info *pa;
	struct net_device *netdev;
	struct nicdiag_dev *nd;
	u8 old;

	if (event != SWITCHDEV_PORT_ATTR_SET || READ_ONCE(bridge_stopping))
		return NOTIFY_DONE;
	pa = container_of(info, struct switchdev_notifier_port_attr_info, info);
	if (!pa->attr || pa->attr->id != SWITCHDEV_ATTR_ID_PORT_STP_STATE)
		return NOTIFY_DONE;
	netdev = switchdev_notifier_info_to_dev(info);
	if (!netdev || !net_eq(dev_net(netdev), &init_net))
		return NOTIFY_DONE;
	mutex_lock(&nicdiag_dev_lock);
	nd = nicdiag_dev_find(netdev);
	/* Hardware that handles it sees prepare and commit: note it once. */
	if (nd && nd->master[0] && nd->port_state != pa->attr->u.stp_state) {
		old = nd->port_state;
		nd->port_state = pa->attr->u.stp_state;
		bridge_record(nd, NICDIAG_EV_PORT_STATE, old);
	}
	mutex_unlock(&nicdiag_dev_lock);
	return NOTIFY_DONE;
}

static struct notifier_block bridge_switchdev_nb = {
	.notifier_call = bridge_switchdev_event,
};

/* Note the bridge and port state of watched devices that are ports now. */
static void bridge_scan(void)
{
	struct net_device *upper;
	struct nicdiag_dev *nd;
	u8 state;

	rtnl_lock();
	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		if (nd->gone || !netif_is_bridge_port(nd->netdev))
			continue;
		upper = netdev_master_upper_dev_get(nd->netdev);
		if (!upper)
			continue;
		strscpy(nd->master, upper->name, sizeof(nd->master));
		if (!nicdiag_br_port_state(nd->netdev, &state))
			nd->port_state = state;
	}
	mutex_unlock(&nicdiag_dev_lock);
	rtnl_unlock();
}

/**
 * nicdiag_bridge_init() - follow watched devices as bridge ports
 *
 * Return: 0 or a negative errno.
 */
int nicdiag_bridge_init(void)
{
	int err;

	bridge_stopping = false;
	err = register_switchdev_blocking_notifier(&bridge_switchdev_nb);
	if (err)
		return err;
	err = register_netdevice_notifier(&bridge_upper_nb);
	if (err) {
		unregister_switchdev_blocking_notifier(&bridge_switchdev_nb);
		return err;
	}
	bridge_scan();
	return 0;
}

/**
 * nicdiag_bridge_exit() - stop following bridge ports
 */
void nicdiag_bridge_exit(void)
{
	WRITE_ONCE(bridge_stopping, true);
	unregister_netdevice_notifier(&bridge_upper_nb);
	unregister_switchdev_blocking_notifier(&bridge_switchdev_nb);
}
