/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host side of a VM's NIC: tap/tun and macvtap queues, vhost-net,
 * bridge ports, PCI binding and vfio.  Decoding of host events, the cause
 * of a refused step, and `nicctl vms` (the events grouped by process).
 */
#ifndef NICCTL_HOST_H
#define NICCTL_HOST_H

#include <stddef.h>
#include <stdint.h>

#include <netlink/attr.h>

struct nicctl_nl;

extern struct nla_policy host_policy[];

/**
 * struct host_view - the fields of a NICDIAG_EVENT_A_HOST nest
 */
struct host_view {
	unsigned int op, ioctl, err, flags, queues, has_queues, index, pci_id;
	int fd;
	unsigned int port_state, old_port_state, has_port_state, has_old;
	const char *ifname, *master, *pci_addr, *pci_driver;
};

int host_view(struct nlattr *nest, struct host_view *v);
const char *tun_flags_str(unsigned int flags, char *buf, size_t len);
const char *port_state_name(unsigned int state);
const char *nicdiag_host_step(const struct host_view *v);
const char *host_errno_name(unsigned int err);
/* Why a host-side step was refused, and what to do: one sentence each. */
void host_cause(const struct host_view *v, char *cause, size_t clen,
		char *fix, size_t flen);
void describe_host(unsigned int type, struct nlattr *nest);
void print_host(struct nlattr *nest);
int vms_run(struct nicctl_nl *nl, const char *pid);

#endif
