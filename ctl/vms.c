// SPDX-License-Identifier: GPL-2.0
/*
 * nicctl vms: the host side of the history, grouped by the process that
 * acted (on a hypervisor, the VM's QEMU): the taps it attached and their
 * bridge ports, vhost-net, passed-through functions, and every refused
 * step with its cause.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/nicdiag.h>

#include "aer.h"
#include "event.h"
#include "host.h"
#include "nl.h"
#include "print.h"

#define MAX_VMS		64
#define MAX_TAPS	16
#define MAX_PORTS	256
#define MAX_FAILS	16
#define MAX_PCI		8

struct vm_tap {
	char ifname[16];
	char flags[96];
	unsigned int queues;
};

struct vm {
	unsigned int pid;
	char comm[16];
	unsigned int n_events;
	int vmish;	/* attached a tap, set up vhost-net, opened vfio, was refused */
	struct vm_tap taps[MAX_TAPS];
	int ntaps;
	int vhost_owner;
	unsigned int backends;	/* virtqueue indexes given a backend */
	char pci[MAX_PCI][32];
	int npci;
	char fails[MAX_FAILS][600];
	char fixes[MAX_FAILS][512];
	int nfails;
	char aer[MAX_FAILS][400];	/* AER errors on functions passed to it */
	int naer;
};

struct port {
	char ifname[16];
	char master[16];
	unsigned int state;
	int member;
};

struct vms_ctx {
	struct vm vms[MAX_VMS];
	int n;
	struct port ports[MAX_PORTS];
	int nports;
};

static struct vm *vm_of(struct vms_ctx *c, unsigned int pid, const char *comm)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (c->vms[i].pid == pid)
			return &c->vms[i];
	if (c->n == MAX_VMS)
		return NULL;
	c->vms[c->n].pid = pid;
	snprintf(c->vms[c->n].comm, sizeof(c->vms[c->n].comm), "%s", comm);
	return &c->vms[c->n++];
}

static struct port *port_of(struct vms_ctx *c, const char *ifname)
{
	int i;

	for (i = 0; i < c->nports; i++)
		if (!strcmp(c->ports[i].ifname, ifname))
			return &c->ports[i];
	if (c->nports == MAX_PORTS)
		return NULL;
	snprintf(c->ports[c->nports].ifname, sizeof(c->ports[0].ifname), "%s", ifname);
	return &c->ports[c->nports++];
}

static void note_tap(struct vm *vm, const char *ifname, const struct host_view *v)
{
	struct vm_tap *t = NULL;
	int i;

	for (i = 0; i < vm->ntaps; i++)
		if (!strcmp(vm->taps[i].ifname, ifname))
			t = &vm->taps[i];
	if (!t) {
		if (vm->ntaps == MAX_TAPS)
			return;
		t = &vm->taps[vm->ntaps++];
		snprintf(t->ifname, sizeof(t->ifname), "%s", ifname);
	}
	if (v->op == NICDIAG_HOST_OP_TAP_OPEN)
		snprintf(t->flags, sizeof(t->flags), "macvtap");
	else if (v->flags)
		tun_flags_str(v->flags, t->flags, sizeof(t->flags));
	if (v->has_queues)
		t->queues = v->queues;
}

/* An AER error on a function a process took through vfio: that VM's. */
static void vms_aer(struct vms_ctx *c, struct nlattr **ev)
{
	struct nlattr *a[NICDIAG_AER_A_MAX + 1];
	unsigned int sev;
	char bits[256];
	struct vm *vm;

	if (nla_parse_nested(a, NICDIAG_AER_A_MAX, ev[NICDIAG_EVENT_A_AER], aer_policy))
		return;
	vm = vm_of(c, nla_get_u32(ev[NICDIAG_EVENT_A_PID]),
		   ev[NICDIAG_EVENT_A_COMM] ? nla_get_string(ev[NICDIAG_EVENT_A_COMM]) : "?");
	if (!vm || vm->naer == MAX_FAILS)
		return;
	vm->n_events++;
	sev = a[NICDIAG_AER_A_SEVERITY] ? nla_get_u8(a[NICDIAG_AER_A_SEVERITY]) : 0;
	aer_status_str(sev, a[NICDIAG_AER_A_STATUS] ? nla_get_u32(a[NICDIAG_AER_A_STATUS]) : 0,
		       bits, sizeof(bits));
	snprintf(vm->aer[vm->naer++], sizeof(vm->aer[0]), "%s %s on %s", aer_severity_name(sev),
		 bits, a[NICDIAG_AER_A_PCI_ADDR] ? nla_get_string(a[NICDIAG_AER_A_PCI_ADDR]) : "?");
}

