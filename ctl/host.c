// SPDX-License-Identifier: GPL-2.0
/* Host-side events: decoding, causes, and `nicctl vms`; see host.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/if_tun.h>
#include <linux/nicdiag.h>
#include <linux/vhost.h>

#include "host.h"
#include "nl.h"
#include "print.h"
#include <nicdiag_names.h>

struct nla_policy host_policy[NICDIAG_HOST_A_MAX + 1] = {
	[NICDIAG_HOST_A_OP] = { .type = NLA_U8 },
	[NICDIAG_HOST_A_IOCTL] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_ERRNO] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_FLAGS] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_IFNAME] = { .type = NLA_STRING },
	[NICDIAG_HOST_A_QUEUES] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_FD] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_INDEX] = { .type = NLA_U32 },
	[NICDIAG_HOST_A_MASTER] = { .type = NLA_STRING },
	[NICDIAG_HOST_A_PORT_STATE] = { .type = NLA_U8 },
	[NICDIAG_HOST_A_OLD_PORT_STATE] = { .type = NLA_U8 },
	[NICDIAG_HOST_A_PCI_ADDR] = { .type = NLA_STRING },
	[NICDIAG_HOST_A_PCI_DRIVER] = { .type = NLA_STRING },
	[NICDIAG_HOST_A_PCI_ID] = { .type = NLA_U32 },
};

/* A queue count is known only when the event names its device. */
#define HAS_QUEUES(a) ((a)[NICDIAG_HOST_A_QUEUES] != NULL)

/**
 * host_view() - parse a NICDIAG_EVENT_A_HOST nest
 * @nest: the nest
 * @v: filled; absent strings are ""
 *
 * Return: 0, or -1 if the nest does not parse.
 */
int host_view(struct nlattr *nest, struct host_view *v)
{
	struct nlattr *a[NICDIAG_HOST_A_MAX + 1];

	if (!nest || nla_parse_nested(a, NICDIAG_HOST_A_MAX, nest, host_policy))
		return -1;
#define U(x) (a[x] ? nla_get_u32(a[x]) : 0)
#define S(x) (a[x] ? nla_get_string(a[x]) : "")
	memset(v, 0, sizeof(*v));
	v->op = a[NICDIAG_HOST_A_OP] ? nla_get_u8(a[NICDIAG_HOST_A_OP]) : 0;
	v->ioctl = U(NICDIAG_HOST_A_IOCTL);
	v->err = U(NICDIAG_HOST_A_ERRNO);
	v->flags = U(NICDIAG_HOST_A_FLAGS);
	v->queues = U(NICDIAG_HOST_A_QUEUES);
	v->has_queues = HAS_QUEUES(a);
	v->fd = a[NICDIAG_HOST_A_FD] ? (int)nla_get_u32(a[NICDIAG_HOST_A_FD]) : -1;
	v->index = U(NICDIAG_HOST_A_INDEX);
	v->pci_id = U(NICDIAG_HOST_A_PCI_ID);
	v->has_port_state = a[NICDIAG_HOST_A_PORT_STATE] != NULL;
	v->port_state = v->has_port_state ? nla_get_u8(a[NICDIAG_HOST_A_PORT_STATE]) : 0;
	v->has_old = a[NICDIAG_HOST_A_OLD_PORT_STATE] != NULL;
	v->old_port_state = v->has_old ? nla_get_u8(a[NICDIAG_HOST_A_OLD_PORT_STATE]) : 0;
	v->ifname = S(NICDIAG_HOST_A_IFNAME);
	v->master = S(NICDIAG_HOST_A_MASTER);
	v->pci_addr = S(NICDIAG_HOST_A_PCI_ADDR);
	v->pci_driver = S(NICDIAG_HOST_A_PCI_DRIVER);
#undef U
#undef S
	return 0;
}

/**
 * tun_flags_str() - IFF_* flags of TUNSETIFF by name
 * @flags: the flags
 * @buf: output
 * @len: its size
 *
 * Return: @buf, e.g. "tap|no_pi|vnet_hdr|multi_queue".
 */
