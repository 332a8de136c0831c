// SPDX-License-Identifier: GPL-2.0
/*
 * vmnet: do what QEMU does to give a VM its NIC on a hypervisor host, step
 * by step, correctly or with a chosen mistake, so the lab (where the guest
 * plays the host) can check what nicdiag records.  No packet is sent.
 *
 *   vmnet [-name guest=NAME] STEP...
 *
 * Steps, run in order; each prints "vmnet: STEP ok" or
 * "vmnet: STEP failed: ENAME (message)" and the next one runs anyway:
 *   tap NAME         open /dev/net/tun, TUNSETIFF tap|no_pi|vnet_hdr
 *   mqtap NAME       the same with multi_queue (call again for a queue)
 *   badflags NAME    TUNSETIFF asking for neither tun nor tap
 *   mqmismatch NAME  TUNSETIFF with multi_queue on a single-queue tap
 *   detach / attach  TUNSETQUEUE on the last tap file
 *   vhost            /dev/vhost-net: owner, memory table, rings, and the
 *                    last tap as the backend of virtqueues 0 and 1
 *   owner-twice      a new vhost-net file: VHOST_SET_OWNER twice
 *   no-owner         a new vhost-net file: a backend before the owner
 *   notsock          a new vhost-net file, rings set up: /dev/null as the
 *                    backend
 *   badindex         a new vhost-net file: a backend for virtqueue 7
 *   open PATH        open a macvtap node (/dev/tapN)
 *   vfio PCI         open PCI function PCI through VFIO (type1 IOMMU)
 *   hold SECS        sleep, keeping every file open (the VM runs)
 *   nstap NAME       open /dev/net/tun in a new network namespace, come
 *                    back, then TUNSETIFF tap NAME: the tap is made there
 *                    (as with an fd passed from another namespace)
 *   refuse NAME N    one /dev/net/tun file, TUNSETIFF tap NAME N times;
 *                    prints how many were refused and with what errno
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/if_tun.h>
#include <linux/vfio.h>
#include <linux/vhost.h>

static int last_tap = -1;

static int report(const char *step, int r)
{
	if (r < 0)
		printf("vmnet: %s failed: %s (%s)\n", step, strerrorname_np(errno), strerror(errno));
	else
		printf("vmnet: %s ok\n", step);
	fflush(stdout);
	return r;
}

static int tun_set(const char *name, short flags)
{
	struct ifreq ifr;
	int fd = open("/dev/net/tun", O_RDWR);

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	ifr.ifr_flags = flags;
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	last_tap = fd;
	return 0;
}

/* A tun file of another network namespace, used from this one. */
static int tun_other_ns(const char *name)
{
	int here = open("/proc/self/ns/net", O_RDONLY), fd, e;
	struct ifreq ifr;

	if (here < 0 || unshare(CLONE_NEWNET) < 0)
		return -1;
	fd = open("/dev/net/tun", O_RDWR);
	e = errno;
	if (setns(here, CLONE_NEWNET) < 0 || fd < 0) {
		errno = fd < 0 ? e : errno;
		return -1;
	}
	close(here);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		return -1;
	last_tap = fd;
	return 0;
}

/* N TUNSETIFF calls on one file; ok if every one was refused. */
static int tun_refuse(const char *name, long n)
{
	struct ifreq ifr;
	long i, refused = 0;
	int fd = open("/dev/net/tun", O_RDWR), e = 0;

	if (fd < 0)
		return -1;
	for (i = 0; i < n; i++) {
		memset(&ifr, 0, sizeof(ifr));
		snprintf(ifr.ifr_name, IFNAMSIZ, "%s", name);
		ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
		if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
			refused++;
			e = errno;
		}
	}
	close(fd);
	printf("vmnet: refuse: %ld of %ld refused (%s)\n", refused, n,
	       e ? strerrorname_np(e) : "none");
	errno = e ? e : EEXIST;
	return refused == n ? 0 : -1;
}

static int tun_queue(short flags)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = flags;
	return ioctl(last_tap, TUNSETQUEUE, &ifr);
}

/* The rings and the memory table QEMU would set up, in our own memory. */
static int vhost_rings(int vfd)
{
	static char *mem;
	struct vhost_memory *m;
	struct vhost_vring_state num = { .num = 256 };
	struct vhost_vring_addr addr;
	unsigned int i;
	uint64_t features;

	if (!mem) {
		mem = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mem == MAP_FAILED)
			return -1;
	}
	m = calloc(1, sizeof(*m) + sizeof(m->regions[0]));
	m->nregions = 1;
	m->regions[0].guest_phys_addr = 0;
	m->regions[0].memory_size = 1 << 20;
	m->regions[0].userspace_addr = (uintptr_t)mem;
	if (ioctl(vfd, VHOST_GET_FEATURES, &features) < 0 ||
	    ioctl(vfd, VHOST_SET_FEATURES, &(uint64_t){ 0 }) < 0 ||
	    ioctl(vfd, VHOST_SET_MEM_TABLE, m) < 0)
		return -1;
	free(m);
	for (i = 0; i < 2; i++) {
		char *base = mem + i * (256 << 10);

		num.index = i;
		memset(&addr, 0, sizeof(addr));
		addr.index = i;
		addr.desc_user_addr = (uintptr_t)base;
		addr.avail_user_addr = (uintptr_t)base + 16 * 256;
		addr.used_user_addr = (uintptr_t)base + 64 * 1024;
		if (ioctl(vfd, VHOST_SET_VRING_NUM, &num) < 0 ||
		    ioctl(vfd, VHOST_SET_VRING_ADDR, &addr) < 0)
			return -1;
	}
	return 0;
}

