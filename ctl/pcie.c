// SPDX-License-Identifier: GPL-2.0
/* PCIe link health from sysfs; see pcie.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pcie.h"
#include "sysfs.h"

/* One line of /sys/bus/pci/devices/PCI/ATTR; -1 if absent. */
static int attr(const char *pci, const char *name, char *buf, size_t len)
{
	char path[PATH_MAX];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s/%s", sysfs_root(), pci, name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	ok = fgets(buf, len, f) != NULL;
	fclose(f);
	if (!ok)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
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

/* The PCI device above @pci: the parent directory, if it is one. */
static void upstream(const char *pci, char *port, size_t len)
{
	char path[PATH_MAX], real[PATH_MAX], *slash, *name;
	unsigned int d, b, s, f;

	port[0] = '\0';
	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s", sysfs_root(), pci);
	if (!realpath(path, real))
		return;
	slash = strrchr(real, '/');
	if (!slash)
		return;
	*slash = '\0';
	name = strrchr(real, '/');
	name = name ? name + 1 : real;
	if (sscanf(name, "%x:%x:%x.%x", &d, &b, &s, &f) == 4)
		snprintf(port, len, "%.31s", name);
}

int pcie_link_read(const char *pci, struct pcie_link *l)
{
	memset(l, 0, sizeof(*l));
	l->speed = speed_of(pci, "current_link_speed");
	l->width = width_of(pci, "current_link_width");
	l->dev_speed = speed_of(pci, "max_link_speed");
	l->dev_width = width_of(pci, "max_link_width");
	if (!l->speed || !l->width || !l->dev_speed || !l->dev_width)
		return -1;
	upstream(pci, l->port, sizeof(l->port));
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
