// SPDX-License-Identifier: GPL-2.0
/*
 * nicdiag: catches why a VM's NIC did not come up, flaps or stalls, and
 * keeps the evidence.
 *
 * Init brings the parts up in dependency order: configuration, the ring
 * events go to, the sources that fill it (link tracker, setup watcher,
 * stall detector, AER, host side), debugfs, and last the netlink family
 * that serves requests and notifications.  Exit and every failure path
 * take them down in reverse.
 */

#include <linux/module.h>
#include <linux/moduleparam.h>

#include "internal.h"

static unsigned int ring_size = 4096;
module_param(ring_size, uint, 0444);
MODULE_PARM_DESC(ring_size, "events kept in the history ring (64..65536, default 4096)");

static unsigned int flap_threshold = 5;
module_param(flap_threshold, uint, 0444);
MODULE_PARM_DESC(flap_threshold, "initial carrier transitions that make a flapping episode (2..64, default 5)");

static unsigned int flap_window_ms = 10000;
module_param(flap_window_ms, uint, 0444);
MODULE_PARM_DESC(flap_window_ms, "initial flap window in ms (100..3600000, default 10000)");

static char *drivers = "virtio_net,tun,macvtap,pci";
module_param(drivers, charp, 0444);
MODULE_PARM_DESC(drivers, "initial devices to watch: driver or link-kind names, \"pci\", \"*\" (default virtio_net,tun,macvtap,pci)");

static unsigned int stall_threshold_ms = 2000;
module_param(stall_threshold_ms, uint, 0444);
MODULE_PARM_DESC(stall_threshold_ms, "initial TX stall threshold in ms (100..60000, default 2000)");

static unsigned int stall_interval_ms = 250;
module_param(stall_interval_ms, uint, 0444);
MODULE_PARM_DESC(stall_interval_ms, "initial stall detector interval in ms (50..10000, at most the threshold, default 250)");

#define RING_SIZE_MIN	64
#define RING_SIZE_MAX	65536

static int __init nicdiag_init(void)
{
	int err;

	if (ring_size < RING_SIZE_MIN || ring_size > RING_SIZE_MAX) {
		pr_err("ring_size must be %d..%d\n", RING_SIZE_MIN,
		       RING_SIZE_MAX);
		return -EINVAL;
	}
	err = nicdiag_config_init(flap_threshold, flap_window_ms, drivers,
				  stall_threshold_ms, stall_interval_ms);
	if (err)
		return err;
	err = nicdiag_ring_init(ring_size);
	if (err)
		goto err_ring;
	err = nicdiag_link_init();
	if (err)
		goto err_link;
	err = nicdiag_setup_init();
	if (err)
		goto err_setup;
	err = nicdiag_stall_init();
	if (err)
		goto err_stall;
	err = nicdiag_aer_init();
	if (err)
		goto err_aer;
	err = nicdiag_pcibind_init();
	if (err)
		goto err_pcibind;
	err = nicdiag_bridge_init();
	if (err)
		goto err_bridge;
	err = nicdiag_hostprobe_init();
	if (err)
		goto err_hostprobe;
	nicdiag_debugfs_init();
	/*
	 * The family comes last: no request can reach a part that is not
	 * up yet, and exit takes it away first.
	 */
	err = nicdiag_netlink_init();
	if (err)
		goto err_netlink;
	nicdiag_ring_start();
	pr_info("loaded, version %s, ring %u events\n", NICDIAG_VERSION,
		ring_size);
	return 0;

err_netlink:
	nicdiag_debugfs_exit();
	nicdiag_hostprobe_exit();
err_hostprobe:
	nicdiag_bridge_exit();
err_bridge:
	nicdiag_pcibind_exit();
err_pcibind:
	nicdiag_aer_exit();
err_aer:
	nicdiag_stall_exit();
err_stall:
	nicdiag_setup_exit();
err_setup:
	nicdiag_link_exit();
err_link:
	nicdiag_ring_exit();
err_ring:
	pr_err("init failed: %d\n", err);
	return err;
}

static void __exit nicdiag_exit(void)
{
	/*
	 * Readers first: once the family is gone no handler runs or will
	 * run, so the sources below are torn down with nothing calling in.
	 * The sources may still record; the ring no longer notifies.
	 */
	nicdiag_ring_stop();
	nicdiag_netlink_exit();
	nicdiag_debugfs_exit();
	nicdiag_hostprobe_exit();
	nicdiag_bridge_exit();
	nicdiag_pcibind_exit();
	nicdiag_aer_exit();
	nicdiag_stall_exit();
	nicdiag_setup_exit();
	nicdiag_link_exit();
	nicdiag_ring_exit();
	pr_info("unloaded\n");
}

module_init(nicdiag_init);
module_exit(nicdiag_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("nicdiag developers");
MODULE_DESCRIPTION("Diagnose why a VM's NIC did not come up, flaps or stalls");
MODULE_VERSION(NICDIAG_VERSION);
