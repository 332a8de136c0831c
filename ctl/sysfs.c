// SPDX-License-Identifier: GPL-2.0
/* virtio-net devices and netdevs from sysfs; see sysfs.h. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/nicdiag.h>
#include <netlink/genl/genl.h>

#include "sysfs.h"

const char *sysfs_root(void)
{
	const char *s = getenv("NICCTL_SYSFS");

	return s && *s ? s : "/sys";
}

int sysfs_read(const char *path, char *buf, size_t len)
{
	char p[PATH_MAX];
	FILE *f;
	int ok;

	snprintf(p, sizeof(p), "%.2000s/%.2000s", sysfs_root(), path);
	f = fopen(p, "r");
	if (!f)
		return -errno;
	ok = fgets(buf, len, f) != NULL;
	fclose(f);
	if (!ok)
		return -EIO;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

/* The last component of what ROOT/PATH links to, or "". */
static void link_name(const char *path, char *buf, size_t len)
{
	char p[PATH_MAX], t[PATH_MAX];
	ssize_t n;
	char *s;

	buf[0] = '\0';
	snprintf(p, sizeof(p), "%.2000s/%.2000s", sysfs_root(), path);
	n = readlink(p, t, sizeof(t) - 1);
	if (n <= 0)
		return;
	t[n] = '\0';
	s = strrchr(t, '/');
	s = s ? s + 1 : t;
	n = strlen(s);
	if ((size_t)n >= len)
		n = len - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
}

/**
 * sysfs_parent_pci() - the PCI function above a device in sysfs
 * @rel: the device, relative to the sysfs root (e.g. "bus/pci/devices/X")
 * @buf: set to the parent's PCI address, or "" if the parent is none
 * @len: its size
 */
void sysfs_parent_pci(const char *rel, char *buf, size_t len)
{
	char p[PATH_MAX], real[PATH_MAX], *s;
	unsigned int d, b, sl, f;

	buf[0] = '\0';
	snprintf(p, sizeof(p), "%.2000s/%.2000s", sysfs_root(), rel);
	if (!realpath(p, real))
		return;
	s = strrchr(real, '/');
	if (!s)
		return;
	*s = '\0';
	s = strrchr(real, '/');
	s = s ? s + 1 : real;
	if (sscanf(s, "%x:%x:%x.%x", &d, &b, &sl, &f) == 4)
		snprintf(buf, len, "%.31s", s);
}

/* Interrupts of a PCI function: its msi_irqs/ entries, else INTx if bound. */
static void pci_irqs(struct vdev_info *v)
{
	char p[PATH_MAX], mode[16];
	struct dirent *e;
	DIR *d;

	v->irq_mode = NICDIAG_IRQ_UNKNOWN;
	if (!v->pci[0])
		return;
	snprintf(p, sizeof(p), "%s/bus/pci/devices/%s/msi_irqs", sysfs_root(), v->pci);
	d = opendir(p);
	if (d) {
		while ((e = readdir(d))) {
			char f[PATH_MAX + 300];

			if (e->d_name[0] == '.')
				continue;
			v->vectors++;
			snprintf(f, sizeof(f), "bus/pci/devices/%s/msi_irqs/%s", v->pci, e->d_name);
			if (!sysfs_read(f, mode, sizeof(mode)))
				v->irq_mode = strcmp(mode, "msix") ? NICDIAG_IRQ_MSI : NICDIAG_IRQ_MSIX;
		}
		closedir(d);
	}
	if (!v->vectors && v->driver[0])
		v->irq_mode = NICDIAG_IRQ_INTX;
}

static void read_one(struct vdev_info *v)
{
	char p[PATH_MAX], buf[160];
	struct dirent *e;
	unsigned int i;
	DIR *d;

	v->status = -1;
	snprintf(p, sizeof(p), "bus/virtio/devices/%s/status", v->name);
	if (!sysfs_read(p, buf, sizeof(buf)))
		v->status = (int)strtoul(buf, NULL, 16) & 0xff;
	snprintf(p, sizeof(p), "bus/virtio/devices/%s/driver", v->name);
	link_name(p, v->driver, sizeof(v->driver));
	snprintf(p, sizeof(p), "bus/virtio/devices/%s/features", v->name);
	if (!sysfs_read(p, buf, sizeof(buf))) {
		/* One character per bit, bit 0 first. */
		for (i = 0; i < 64 && buf[i]; i++)
			if (buf[i] == '1')
				v->features |= 1ULL << i;
		v->have_features = true;
	}
	snprintf(p, sizeof(p), "bus/virtio/devices/%s", v->name);
	sysfs_parent_pci(p, v->pci, sizeof(v->pci));
	snprintf(p, sizeof(p), "%s/bus/virtio/devices/%s/net", sysfs_root(), v->name);
	d = opendir(p);
	if (d) {
		while ((e = readdir(d)))
			if (e->d_name[0] != '.')
				snprintf(v->ifname, sizeof(v->ifname), "%.15s", e->d_name);
		closedir(d);
	}
	pci_irqs(v);
}

