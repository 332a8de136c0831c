// SPDX-License-Identifier: GPL-2.0
/* PCIe link health from sysfs; see pcie.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcie.h"
#include "sysfs.h"

/* One line of /sys/bus/pci/devices/PCI/ATTR; nonzero if absent. */
static int attr(const char *pci, const char *name, char *buf, size_t len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "bus/pci/devices/%.40s/%.40s", pci, name);
	return sysfs_read(rel, buf, len);
}

/* "8.0 GT/s PCIe" -> 8.0; "Unknown" -> 0 */
static double speed_of(const char *pci, const char *name)
{
	char buf[64];

	return attr(pci, name, buf, sizeof(buf)) ? 0 : strtod(buf, NULL);
}

static unsigned int width_of(const char *pci, const char *name)
{
	char buf[64];

	return attr(pci, name, buf, sizeof(buf)) ? 0 : (unsigned int)strtoul(buf, NULL, 10);
}

int pcie_link_read(const char *pci, struct pcie_link *l)
{
	char rel[64];

	memset(l, 0, sizeof(*l));
	l->speed = speed_of(pci, "current_link_speed");
	l->width = width_of(pci, "current_link_width");
	l->dev_speed = speed_of(pci, "max_link_speed");
	l->dev_width = width_of(pci, "max_link_width");
	if (!l->speed || !l->width || !l->dev_speed || !l->dev_width)
		return -1;
	snprintf(rel, sizeof(rel), "bus/pci/devices/%.40s", pci);
	sysfs_parent_pci(rel, l->port, sizeof(l->port));
	if (l->port[0]) {
		l->port_speed = speed_of(l->port, "max_link_speed");
		l->port_width = width_of(l->port, "max_link_width");
	}
	l->cap_speed = l->dev_speed;
	l->cap_width = l->dev_width;
	if (l->port_speed && l->port_speed < l->cap_speed)
		l->cap_speed = l->port_speed;
	if (l->port_width && l->port_width < l->cap_width)
		l->cap_width = l->port_width;
	/* Speeds are 2.5, 5, 8, 16, 32, 64: compare with a margin. */
	l->degraded = l->speed + 0.01 < l->cap_speed || l->width < l->cap_width;
	return 0;
}

void pcie_link_str(const struct pcie_link *l, char *buf, size_t len)
{
	int o = snprintf(buf, len, "%g GT/s x%u (device %g GT/s x%u", l->speed, l->width,
			 l->dev_speed, l->dev_width);

	if (o < 0 || (size_t)o >= len)
		return;
	if (l->port[0] && l->port_speed)
		snprintf(buf + o, len - o, ", port %s %g GT/s x%u)", l->port, l->port_speed,
			 l->port_width);
	else
		snprintf(buf + o, len - o, ")");
}