static int backend(int vfd, unsigned int index, int fd)
{
	struct vhost_vring_file f = { .index = index, .fd = fd };

	return ioctl(vfd, VHOST_NET_SET_BACKEND, &f);
}

static int vhost_step(const char *what)
{
	int vfd = open("/dev/vhost-net", O_RDWR);
	int r;

	if (vfd < 0)
		return -1;
	if (!strcmp(what, "vhost")) {
		if (ioctl(vfd, VHOST_SET_OWNER) < 0 || vhost_rings(vfd) < 0)
			return -1;
		r = backend(vfd, 0, last_tap);
		return r < 0 ? r : backend(vfd, 1, last_tap);
	}
	if (!strcmp(what, "owner-twice")) {
		if (ioctl(vfd, VHOST_SET_OWNER) < 0)
			return -1;
		return ioctl(vfd, VHOST_SET_OWNER);
	}
	if (!strcmp(what, "no-owner"))
		return backend(vfd, 0, last_tap);
	if (ioctl(vfd, VHOST_SET_OWNER) < 0 || vhost_rings(vfd) < 0)
		return -1;
	if (!strcmp(what, "notsock"))
		return backend(vfd, 0, open("/dev/null", O_RDWR));
	return backend(vfd, 7, last_tap);	/* badindex */
}

static int vfio_step(const char *pci)
{
	char path[PATH_MAX], link[PATH_MAX];
	struct vfio_group_status st = { .argsz = sizeof(st) };
	const char *group;
	ssize_t n;
	int c, g;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", pci);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	link[n] = '\0';
	group = strrchr(link, '/') + 1;
	snprintf(path, sizeof(path), "/dev/vfio/%s", group);
	c = open("/dev/vfio/vfio", O_RDWR);
	g = open(path, O_RDWR);
	if (c < 0 || g < 0)
		return -1;
	if (ioctl(g, VFIO_GROUP_GET_STATUS, &st) < 0)
		return -1;
	if (!(st.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		fprintf(stderr, "vmnet: group %s not viable (flags 0x%x)\n", group, st.flags);
		errno = EPERM;
		return -1;
	}
	if (ioctl(g, VFIO_GROUP_SET_CONTAINER, &c) < 0) {
		fprintf(stderr, "vmnet: VFIO_GROUP_SET_CONTAINER: %s\n", strerror(errno));
		return -1;
	}
	if (ioctl(c, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU) < 0) {
		fprintf(stderr, "vmnet: VFIO_SET_IOMMU: %s\n", strerror(errno));
		return -1;
	}
	return ioctl(g, VFIO_GROUP_GET_DEVICE_FD, pci);
}

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *s = argv[i], *a = i + 1 < argc ? argv[i + 1] : "";

		if (!strcmp(s, "-name")) {
			i++;	/* read by nicctl vms from /proc/PID/cmdline */
		} else if (!strcmp(s, "tap")) {
			report(s, tun_set(a, IFF_TAP | IFF_NO_PI | IFF_VNET_HDR));
			i++;
		} else if (!strcmp(s, "mqtap")) {
			report(s, tun_set(a, IFF_TAP | IFF_NO_PI | IFF_VNET_HDR | IFF_MULTI_QUEUE));
			i++;
		} else if (!strcmp(s, "badflags")) {
			report(s, tun_set(a, IFF_NO_PI));
			i++;
		} else if (!strcmp(s, "mqmismatch")) {
			report(s, tun_set(a, IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE));
			i++;
		} else if (!strcmp(s, "detach")) {
			report(s, tun_queue(IFF_DETACH_QUEUE));
		} else if (!strcmp(s, "attach")) {
			report(s, tun_queue(IFF_ATTACH_QUEUE));
		} else if (!strcmp(s, "vhost") || !strcmp(s, "owner-twice") ||
			   !strcmp(s, "no-owner") || !strcmp(s, "notsock") ||
			   !strcmp(s, "badindex")) {
			report(s, vhost_step(s));
		} else if (!strcmp(s, "open")) {
			report(s, open(a, O_RDWR));
			i++;
		} else if (!strcmp(s, "vfio")) {
			report(s, vfio_step(a));
			i++;
		} else if (!strcmp(s, "nstap")) {
			report(s, tun_other_ns(a));
			i++;
		} else if (!strcmp(s, "refuse")) {
			report(s, tun_refuse(a, i + 2 < argc ? atol(argv[i + 2]) : 1));
			i += 2;
		} else if (!strcmp(s, "hold")) {
			printf("vmnet: holding\n");
			fflush(stdout);
			sleep(atoi(a));
			i++;
		} else {
			fprintf(stderr, "vmnet: unknown step %s\n", s);
			return 2;
		}
	}
	return 0;
}