const char *tun_flags_str(unsigned int flags, char *buf, size_t len)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} names[] = {
		{ IFF_TUN, "tun" }, { IFF_TAP, "tap" }, { IFF_NAPI, "napi" },
		{ IFF_NAPI_FRAGS, "napi_frags" }, { IFF_MULTI_QUEUE, "multi_queue" },
		{ IFF_ATTACH_QUEUE, "attach_queue" }, { IFF_DETACH_QUEUE, "detach_queue" },
		{ IFF_PERSIST, "persist" }, { IFF_NO_PI, "no_pi" },
		{ IFF_ONE_QUEUE, "one_queue" }, { IFF_VNET_HDR, "vnet_hdr" },
		{ IFF_TUN_EXCL, "tun_excl" },
	};
	size_t o = 0, i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].bit))
			continue;
		flags &= ~names[i].bit;
		o += snprintf(buf + o, o < len ? len - o : 0, "%s%s", o ? "|" : "", names[i].name);
	}
	if (flags)
		o += snprintf(buf + o, o < len ? len - o : 0, "%s0x%x", o ? "|" : "", flags);
	if (!o)
		snprintf(buf, len, "none");
	return buf;
}

const char *port_state_name(unsigned int state)
{
	static char other[24];

	if (state < sizeof(nicdiag_port_state_names) / sizeof(nicdiag_port_state_names[0]))
		return nicdiag_port_state_names[state];
	snprintf(other, sizeof(other), "state#%u", state);
	return other;
}

static const char *op_name(unsigned int op)
{
	static char other[24];

	if (op < sizeof(nicdiag_host_op_names) / sizeof(nicdiag_host_op_names[0]) &&
	    nicdiag_host_op_names[op])
		return nicdiag_host_op_names[op];
	snprintf(other, sizeof(other), "op#%u", op);
	return other;
}

static const char *ioctl_name(unsigned int cmd)
{
	static const struct {
		unsigned int cmd;
		const char *name;
	} names[] = {
		{ TUNSETIFF, "TUNSETIFF" }, { TUNSETQUEUE, "TUNSETQUEUE" },
		{ TUNSETPERSIST, "TUNSETPERSIST" }, { TUNSETOWNER, "TUNSETOWNER" },
		{ TUNSETGROUP, "TUNSETGROUP" }, { TUNSETSNDBUF, "TUNSETSNDBUF" },
		{ TUNSETVNETHDRSZ, "TUNSETVNETHDRSZ" },
		{ VHOST_GET_FEATURES, "VHOST_GET_FEATURES" },
		{ VHOST_SET_FEATURES, "VHOST_SET_FEATURES" },
		{ VHOST_SET_OWNER, "VHOST_SET_OWNER" },
		{ VHOST_RESET_OWNER, "VHOST_RESET_OWNER" },
		{ VHOST_SET_MEM_TABLE, "VHOST_SET_MEM_TABLE" },
		{ VHOST_SET_VRING_NUM, "VHOST_SET_VRING_NUM" },
		{ VHOST_SET_VRING_ADDR, "VHOST_SET_VRING_ADDR" },
		{ VHOST_SET_VRING_BASE, "VHOST_SET_VRING_BASE" },
		{ VHOST_SET_VRING_KICK, "VHOST_SET_VRING_KICK" },
		{ VHOST_SET_VRING_CALL, "VHOST_SET_VRING_CALL" },
		{ VHOST_NET_SET_BACKEND, "VHOST_NET_SET_BACKEND" },
	};
	static char other[24];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].cmd == cmd)
			return names[i].name;
	snprintf(other, sizeof(other), "ioctl 0x%x", cmd);
	return other;
}

/**
 * nicdiag_host_step() - a host step's name: the ioctl where there is one
 * @v: the host nest
 *
 * Return: e.g. "TUNSETIFF", "VHOST_SET_VRING_ADDR", "pci_probe".
 */
const char *nicdiag_host_step(const struct host_view *v)
{
	if (v->ioctl && (v->op == NICDIAG_HOST_OP_TUN_IOCTL || v->op == NICDIAG_HOST_OP_TAP_IOCTL ||
			 v->op == NICDIAG_HOST_OP_VHOST_IOCTL))
		return ioctl_name(v->ioctl);
	return op_name(v->op);
}

/**
 * host_errno_name() - an errno's symbolic name
 * @err: positive errno
 *
 * Return: e.g. "EBUSY", or "E?" if unknown.
 */
const char *host_errno_name(unsigned int err)
{
	const char *n = err ? strerrorname_np((int)err) : NULL;

	return n ? n : "E?";
}