static int vms_reply(struct nlattr **tb, void *arg)
{
	struct vms_ctx *c = arg;
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];
	const char *ifname;
	struct host_view v;
	unsigned int type;
	struct port *p;
	struct vm *vm;
	int i;

	if (!tb[NICDIAG_A_EVENT] ||
	    nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL) ||
	    !ev[NICDIAG_EVENT_A_TYPE])
		return 0;
	type = nla_get_u32(ev[NICDIAG_EVENT_A_TYPE]);
	if (type == NICDIAG_EV_AER && ev[NICDIAG_EVENT_A_PID] && ev[NICDIAG_EVENT_A_AER]) {
		vms_aer(c, ev);
		return 0;
	}
	if (host_view(ev[NICDIAG_EVENT_A_HOST], &v))
		return 0;
	ifname = ev[NICDIAG_EVENT_A_IFNAME] ? nla_get_string(ev[NICDIAG_EVENT_A_IFNAME]) : "";
	if (type == NICDIAG_EV_BRIDGE_JOIN || type == NICDIAG_EV_BRIDGE_LEAVE ||
	    type == NICDIAG_EV_PORT_STATE) {
		p = ifname[0] ? port_of(c, ifname) : NULL;
		if (p) {
			snprintf(p->master, sizeof(p->master), "%s", v.master);
			p->state = v.port_state;
			p->member = type != NICDIAG_EV_BRIDGE_LEAVE;
		}
	}
	if (!ev[NICDIAG_EVENT_A_PID])
		return 0;
	vm = vm_of(c, nla_get_u32(ev[NICDIAG_EVENT_A_PID]),
		   ev[NICDIAG_EVENT_A_COMM] ? nla_get_string(ev[NICDIAG_EVENT_A_COMM]) : "?");
	if (!vm)
		return 0;
	vm->n_events++;
	vm->vmish |= type == NICDIAG_EV_TAP_ATTACH || type == NICDIAG_EV_TAP_DETACH ||
		     type == NICDIAG_EV_VHOST_SETUP || type == NICDIAG_EV_VFIO_OPEN ||
		     type == NICDIAG_EV_HOST_FAIL;
	switch (type) {
	case NICDIAG_EV_TAP_ATTACH:
		if (ifname[0] || v.ifname[0])
			note_tap(vm, ifname[0] ? ifname : v.ifname, &v);
		break;
	case NICDIAG_EV_VHOST_SETUP:
		if (v.op == NICDIAG_HOST_OP_VHOST_SET_OWNER)
			vm->vhost_owner = 1;
		else if (v.fd >= 0 && v.index < 32)
			vm->backends |= 1u << v.index;
		break;
	case NICDIAG_EV_VFIO_OPEN:
		for (i = 0; i < vm->npci; i++)
			if (!strcmp(vm->pci[i], v.pci_addr))
				break;
		if (i == vm->npci && vm->npci < MAX_PCI)
			snprintf(vm->pci[vm->npci++], sizeof(vm->pci[0]), "%s", v.pci_addr);
		break;
	case NICDIAG_EV_HOST_FAIL:
		if (vm->nfails < MAX_FAILS) {
			char cause[512];

			host_cause(&v, cause, sizeof(cause), vm->fixes[vm->nfails],
				   sizeof(vm->fixes[0]));
			snprintf(vm->fails[vm->nfails++], sizeof(vm->fails[0]), "%s: %s",
				 v.op == NICDIAG_HOST_OP_PCI_PROBE ? "pci_probe" :
				 (v.ioctl ? "ioctl" : "open"), cause);
		}
		break;
	}
	return 0;
}