static int by_name(const void *a, const void *b)
{
	const struct vdev_info *x = a, *y = b;
	size_t lx = strlen(x->name), ly = strlen(y->name);

	/* virtio2 before virtio10 */
	return lx != ly ? (lx < ly ? -1 : 1) : strcmp(x->name, y->name);
}

int sysfs_virtio_net(struct vdev_info **out)
{
	char p[PATH_MAX], buf[32];
	struct vdev_info *v = NULL, *nv;
	struct dirent *e;
	int n = 0, cap = 0;
	DIR *d;

	*out = NULL;
	snprintf(p, sizeof(p), "%s/bus/virtio/devices", sysfs_root());
	d = opendir(p);
	if (!d)
		return -errno;
	while ((e = readdir(d))) {
		char f[PATH_MAX];

		if (e->d_name[0] == '.')
			continue;
		snprintf(f, sizeof(f), "bus/virtio/devices/%.200s/device", e->d_name);
		if (sysfs_read(f, buf, sizeof(buf)) || strtoul(buf, NULL, 16) != 1)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv)
				break;
			v = nv;
		}
		memset(&v[n], 0, sizeof(v[n]));
		snprintf(v[n].name, sizeof(v[n].name), "%.31s", e->d_name);
		read_one(&v[n]);
		n++;
	}
	closedir(d);
	if (n)
		qsort(v, n, sizeof(*v), by_name);
	*out = v;
	return n;
}

/**
 * sysfs_setup_event() - a setup snapshot made of what sysfs shows
 * @v: the device
 * @log: kernel log lines that name it
 * @nlog: how many
 * @real_ns: the time to give it
 *
 * Without the module there is no probe record; this stands in for one so
 * that the one event printer and explain's diagnosis read it as they read
 * a scan's.  It has no errno and no offered features (sysfs has neither).
 *
 * Return: a message holding one NICDIAG_A_EVENT, or NULL.
 */
struct nl_msg *sysfs_setup_event(const struct vdev_info *v, char *const *log, int nlog,
				 uint64_t real_ns)
{
	struct nl_msg *msg = nlmsg_alloc_size(65536);
	struct nlattr *ev, *st;
	bool bound = v->driver[0] != '\0';
	int i;

	if (!msg)
		return NULL;
	genlmsg_put(msg, 0, 0, 0, 0, 0, NICDIAG_CMD_EVENT_GET, NICDIAG_FAMILY_VERSION);
	ev = nla_nest_start(msg, NICDIAG_A_EVENT);
	if (!ev)
		goto fail;
	nla_put_u64(msg, NICDIAG_EVENT_A_SEQ, 0);
	nla_put_u64(msg, NICDIAG_EVENT_A_REAL_NS, real_ns);
	nla_put_u32(msg, NICDIAG_EVENT_A_TYPE, NICDIAG_EV_SETUP_SCAN);
	nla_put_u32(msg, NICDIAG_EVENT_A_IFINDEX, 0);
	nla_put_string(msg, NICDIAG_EVENT_A_IFNAME, v->ifname);
	nla_put_string(msg, NICDIAG_EVENT_A_DRIVER, bound ? v->driver : "-");
	nla_put_string(msg, NICDIAG_EVENT_A_BUS_INFO, v->pci[0] ? v->pci : v->name);
	st = nla_nest_start(msg, NICDIAG_EVENT_A_SETUP);
	if (!st)
		goto fail;
	nla_put_string(msg, NICDIAG_SETUP_A_VIRTIO_DEV, v->name);
	if (v->pci[0])
		nla_put_string(msg, NICDIAG_SETUP_A_PCI_ADDR, v->pci);
	nla_put_u32(msg, NICDIAG_SETUP_A_STAGE, bound ? NICDIAG_STAGE_DONE : NICDIAG_STAGE_NO_DRIVER);
	if (v->status >= 0)
		nla_put_u8(msg, NICDIAG_SETUP_A_STATUS, v->status);
	nla_put_u8(msg, NICDIAG_SETUP_A_DRIVER_BOUND, bound);
	nla_put_u8(msg, NICDIAG_SETUP_A_IRQ_MODE, v->irq_mode);
	if (v->vectors)
		nla_put_u32(msg, NICDIAG_SETUP_A_MSIX_VECTORS, v->vectors);
	if (v->have_features)
		nla_put_u64(msg, NICDIAG_SETUP_A_FEATURES_NEGOTIATED, v->features);
	nla_put_u32(msg, NICDIAG_SETUP_A_CPUS, sysconf(_SC_NPROCESSORS_ONLN));
	for (i = 0; i < nlog; i++)
		if (nla_put_string(msg, NICDIAG_SETUP_A_LOG, log[i]))
			break;
	nla_nest_end(msg, st);
	nla_nest_end(msg, ev);
	return msg;
fail:
	nlmsg_free(msg);
	return NULL;
}