static void tunsetiff_cause(const struct host_view *v, char *c, size_t cl, char *f, size_t fl)
{
	const char *n = v->ifname[0] ? v->ifname : "(any)";
	unsigned int type = v->flags & (IFF_TUN | IFF_TAP);

	switch (v->err) {
	case EBUSY:
		if (v->flags & IFF_TUN_EXCL) {
			snprintf(c, cl, "%s exists and IFF_TUN_EXCL asked for a new device", n);
			snprintf(f, fl, "pick an unused name, or drop IFF_TUN_EXCL to attach to it");
		} else {
			snprintf(c, cl, "tap %s is single-queue and its queue is already attached: "
				 "another process (another VM, or a QEMU still running) holds it", n);
			snprintf(f, fl, "find the holder (nicctl vms, or fuser /dev/net/tun), stop it "
				 "or give this VM its own tap; for several queues create the tap with multi_queue");
		}
		return;
	case EPERM:
		snprintf(c, cl, "not permitted: creating a tap needs CAP_NET_ADMIN, and an existing tap "
			 "%s may be attached only by its owner or group (TUNSETOWNER/TUNSETGROUP)", n);
		snprintf(f, fl, "create the tap for the VM's user (ip tuntap add %s mode tap user USER), "
			 "or run the VM with CAP_NET_ADMIN (libvirt does both)", n);
		return;
	case EINVAL:
		if (type != IFF_TUN && type != IFF_TAP) {
			snprintf(c, cl, "invalid flags %s: exactly one of IFF_TUN and IFF_TAP is required",
				 tun_flags_str(v->flags, (char[96]){ 0 }, 96));
			snprintf(f, fl, "ask for IFF_TAP (a VM's NIC is a tap: QEMU -netdev tap) or IFF_TUN");
			return;
		}
		snprintf(c, cl, "invalid request for %s: it exists as the other type (tun vs tap), "
			 "is not a tun/tap device, or multi_queue differs from how it was "
			 "created (flags asked: %s)", n,
			 tun_flags_str(v->flags, (char[96]){ 0 }, 96));
		snprintf(f, fl, "ask for the device as it was created (ip -d link show %s shows tun "
			 "type and multi_queue), or use a new name", n);
		return;
	case EEXIST:
		snprintf(c, cl, "this file is already attached to a device (TUNSETIFF twice on one fd)");
		snprintf(f, fl, "open /dev/net/tun once per queue");
		return;
	case E2BIG:
		snprintf(c, cl, "tap %s already has the most queues a tap can have", n);
		snprintf(f, fl, "ask for fewer queues (QEMU queues=N)");
		return;
	}
	snprintf(c, cl, "TUNSETIFF for %s refused: %s", n, strerror((int)v->err));
	snprintf(f, fl, "see the kernel log around this time");
}

static void vhost_cause(const struct host_view *v, char *c, size_t cl, char *f, size_t fl)
{
	switch (v->err) {
	case EBUSY:
		if (v->op == NICDIAG_HOST_OP_VHOST_SET_OWNER) {
			snprintf(c, cl, "this /dev/vhost-net file already has an owner: it was set up "
				 "before, or is shared between processes");
			snprintf(f, fl, "open /dev/vhost-net once per queue pair and VM (QEMU vhostfd= "
				 "must not be reused)");
			return;
		}
		break;
	case EPERM:
		snprintf(c, cl, "%s from a process that is not the vhost-net owner (VHOST_SET_OWNER "
			 "was not done, or was done by another process)", nicdiag_host_step(v));
		snprintf(f, fl, "call VHOST_SET_OWNER first, from the process that runs the VM");
		return;
	case ENOTSOCK:
		snprintf(c, cl, "fd %d given as the backend of virtqueue %u is not a tap, tun, macvtap "
			 "or packet socket", v->fd, v->index);
		snprintf(f, fl, "pass the VM's tap fd (QEMU fd=/fds=) as the backend, not the "
			 "vhost-net fd or another file (vhostfd/fd mix-up)");
		return;
	case ENOBUFS:
		snprintf(c, cl, "virtqueue index %u is out of range: vhost-net has 2 (0 rx, 1 tx)",
			 v->index);
		snprintf(f, fl, "use index 0 or 1 per /dev/vhost-net file");
		return;
	case EFAULT:
		snprintf(c, cl, "virtqueue %u's ring is not set up or not accessible "
			 "(VHOST_SET_VRING_ADDR/NUM missing or pointing outside the memory table)",
			 v->index);
		snprintf(f, fl, "set the memory table and the ring addresses before the backend");
		return;
	case EOPNOTSUPP:
		snprintf(c, cl, "%s: the kernel's vhost-net does not support what was asked "
			 "(features beyond VHOST_GET_FEATURES)", nicdiag_host_step(v));
		snprintf(f, fl, "ask only for features VHOST_GET_FEATURES offers");
		return;
	}
	snprintf(c, cl, "%s refused: %s", nicdiag_host_step(v), strerror((int)v->err));
	snprintf(f, fl, "see the kernel log around this time");
}

