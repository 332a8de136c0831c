/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCIe link health of a NIC's PCI function, from sysfs: the speed and
 * width the link trained at, against what the device and the port above
 * it can both do.
 */
#ifndef NICCTL_PCIE_H
#define NICCTL_PCIE_H

#include <stddef.h>

/**
 * struct pcie_link - one NIC's link
 * @port: the upstream port ("" if none)
 * @speed: GT/s the link runs at (0: unknown)
 * @width: lanes it runs at
 * @dev_speed: the device's maximum
 * @dev_width: the device's maximum
 * @port_speed: the port's maximum (0: no port)
 * @port_width: the port's maximum
 * @cap_speed: what both ends can do: the lower maximum
 * @cap_width: the same for width
 * @degraded: the link runs below @cap_speed or @cap_width
 */
struct pcie_link {
	char port[32];
	double speed, dev_speed, port_speed, cap_speed;
	unsigned int width, dev_width, port_width, cap_width;
	int degraded;
};

/* Read @pci's link (e.g. "0000:01:00.0"); -1 if it has no PCIe link info.
 * NICCTL_SYSFS overrides /sys (tests). */
int pcie_link_read(const char *pci, struct pcie_link *l);
/* "2.5 GT/s x1 (device 8 GT/s x4, port 0000:00:1c.0 16 GT/s x16)" */
void pcie_link_str(const struct pcie_link *l, char *buf, size_t len);

#endif
