/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What sysfs shows about virtio-net devices and netdevs, without the
 * module: status byte, bound driver, PCI function, interrupts, features,
 * link state.  NICCTL_SYSFS replaces /sys (unit tests).
 */
#ifndef NICCTL_SYSFS_H
#define NICCTL_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <netlink/msg.h>

/**
 * struct vdev_info - one virtio-net device as sysfs shows it
 * @name: the virtio device, e.g. "virtio1"
 * @pci: the PCI function it sits on ("" if none)
 * @driver: the bound driver ("" if none)
 * @ifname: its netdev ("" if none)
 * @status: the status byte, -1 if unreadable
 * @features: the features the driver and device agreed on (sysfs shows
 *	these; what the device offered is not visible there)
 * @have_features: @features was read
 * @irq_mode: NICDIAG_IRQ_* of the PCI function
 * @vectors: MSI or MSI-X vectors allocated to it
 */
struct vdev_info {
	char name[32];
	char pci[32];
	char driver[32];
	char ifname[16];
	int status;
	uint64_t features;
	bool have_features;
	unsigned int irq_mode, vectors;
};

const char *sysfs_root(void);
/* The PCI function above ROOT/REL (its parent directory), or "". */
void sysfs_parent_pci(const char *rel, char *buf, size_t len);
/* One line of ROOT/PATH (without its newline); -errno if unreadable. */
int sysfs_read(const char *path, char *buf, size_t len);
/* Every virtio-net device (virtio device id 1); returns how many, or
 * -errno when the virtio bus cannot be read.  free() *out. */
int sysfs_virtio_net(struct vdev_info **out);
/* A NICDIAG_A_EVENT (setup_scan) made of what sysfs shows, with @log as
 * its kernel lines, for the printers and explain; NULL on failure. */
struct nl_msg *sysfs_setup_event(const struct vdev_info *v, char *const *log, int nlog,
				 uint64_t real_ns);

#endif