static void pci_cause(const struct host_view *v, char *c, size_t cl, char *f, size_t fl)
{
	bool vfio = !strcmp(v->pci_driver, "vfio-pci");

	if (v->op == NICDIAG_HOST_OP_VFIO_OPEN) {
		snprintf(c, cl, "vfio-pci could not enable %s for the VM: %s", v->pci_addr,
			 strerror((int)v->err));
		snprintf(f, fl, "check that no host driver or other VM uses the function and that "
			 "it can be reset (see the kernel log)");
		return;
	}
	if (vfio && v->err == EINVAL) {
		snprintf(c, cl, "vfio-pci could not take %s: no IOMMU group: the host runs without an "
			 "IOMMU", v->pci_addr);
		snprintf(f, fl, "enable VT-d/AMD-Vi in the firmware and boot with intel_iommu=on "
			 "(or amd_iommu=on) iommu=pt");
		return;
	}
	if (v->err == ENODEV) {
		snprintf(c, cl, "driver %s declined %s (ENODEV)", v->pci_driver, v->pci_addr);
		snprintf(f, fl, "check that the driver supports this device and its firmware");
		return;
	}
	snprintf(c, cl, "driver %s's probe of %s failed: %s", v->pci_driver, v->pci_addr,
		 strerror((int)v->err));
	snprintf(f, fl, "see the kernel log for %s", v->pci_addr);
}

/**
 * host_cause() - why a host-side step was refused, and the fix
 * @v: a HOST_FAIL event's host nest
 * @cause: output, one sentence
 * @clen: its size
 * @fix: output, one sentence
 * @flen: its size
 */
void host_cause(const struct host_view *v, char *cause, size_t clen, char *fix, size_t flen)
{
	switch (v->op) {
	case NICDIAG_HOST_OP_TUNSETIFF:
		tunsetiff_cause(v, cause, clen, fix, flen);
		return;
	case NICDIAG_HOST_OP_TUNSETQUEUE:
		if (v->err == EINVAL) {
			snprintf(cause, clen, "queue %s refused: the device is not multi-queue, or "
				 "the queue is already %s", v->flags & IFF_DETACH_QUEUE ?
				 "detach" : "attach", v->flags & IFF_DETACH_QUEUE ?
				 "detached" : "attached");
			snprintf(fix, flen, "create the tap with multi_queue to enable and disable "
				 "queues");
			return;
		}
		break;
	case NICDIAG_HOST_OP_TAP_OPEN:
		snprintf(cause, clen, "opening macvtap %s failed: %s%s", v->ifname,
			 strerror((int)v->err), v->err == ENXIO || v->err == ENODEV ?
			 " (no macvtap device behind this node)" : "");
		snprintf(fix, flen, "open /dev/tap<ifindex> of an existing macvtap device");
		return;
	case NICDIAG_HOST_OP_VHOST_SET_OWNER:
	case NICDIAG_HOST_OP_VHOST_SET_BACKEND:
	case NICDIAG_HOST_OP_VHOST_IOCTL:
		vhost_cause(v, cause, clen, fix, flen);
		return;
	case NICDIAG_HOST_OP_PCI_PROBE:
	case NICDIAG_HOST_OP_VFIO_OPEN:
		pci_cause(v, cause, clen, fix, flen);
		return;
	}
	if (v->err == EPERM) {
		snprintf(cause, clen, "%s not permitted: it needs CAP_NET_ADMIN", nicdiag_host_step(v));
		snprintf(fix, flen, "run it with CAP_NET_ADMIN");
		return;
	}
	snprintf(cause, clen, "%s refused: %s", nicdiag_host_step(v), strerror((int)v->err));
	snprintf(fix, flen, "see the kernel log around this time");
}

static const char *port_hint(unsigned int state)
{
	switch (state) {
	case NICDIAG_PORT_LISTENING:
	case NICDIAG_PORT_LEARNING:
		return " (STP: no traffic passes until the port forwards)";
	case NICDIAG_PORT_BLOCKING:
		return " (STP blocks it: no traffic passes)";
	case NICDIAG_PORT_FORWARDING:
		return " (traffic passes)";
	default:
		return " (no traffic passes)";
	}
}

/**
 * describe_host() - the text of a host event after the device
 * @type: enum nicdiag_event_type
 * @nest: its NICDIAG_EVENT_A_HOST nest
 */