/* The VM's name from QEMU's -name, if the process still runs. */
static void vm_name(unsigned int pid, char *name, size_t len, int *alive)
{
	char path[64], buf[4096], *arg, *end;
	size_t n;
	FILE *f;

	name[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%u/cmdline", pid);
	f = fopen(path, "r");
	*alive = f != NULL;
	if (!f)
		return;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (arg = buf, end = buf + n; arg < end; arg += strlen(arg) + 1) {
		if (strcmp(arg, "-name") || arg + strlen(arg) + 1 >= end)
			continue;
		arg += strlen(arg) + 1;
		if (!strncmp(arg, "guest=", 6))
			arg += 6;
		snprintf(name, len, "%.*s", (int)strcspn(arg, ","), arg);
		return;
	}
}

static void print_vm(struct vms_ctx *c, struct vm *vm)
{
	char name[64], buf[160];
	int alive, i, j;

	vm_name(vm->pid, name, sizeof(name), &alive);
	out_obj_open();
	out_u64("pid", "process %" PRIu64, vm->pid);
	out_str("comm", " (%s", vm->comm);
	out_str("name", name[0] ? ", VM %s" : NULL, name);
	out_bool("running", NULL, alive);
	out_text(", %s): ", alive ? "running" : "gone");
	out_u64("events", "%" PRIu64 " events\n", vm->n_events);
	out_arr_open("taps");
	for (i = 0; i < vm->ntaps; i++) {
		struct port *p = NULL;

		for (j = 0; j < c->nports; j++)
			if (!strcmp(c->ports[j].ifname, vm->taps[i].ifname) && c->ports[j].member)
				p = &c->ports[j];
		char q[24] = "queues";

		if (vm->taps[i].queues)	/* unknown for macvtap */
			snprintf(q, sizeof(q), "%u queue%s", vm->taps[i].queues,
				 vm->taps[i].queues == 1 ? "" : "s");
		snprintf(buf, sizeof(buf), "%s: %s (%s)%s%s%s%s", vm->taps[i].ifname, q,
			 vm->taps[i].flags[0] ? vm->taps[i].flags : "?",
			 p ? ", bridge " : "", p ? p->master : "", p ? " port " : "",
			 p ? port_state_name(p->state) : "");
		out_arr_str(buf);
		out_text("    tap %s\n", buf);
	}
	out_arr_close();
	out_bool("vhost_owner", NULL, vm->vhost_owner);
	out_u64("vhost_backends", NULL, vm->backends);
	if (vm->vhost_owner || vm->backends)
		out_text("    vhost-net: %s, backends on virtqueues mask 0x%x\n",
			 vm->vhost_owner ? "owner set" : "no owner", vm->backends);
	out_arr_open("vfio");
	for (i = 0; i < vm->npci; i++) {
		out_arr_str(vm->pci[i]);
		out_text("    passthrough %s (vfio-pci)\n", vm->pci[i]);
	}
	out_arr_close();
	out_arr_open("aer");
	for (i = 0; i < vm->naer; i++) {
		out_arr_str(vm->aer[i]);
		out_text("    aer: %s\n", vm->aer[i]);
	}
	out_arr_close();
	out_arr_open("failures");
	for (i = 0; i < vm->nfails; i++) {
		snprintf(buf, sizeof(buf), "%s", vm->fails[i]);
		out_arr_str(vm->fails[i]);
		out_text("    failed: %s\n      fix: %s\n", vm->fails[i], vm->fixes[i]);
	}
	out_arr_close();
	out_obj_close();
}

/**
 * vms_run() - nicctl vms [PID]
 * @nl: the open family
 * @pid: one process id, or NULL for all
 *
 * Return: an exit code.
 */
int vms_run(struct nicctl_nl *nl, const char *pid)
{
	struct vms_ctx *c = calloc(1, sizeof(*c));
	int i, r, shown = 0;

	if (!c)
		return EXIT_ERROR;
	r = nl_request(nl, NICDIAG_CMD_EVENT_GET, true, NULL, vms_reply, c);
	for (i = 0; !r && i < c->n; i++) {
		/* Binding drivers or bridging (modprobe, ip) is not a VM. */
		if (pid ? strtoul(pid, NULL, 10) != c->vms[i].pid : !c->vms[i].vmish)
			continue;
		print_vm(c, &c->vms[i]);
		shown++;
	}
	free(c);
	if (!r && !shown && pid) {
		fprintf(stderr, "nicctl: no host-side events of process %s\n", pid);
		return EXIT_NODEV;
	}
	return r;
}