void describe_host(unsigned int type, struct nlattr *nest)
{
	char flags[128], cause[512], fix[512];
	struct host_view v;

	if (host_view(nest, &v)) {
		out_text("%s (no details)", nicdiag_event_names[type]);
		return;
	}
	switch (type) {
	case NICDIAG_EV_TAP_ATTACH:
		if (v.op == NICDIAG_HOST_OP_TAP_OPEN)
			out_text("macvtap queue attached (opened /dev/%s)", v.ifname);
		else
			out_text("queue attached (%s %s)", nicdiag_host_step(&v),
				 tun_flags_str(v.flags, flags, sizeof(flags)));
		if (v.has_queues)
			out_text(": %u queue%s now", v.queues, v.queues == 1 ? "" : "s");
		break;
	case NICDIAG_EV_TAP_DETACH:
		out_text("queue detached (%s)", nicdiag_host_step(&v));
		if (v.has_queues)
			out_text(": %u queue%s now", v.queues, v.queues == 1 ? "" : "s");
		break;
	case NICDIAG_EV_VHOST_SETUP:
		if (v.op == NICDIAG_HOST_OP_VHOST_SET_OWNER)
			out_text("vhost-net: owner set (this process's vhost worker moves the packets)");
		else if (v.fd < 0)
			out_text("vhost-net: backend removed from virtqueue %u", v.index);
		else
			out_text("vhost-net: backend fd %d set on virtqueue %u (%s)", v.fd, v.index,
				 v.index == 0 ? "rx" : v.index == 1 ? "tx" : "?");
		break;
	case NICDIAG_EV_HOST_FAIL:
		host_cause(&v, cause, sizeof(cause), fix, sizeof(fix));
		out_text("%s refused: %s: %s", nicdiag_host_step(&v), host_errno_name(v.err), cause);
		break;
	case NICDIAG_EV_BRIDGE_JOIN:
		out_text("joined bridge %s, port %s", v.master, port_state_name(v.port_state));
		break;
	case NICDIAG_EV_BRIDGE_LEAVE:
		out_text("left bridge %s", v.master);
		break;
	case NICDIAG_EV_PORT_STATE:
		out_text("bridge %s port %s -> %s%s", v.master, port_state_name(v.old_port_state),
			 port_state_name(v.port_state), port_hint(v.port_state));
		break;
	case NICDIAG_EV_PCI_BIND:
		out_text("driver %s bound to %s (%04x:%04x)%s", v.pci_driver, v.pci_addr,
			 v.pci_id >> 16, v.pci_id & 0xffff,
			 !strcmp(v.pci_driver, "vfio-pci") ? ": ready for passthrough" : "");
		break;
	case NICDIAG_EV_PCI_UNBIND:
		out_text("driver %s unbound from %s", v.pci_driver, v.pci_addr);
		break;
	case NICDIAG_EV_VFIO_OPEN:
		out_text("%s opened through vfio-pci (passed through to this process)", v.pci_addr);
		break;
	}
}

/**
 * print_host() - the host nest as a JSON object "host"
 * @nest: NICDIAG_EVENT_A_HOST
 */
void print_host(struct nlattr *nest)
{
	char buf[512], fix[512];
	struct host_view v;

	if (!out_json() || host_view(nest, &v))
		return;
	out_nest_open("host");
	if (v.op) {
		out_str("op", NULL, op_name(v.op));
		out_str("step", NULL, nicdiag_host_step(&v));
	}
	if (v.ioctl)
		out_u64("ioctl", NULL, v.ioctl);
	if (v.err) {
		out_u64("errno", NULL, v.err);
		out_str("errno_name", NULL, host_errno_name(v.err));
		host_cause(&v, buf, sizeof(buf), fix, sizeof(fix));
		out_str("cause", NULL, buf);
		out_str("fix", NULL, fix);
	}
	if (v.flags)
		out_str("flags", NULL, tun_flags_str(v.flags, buf, sizeof(buf)));
	if (v.ifname[0])
		out_str("ifname", NULL, v.ifname);
	if (v.has_queues)
		out_u64("queues", NULL, v.queues);
	if (v.op == NICDIAG_HOST_OP_VHOST_SET_BACKEND) {
		if (v.fd >= 0)
			out_u64("fd", NULL, (uint64_t)v.fd);
		else
			out_bool("backend_removed", NULL, true);
		out_u64("index", NULL, v.index);
	}
	if (v.master[0]) {
		out_str("master", NULL, v.master);
		out_str("port_state", NULL, port_state_name(v.port_state));
		if (v.has_old)
			out_str("old_port_state", NULL, port_state_name(v.old_port_state));
	}
	if (v.pci_addr[0])
		out_str("pci_addr", NULL, v.pci_addr);
	if (v.pci_driver[0])
		out_str("pci_driver", NULL, v.pci_driver);
	if (v.pci_id) {
		snprintf(buf, sizeof(buf), "%04x:%04x", v.pci_id >> 16, v.pci_id & 0xffff);
		out_str("pci_id", NULL, buf);
	}
	out_nest_close();
}
