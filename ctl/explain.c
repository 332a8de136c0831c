// SPDX-License-Identifier: GPL-2.0
/*
 * nicctl explain: per virtio-net device, the root cause in one line, the
 * evidence under it and a fix in the terms operators use (QEMU
 * -device virtio-net-pci properties, libvirt <interface> elements).
 *
 * The module records evidence only (PROBE_OK / PROBE_FAIL / SETUP_SCAN
 * snapshots); the diagnosis is here.  Feature dependencies are not a list
 * of ours: they are read from the kernel's own refusal ("device advertises
 * feature X but not Y"), which comes from the running kernel's table.
 */
#include <errno.h>
#include <stdarg.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/nicdiag.h>

#include "aer.h"
#include "event.h"
#include "explain.h"
#include "host.h"
#include "nl.h"
#include "pcie.h"
#include "print.h"
#include "sysfs.h"
#include "virtio.h"

#define MAX_EVIDENCE 12
#define LINE 512

struct finding {
	char cause[LINE];
	char fix[LINE];
};

struct diagnosis {
	const char *verdict;	/* "failed", "stalled", "flapping", "degraded", "healthy" */
	char name[32];		/* netdev, or the virtio device when none */
	char vdev[32];
	char pci[32];
	struct finding root;
	int nother;
	struct finding other[6];
	int nevidence;
	char evidence[MAX_EVIDENCE][LINE];
};

static void evidence(struct diagnosis *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void evidence(struct diagnosis *d, const char *fmt, ...)
{
	va_list ap;

	if (d->nevidence == MAX_EVIDENCE)
		return;
	va_start(ap, fmt);
	vsnprintf(d->evidence[d->nevidence++], LINE, fmt, ap);
	va_end(ap);
}

static void print_diagnosis(const struct diagnosis *d, bool brief);

/* Record a degradation: the first becomes the root cause. */
static struct finding *finding(struct diagnosis *d)
{
	if (!d->root.cause[0])
		return &d->root;
	if (d->nother < (int)(sizeof(d->other) / sizeof(d->other[0])))
		return &d->other[d->nother++];
	return NULL;
}

static uint32_t u32a(struct nlattr **st, int a)
{
	return st[a] ? nla_get_u32(st[a]) : 0;
}

static uint64_t u64a(struct nlattr **st, int a)
{
	return st[a] ? nla_get_u64(st[a]) : 0;
}

/* "device advertises feature X but not Y": the kernel's own rule. */
static bool feature_dependency(struct nlattr *nest, char *x, char *y, size_t len)
{
	struct nlattr *a;
	regex_t re;
	regmatch_t m[3];
	int rem;
	bool found = false;

	if (regcomp(&re, "advertises feature ([A-Z0-9_]+) but not ([A-Z0-9_]+)",
		    REG_EXTENDED))
		return false;
	nla_for_each_nested(a, nest, rem) {
		const char *s;

		if (nla_type(a) != NICDIAG_SETUP_A_LOG)
			continue;
		s = nla_get_string(a);
		if (regexec(&re, s, 3, m, 0))
			continue;
		snprintf(x, len, "%.*s", (int)(m[1].rm_eo - m[1].rm_so), s + m[1].rm_so);
		snprintf(y, len, "%.*s", (int)(m[2].rm_eo - m[2].rm_so), s + m[2].rm_so);
		found = true;
	}
	regfree(&re);
	return found;
}

static void diagnose_failure(struct diagnosis *d, struct nlattr **st,
			     struct nlattr *nest, unsigned int type)
{
	char x[64], y[64];
	unsigned int err = u32a(st, NICDIAG_SETUP_A_ERRNO);
	unsigned int stage = u32a(st, NICDIAG_SETUP_A_STAGE);
	const char *px, *py;

	d->verdict = "failed";
	if (feature_dependency(nest, x, y, sizeof(x))) {
		px = feature_qemu_prop(x);
		py = feature_qemu_prop(y);
		snprintf(d->root.cause, LINE,
			 "the device offers %s without %s, which it depends on: virtio_net refused the device, so no NIC appeared",
			 x, y);
		snprintf(d->root.fix, LINE,
			 "QEMU: -device virtio-net-pci,...,%s=on (or %s=off: %s needs %s); libvirt: remove the <qemu:override>/<qemu:arg> that turns %s off (libvirt leaves it on)",
			 py ? py : y, px ? px : x, px ? px : x, py ? py : y, py ? py : y);
		return;
	}
	if (type == NICDIAG_EV_SETUP_SCAN && !st[NICDIAG_SETUP_A_ERRNO]) {
		snprintf(d->root.cause, LINE,
			 "the driver's probe failed before nicdiag was loaded (status FAILED, no driver bound); the errno was not seen");
		snprintf(d->root.fix, LINE,
			 "load nicdiag early (initramfs) to record the errno, or rebind: echo %s > /sys/bus/virtio/drivers/virtio_net/bind; check the kernel log lines below",
			 st[NICDIAG_SETUP_A_VIRTIO_DEV] ? nla_get_string(st[NICDIAG_SETUP_A_VIRTIO_DEV]) : "virtioN");
		return;
	}
	if (err == ENOMEM) {
		snprintf(d->root.cause, LINE, "out of memory while setting up the device (ENOMEM)");
		snprintf(d->root.fix, LINE,
			 "give the guest more memory, or smaller rings: rx_queue_size=/tx_queue_size= on -device virtio-net-pci");
	} else if (err == ENOSPC || err == E2BIG || err == ERANGE) {
		snprintf(d->root.cause, LINE,
			 "no interrupt vectors or queues could be set up (%s)", errno_name(err));
		snprintf(d->root.fix, LINE,
			 "QEMU: vectors=2*queues+2 on -device virtio-net-pci; libvirt: <driver queues='N'/> (libvirt sets vectors)");
	} else if (stage == NICDIAG_STAGE_FEATURES) {
		snprintf(d->root.cause, LINE,
			 "feature negotiation failed (%s): the device did not accept the features the driver chose",
			 errno_name(err));
		snprintf(d->root.fix, LINE,
			 "compare the offered features below with the QEMU -device virtio-net-pci properties you set; remove the overrides");
	} else {
		snprintf(d->root.cause, LINE,
			 "virtio_net's probe failed with %s after feature negotiation (queue, vector or netdev setup)",
			 errno_name(err));
		snprintf(d->root.fix, LINE,
			 "see the kernel log lines below; check queues=, vectors=, rx_queue_size= on -device virtio-net-pci");
	}
}

static void diagnose_degradations(struct diagnosis *d, struct nlattr **st)
{
	uint64_t neg = u64a(st, NICDIAG_SETUP_A_FEATURES_NEGOTIATED);
	/* A snapshot from sysfs alone knows the negotiated features only. */
	uint64_t off = st[NICDIAG_SETUP_A_FEATURES_OFFERED] ?
		       u64a(st, NICDIAG_SETUP_A_FEATURES_OFFERED) : neg;
	unsigned int irq = st[NICDIAG_SETUP_A_IRQ_MODE] ? nla_get_u8(st[NICDIAG_SETUP_A_IRQ_MODE]) : 0;
	unsigned int vectors = u32a(st, NICDIAG_SETUP_A_MSIX_VECTORS);
	unsigned int vqs = u32a(st, NICDIAG_SETUP_A_NUM_VQS);
	unsigned int maxqp = u32a(st, NICDIAG_SETUP_A_MAX_QUEUE_PAIRS);
	unsigned int qp = u32a(st, NICDIAG_SETUP_A_QUEUE_PAIRS);
	unsigned int cpus = u32a(st, NICDIAG_SETUP_A_CPUS);
	unsigned int pairs = maxqp > 1 ? maxqp : 1;
	struct finding *f;

	if (irq == NICDIAG_IRQ_INTX && (f = finding(d))) {
		snprintf(f->cause, LINE,
			 "interrupts: legacy INTx instead of MSI-X (the device offers %u MSI-X vectors)", vectors);
		snprintf(f->fix, LINE,
			 "QEMU: vectors=%u on -device virtio-net-pci (2*queues+2; vectors=0 or 1 forces INTx); libvirt: drop the vectors override, <driver queues='%u'/>",
			 2 * pairs + 2, pairs);
	} else if (irq == NICDIAG_IRQ_MSIX && vqs && vectors < vqs + 1 && (f = finding(d))) {
		snprintf(f->cause, LINE,
			 "interrupts: one shared MSI-X vector for all %u virtqueues (the device offers %u vectors, %u needed)",
			 vqs, vectors, vqs + 1);
		snprintf(f->fix, LINE,
			 "QEMU: vectors=%u on -device virtio-net-pci; libvirt: drop the vectors override, <driver queues='%u'/>",
			 2 * pairs + 2, pairs);
	}
	if (maxqp > 1 && qp && qp < maxqp && (f = finding(d))) {
		if (cpus && qp >= cpus) {
			snprintf(f->cause, LINE,
				 "%u of %u queue pairs in use: the guest has %u vCPUs and virtio_net uses one pair per CPU (by design)",
				 qp, maxqp, cpus);
			snprintf(f->fix, LINE,
				 "give the VM %u vCPUs, or offer queues=%u on the tap netdev; libvirt: <vcpu>%u</vcpu> or <driver queues='%u'/>",
				 maxqp, cpus, maxqp, cpus);
		} else {
			snprintf(f->cause, LINE, "only %u of %u offered queue pairs in use", qp, maxqp);
			snprintf(f->fix, LINE, "in the guest: ethtool -L <dev> combined %u", maxqp);
		}
	}
	if (!(off & (1ULL << VIRTIO_F_VERSION_1_BIT)) && (f = finding(d))) {
		snprintf(f->cause, LINE, "legacy virtio transport: the device does not offer VIRTIO_F_VERSION_1");
		snprintf(f->fix, LINE,
			 "QEMU: remove disable-modern=on (or set disable-legacy=on) and plug it into a pcie-root-port; libvirt: <model type='virtio'/> on a PCIe controller");
	}
	if ((off & (1ULL << VNET_F_MTU)) && !(neg & (1ULL << VNET_F_MTU)) && (f = finding(d))) {
		snprintf(f->cause, LINE,
			 "the device's MTU %u was ignored: below the minimum of 68, so the driver dropped VIRTIO_NET_F_MTU and uses 1500",
			 u32a(st, NICDIAG_SETUP_A_DEVICE_MTU));
		snprintf(f->fix, LINE,
			 "QEMU: host_mtu=1500 (68..65535) on -device virtio-net-pci, or drop it; libvirt: <mtu size='1500'/> in <interface>");
	}
	if (!(off & (1ULL << VNET_F_STATUS)) && (f = finding(d))) {
		snprintf(f->cause, LINE,
			 "no VIRTIO_NET_F_STATUS: link changes are invisible to the guest (carrier is always on)");
		snprintf(f->fix, LINE,
			 "QEMU: status=on (remove status=off) on -device virtio-net-pci; libvirt: remove the <qemu:override> that sets status");
	}
	d->verdict = d->root.cause[0] ? "degraded" : "healthy";
	if (!d->root.cause[0] && !st[NICDIAG_SETUP_A_NUM_VQS])
		/* From sysfs: queues are not known there. */
		snprintf(d->root.cause, LINE, "set up with %s (%u vectors), %s transport",
			 irq == NICDIAG_IRQ_MSIX ? "MSI-X" : irq == NICDIAG_IRQ_MSI ? "MSI" : "INTx",
			 vectors, off & (1ULL << VIRTIO_F_VERSION_1_BIT) ? "modern" : "legacy");
	else if (!d->root.cause[0])
		snprintf(d->root.cause, LINE,
			 "set up with %s (%u vectors for %u virtqueues), %u/%u queue pairs, %s transport",
			 irq == NICDIAG_IRQ_MSIX ? "MSI-X" : irq == NICDIAG_IRQ_MSI ? "MSI" : "INTx",
			 vectors, vqs, qp ? qp : 1, pairs,
			 off & (1ULL << VIRTIO_F_VERSION_1_BIT) ? "modern" : "legacy");
}

static void evidence_resources(struct diagnosis *d, struct nlattr **st)
{
	static const char *const irq[] = { "unknown", "INTx", "MSI", "MSI-X" };
	unsigned int mode = st[NICDIAG_SETUP_A_IRQ_MODE] ?
			    nla_get_u8(st[NICDIAG_SETUP_A_IRQ_MODE]) % 4 : 0;
	char qp[96], vqs[32] = "", cpus[32] = "";

	if (u32a(st, NICDIAG_SETUP_A_MAX_QUEUE_PAIRS))
		snprintf(qp, sizeof(qp), ", %u of %u offered queue pairs in use",
			 u32a(st, NICDIAG_SETUP_A_QUEUE_PAIRS),
			 u32a(st, NICDIAG_SETUP_A_MAX_QUEUE_PAIRS));
	else if (st[NICDIAG_SETUP_A_NUM_VQS])
		snprintf(qp, sizeof(qp), ", one queue pair (multiqueue not offered)");
	else
		qp[0] = '\0';	/* a snapshot from sysfs: queues unknown */
	if (st[NICDIAG_SETUP_A_NUM_VQS])
		snprintf(vqs, sizeof(vqs), ", %u virtqueues", u32a(st, NICDIAG_SETUP_A_NUM_VQS));
	if (st[NICDIAG_SETUP_A_CPUS])
		snprintf(cpus, sizeof(cpus), ", %u CPUs", u32a(st, NICDIAG_SETUP_A_CPUS));
	evidence(d, "interrupts %s, %u MSI-X vectors%s%s%s",
		 irq[mode], u32a(st, NICDIAG_SETUP_A_MSIX_VECTORS), vqs, qp, cpus);
}

/**
 * stall_note() - fold one queue event into a device's stall summary
 * @si: the summary
 * @type: the event type
 * @cause: the event's cause
 * @queue: its NICDIAG_EVENT_A_QUEUE nest
 */
void stall_note(struct dev_history *si, unsigned int type, unsigned int cause,
		struct nlattr *queue)
{
	struct nlattr *q[NICDIAG_QUEUE_A_MAX + 1];

	if (!queue || nla_parse_nested(q, NICDIAG_QUEUE_A_MAX, queue, queue_policy))
		return;
	switch (type) {
	case NICDIAG_EV_TX_STALL:
		si->n_stall++;
		si->stalled = 1;
		si->queue = u32a(q, NICDIAG_QUEUE_A_INDEX);
		si->stopped_ms = u32a(q, NICDIAG_QUEUE_A_STOPPED_MS);
		si->vq_free = u32a(q, NICDIAG_QUEUE_A_VQ_FREE);
		si->vq_size = u32a(q, NICDIAG_QUEUE_A_VQ_SIZE);
		si->outstanding = queue_not_consumed(q);
		si->xoff = q[NICDIAG_QUEUE_A_XOFF] ? nla_get_u8(q[NICDIAG_QUEUE_A_XOFF]) : 0;
		snprintf(si->vq, sizeof(si->vq), "%s",
			 q[NICDIAG_QUEUE_A_VQ_NAME] ? nla_get_string(q[NICDIAG_QUEUE_A_VQ_NAME]) : "");
		si->status = q[NICDIAG_QUEUE_A_STATUS] ? nla_get_u8(q[NICDIAG_QUEUE_A_STATUS]) : -1;
		break;
	case NICDIAG_EV_TX_RESUME:
		si->stalled = 0;
		si->last_ms = u32a(q, NICDIAG_QUEUE_A_DURATION_MS);
		si->last_link_down = cause == NICDIAG_CAUSE_LINK_DOWN;
		break;
	case NICDIAG_EV_TX_TIMEOUT:
		si->n_timeout++;
		break;
	case NICDIAG_EV_VQ_BROKEN:
		snprintf(si->broken, sizeof(si->broken), "%s",
			 q[NICDIAG_QUEUE_A_VQ_NAME] ? nla_get_string(q[NICDIAG_QUEUE_A_VQ_NAME]) : "?");
		break;
	case NICDIAG_EV_NEEDS_RESET:
		si->needs_reset = 1;
		break;
	}
}

/**
 * aer_note() - fold one AER event into a device's summary
 * @si: the summary
 * @nest: the event's NICDIAG_EVENT_A_AER
 */
void aer_note(struct dev_history *si, struct nlattr *nest)
{
	struct nlattr *a[NICDIAG_AER_A_MAX + 1];
	unsigned int sev;

	if (!nest || nla_parse_nested(a, NICDIAG_AER_A_MAX, nest, aer_policy))
		return;
	if (a[NICDIAG_AER_A_RECOVERY]) {
		si->aer_recovery = nla_get_u8(a[NICDIAG_AER_A_RECOVERY]);
		return;
	}
	sev = a[NICDIAG_AER_A_SEVERITY] ? nla_get_u8(a[NICDIAG_AER_A_SEVERITY]) : 0;
	si->n_aer++;
	if (sev == NICDIAG_AER_CORRECTABLE && si->aer_unc)
		return;	/* keep the uncorrectable one as the evidence */
	if (sev != NICDIAG_AER_CORRECTABLE)
		si->aer_unc++;
	si->aer_sev = sev;
	si->aer_handlers = a[NICDIAG_AER_A_HANDLERS] ? nla_get_u8(a[NICDIAG_AER_A_HANDLERS]) : 0;
	snprintf(si->aer_pci, sizeof(si->aer_pci), "%s",
		 a[NICDIAG_AER_A_PCI_ADDR] ? nla_get_string(a[NICDIAG_AER_A_PCI_ADDR]) : "?");
	aer_status_str(sev, a[NICDIAG_AER_A_STATUS] ? nla_get_u32(a[NICDIAG_AER_A_STATUS]) : 0,
		       si->aer_bits, sizeof(si->aer_bits));
}

/* What the AER events add; an unrecoverable error is the root cause. */
static void diagnose_aer(struct diagnosis *d, const struct dev_history *si)
{
	struct finding *f;

	if (!si || !si->n_aer)
		return;
	if (si->aer_unc && !si->aer_handlers) {
		d->verdict = "failed";
		snprintf(d->root.cause, LINE,
			 "uncorrectable PCIe AER error (%s: %s) on %s, and its driver has no AER error handlers: the kernel could not recover the device",
			 aer_severity_name(si->aer_sev), si->aer_bits, si->aer_pci);
		evidence(d, "%u AER report(s), %u uncorrectable; recovery: %s", si->n_aer, si->aer_unc,
			 si->aer_recovery == NICDIAG_AER_RECOVERY_FAILED ? "failed (kernel log)" :
			 si->aer_recovery == NICDIAG_AER_RECOVERY_OK ? "successful (kernel log)" :
			 "no outcome logged");
		snprintf(d->root.fix, LINE,
			 "reset the function (echo 1 > /sys/bus/pci/devices/%s/remove; echo 1 > /sys/bus/pci/rescan) or reboot the guest; on the host, look at the device and slot behind it ('nicctl watch' there shows host-side AER)",
			 si->aer_pci);
		return;
	}
	f = finding(d);
	if (f) {
		snprintf(f->cause, LINE, "%u PCIe AER report(s) on %s, latest %s: %s", si->n_aer,
			 si->aer_pci, aer_severity_name(si->aer_sev), si->aer_bits);
		snprintf(f->fix, LINE, "correctable errors are fixed by the hardware; many of them point at a bad slot, riser or link");
	}
}

/* PCIe link health of the NIC's function: evidence, and a degradation. */
static void diagnose_link(struct diagnosis *d, const char *pci)
{
	struct pcie_link l;
	struct finding *f;
	char buf[256];

	if (!pci || !pci[0] || !strcmp(pci, "-") || pcie_link_read(pci, &l))
		return;
	pcie_link_str(&l, buf, sizeof(buf));
	evidence(d, "PCIe link %s%s", buf, l.degraded ? ": DEGRADED" : "");
	if (!l.degraded)
		return;
	f = finding(d);
	if (!f)
		return;
	snprintf(f->cause, LINE, "PCIe link degraded: trained at %g GT/s x%u, both ends can do %g GT/s x%u",
		 l.speed, l.width, l.cap_speed, l.cap_width);
	snprintf(f->fix, LINE, "reseat the card or move it to another slot; check the riser and the slot's link-speed setting in the firmware");
}

/**
 * flap_note() - fold one flapping or flap_end event into a device's summary
 * @si: the summary
 * @type: NICDIAG_EV_FLAPPING or NICDIAG_EV_FLAP_END
 * @link: the event's NICDIAG_EVENT_A_LINK nest
 */
void flap_note(struct dev_history *si, unsigned int type, struct nlattr *link)
{
	struct nlattr *l[NICDIAG_LINK_A_MAX + 1];

	if (!link || nla_parse_nested(l, NICDIAG_LINK_A_MAX, link, NULL))
		return;
	if (type == NICDIAG_EV_FLAPPING) {
		si->n_flap++;
		si->flapping = 1;
		si->flap_changes = u32a(l, NICDIAG_LINK_A_FLAP_COUNT);
		si->flap_window_ms = u32a(l, NICDIAG_LINK_A_FLAP_WINDOW_MS);
	} else if (type == NICDIAG_EV_FLAP_END) {
		si->flapping = 0;
		si->flap_suppressed = u32a(l, NICDIAG_LINK_A_FLAP_COUNT);
		si->flap_stable_ms = u32a(l, NICDIAG_LINK_A_FLAP_WINDOW_MS);
	}
	si->carrier = l[NICDIAG_LINK_A_CARRIER] && nla_get_u8(l[NICDIAG_LINK_A_CARRIER]);
	si->carrier_up = u32a(l, NICDIAG_LINK_A_CARRIER_UP_COUNT);
	si->carrier_down = u32a(l, NICDIAG_LINK_A_CARRIER_DOWN_COUNT);
}

/* Move a degradation out of the root cause, for a worse one to take it. */
static void demote_root(struct diagnosis *d)
{
	struct finding *f;

	if (strcmp(d->verdict, "degraded"))
		return;
	if (d->nother < (int)(sizeof(d->other) / sizeof(d->other[0]))) {
		f = &d->other[d->nother++];
		*f = d->root;
	}
}

/* What the flapping events add: a link flapping now is the root cause
 * unless the device failed or stalled. */
static void diagnose_flaps(struct diagnosis *d, const struct dev_history *si)
{
	struct finding *f;

	if (!si || !si->n_flap)
		return;
	if (si->flapping && (!strcmp(d->verdict, "healthy") || !strcmp(d->verdict, "degraded"))) {
		demote_root(d);
		d->verdict = "flapping";
		snprintf(d->root.cause, LINE,
			 "the link is flapping: %u carrier changes within %u ms, and it goes on; the guest sees its link go down and up",
			 si->flap_changes, si->flap_window_ms);
		evidence(d, "%u flapping episode(s) in the history; single carrier events are suppressed until the link is stable",
			 si->n_flap);
		evidence(d, "the kernel's counters: %u carrier-down and %u carrier-up transitions since the device appeared",
			 si->carrier_down, si->carrier_up);
		snprintf(d->root.fix, LINE,
			 "on the host, find what drives this NIC's link up and down: QMP/virsh set_link (virsh domif-setlink), the tap's carrier, the bridge or bond port and the physical NIC under it; 'nicctl watch' on the host shows their side");
		return;
	}
	f = finding(d);
	if (f) {
		if (si->flapping)
			snprintf(f->cause, LINE, "the link is flapping too: %u carrier changes within %u ms",
				 si->flap_changes, si->flap_window_ms);
		else
			snprintf(f->cause, LINE,
				 "%u link flapping episode(s) in the history; the latest ended after %u ms stable, %u carrier events suppressed, carrier %s now",
				 si->n_flap, si->flap_stable_ms, si->flap_suppressed, si->carrier ? "on" : "off");
		snprintf(f->fix, LINE, "see 'nicctl events' for when; on the host, what toggled the link then (set_link, tap carrier, bridge or bond port)");
	}
}

/* What the queue events add to a diagnosis; may set the root cause. */
static void diagnose_queues(struct diagnosis *d, const struct dev_history *si)
{
	struct finding *f;

	if (!si)
		return;
	if (si->broken[0] || si->needs_reset) {
		d->verdict = "failed";
		snprintf(d->root.cause, LINE, "%s%s%s",
			 si->needs_reset ? "the device set NEEDS_RESET" : "",
			 si->needs_reset && si->broken[0] ? " and " : "",
			 si->broken[0] ? "a virtqueue is broken: the driver stopped using it" : "");
		if (si->broken[0])
			evidence(d, "virtqueue %s marked broken", si->broken);
		snprintf(d->root.fix, LINE, "reset the device (unbind/bind virtio_net or reboot the guest); report the backend with 'nicctl events'");
	} else if (si->stalled) {
		d->verdict = "stalled";
		snprintf(d->root.cause, LINE,
			 "TX queue %u is stalled: stopped %u ms with no transmit%s", si->queue,
			 si->stopped_ms,
			 si->outstanding ? "; the backend stopped consuming the TX ring" : "");
		if (si->vq[0])
			evidence(d, "virtqueue %s: %u of %u descriptors free, %u posted and not used by the device",
				 si->vq, si->vq_free, si->vq_size, si->outstanding);
		if (si->xoff)
			evidence(d, "queue stopped by %s", si->xoff == NICDIAG_XOFF_STACK ?
				 "byte queue limits (bytes in flight never completed)" :
				 "the driver (TX ring full)");
		if (si->n_timeout)
			evidence(d, "kernel TX watchdog fired %u times", si->n_timeout);
		snprintf(d->root.fix, LINE,
			 "on the host, find what serves this NIC (QEMU netdev, vhost-net, the tap's reader or the socket peer) and why it stopped reading; 'nicctl watch' on the host shows its side");
	} else if (si->n_stall) {
		f = finding(d);
		if (f) {
			snprintf(f->cause, LINE, "%u TX stall(s) in the history, the latest lasted %u ms and ended %s",
				 si->n_stall, si->last_ms, si->last_link_down ?
				 "when the device went down (the queue never moved)" :
				 "(the queue moved again)");
			snprintf(f->fix, LINE, "see 'nicctl events' for when; a backend that pauses (host overload, migration) stalls the guest's TX");
		}
	}
}

/**
 * diagnose_setup() - diagnose one setup snapshot
 * @ifname: the netdev, or "" when none
 * @type: the event type the snapshot came with
 * @nest: the NICDIAG_EVENT_A_SETUP nest
 * @si: what the device's queue, AER and flapping events say, or NULL
 *
 * Return: the diagnosis (free() it), or NULL if @nest is malformed.
 */
static struct diagnosis *diagnose_setup(const char *ifname, unsigned int type,
					struct nlattr *nest, const struct dev_history *si)
{
	struct nlattr *st[NICDIAG_SETUP_A_MAX + 1];
	struct diagnosis *d = calloc(1, sizeof(*d));
	const char *vdev, *pci;
	unsigned int status;
	char buf[1024];
	struct nlattr *a;
	int rem;

	if (!d || nla_parse_nested(st, NICDIAG_SETUP_A_MAX, nest, setup_policy)) {
		free(d);
		return NULL;
	}
	vdev = st[NICDIAG_SETUP_A_VIRTIO_DEV] ? nla_get_string(st[NICDIAG_SETUP_A_VIRTIO_DEV]) : "?";
	pci = st[NICDIAG_SETUP_A_PCI_ADDR] ? nla_get_string(st[NICDIAG_SETUP_A_PCI_ADDR]) : "-";
	status = st[NICDIAG_SETUP_A_STATUS] ? nla_get_u8(st[NICDIAG_SETUP_A_STATUS]) : 0;
	snprintf(d->name, sizeof(d->name), "%s", ifname && ifname[0] ? ifname : vdev);
	snprintf(d->vdev, sizeof(d->vdev), "%s", vdev);
	snprintf(d->pci, sizeof(d->pci), "%s", pci);

	status_str(status, buf, sizeof(buf));
	if (type == NICDIAG_EV_PROBE_FAIL)
		evidence(d, "probe returned %s (-%u); status 0x%02x %s", errno_name(u32a(st, NICDIAG_SETUP_A_ERRNO)),
			 u32a(st, NICDIAG_SETUP_A_ERRNO), status, buf);
	else
		evidence(d, "status 0x%02x %s; driver %s", status, buf,
			 st[NICDIAG_SETUP_A_DRIVER_BOUND] && nla_get_u8(st[NICDIAG_SETUP_A_DRIVER_BOUND]) ?
			 "bound" : "not bound");

	if (type == NICDIAG_EV_PROBE_FAIL || (status & VSTAT_FAILED))
		diagnose_failure(d, st, nest, type);
	else if (status & VSTAT_NEEDS_RESET) {
		d->verdict = "failed";
		snprintf(d->root.cause, LINE, "the device set NEEDS_RESET: it stopped working and must be reset");
		snprintf(d->root.fix, LINE, "reset it: unbind and bind virtio_net, or reboot the guest; report the backend");
	} else if (!(st[NICDIAG_SETUP_A_DRIVER_BOUND] && nla_get_u8(st[NICDIAG_SETUP_A_DRIVER_BOUND]))) {
		d->verdict = "failed";
		snprintf(d->root.cause, LINE, "no driver bound and no probe failure: virtio_net is not loaded, or the device was unbound");
		snprintf(d->root.fix, LINE, "modprobe virtio_net (and put it in the initramfs)");
	} else {
		diagnose_degradations(d, st);
	}
	diagnose_queues(d, si);
	diagnose_aer(d, si);
	diagnose_flaps(d, si);
	diagnose_link(d, pci);

	if (st[NICDIAG_SETUP_A_DRIVER_BOUND] && nla_get_u8(st[NICDIAG_SETUP_A_DRIVER_BOUND]))
		evidence_resources(d, st);
	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == NICDIAG_SETUP_A_LOG)
			evidence(d, "kernel: %s", nla_get_string(a));
	if (st[NICDIAG_SETUP_A_FEATURES_OFFERED] || !st[NICDIAG_SETUP_A_FEATURES_NEGOTIATED]) {
		features_str(u64a(st, NICDIAG_SETUP_A_FEATURES_OFFERED), buf, sizeof(buf));
		evidence(d, "offered: %s", buf);
	} else {
		features_str(u64a(st, NICDIAG_SETUP_A_FEATURES_NEGOTIATED), buf, sizeof(buf));
		evidence(d, "features (sysfs): %s", buf);
	}
	return d;
}

/**
 * explain_setup() - diagnose one setup snapshot and print it
 * @ifname: the netdev, or "" when none
 * @type: the event type the snapshot came with
 * @nest: the NICDIAG_EVENT_A_SETUP nest
 * @si: what the device's other events say, or NULL
 */
void explain_setup(const char *ifname, unsigned int type, struct nlattr *nest,
		   const struct dev_history *si)
{
	struct diagnosis *d = diagnose_setup(ifname, type, nest, si);

	if (d)
		print_diagnosis(d, false);
	free(d);
}

/* A device known only from its queue, AER or flapping events (not
 * virtio-net, or no setup record). */
static struct diagnosis *diagnose_history_only(const char *ifname, const struct dev_history *si)
{
	struct diagnosis *d = calloc(1, sizeof(*d));

	if (!d)
		return NULL;
	d->verdict = "healthy";
	snprintf(d->name, sizeof(d->name), "%s", ifname);
	snprintf(d->vdev, sizeof(d->vdev), "-");
	snprintf(d->pci, sizeof(d->pci), "-");
	snprintf(d->root.cause, LINE, "no queue problem now");
	diagnose_queues(d, si);
	diagnose_aer(d, si);
	diagnose_flaps(d, si);
	return d;
}

/*
 * The one printer of a diagnosis, text and JSON.  @brief: the cause line
 * only (and in JSON the identity, verdict and cause).
 */
static void print_diagnosis(const struct diagnosis *d, bool brief)
{
	char buf[1024];
	int i;

	out_obj_open();
	out_str("device", "%s", d->name);
	out_str("virtio_dev", " (%s", d->vdev);
	out_str("pci_addr", " %s)", d->pci);
	out_str("verdict", ": %s", d->verdict);
	out_str("cause", ": %s\n", d->root.cause);
	if (brief) {
		if (out_json())
			out_obj_close();
		return;
	}
	out_arr_open("evidence");
	for (i = 0; i < d->nevidence; i++) {
		out_arr_str(d->evidence[i]);
		out_text("    evidence: %s\n", d->evidence[i]);
	}
	out_arr_close();
	if (d->root.fix[0])
		out_str("fix", "    fix: %s\n", d->root.fix);
	out_arr_open("also");
	for (i = 0; i < d->nother; i++) {
		snprintf(buf, sizeof(buf), "%s; fix: %s", d->other[i].cause, d->other[i].fix);
		out_arr_str(buf);
		out_text("    also: %s\n", buf);
	}
	out_arr_close();
	if (out_json())
		out_obj_close();
}

/* ---- collecting the latest snapshot per device ---------------------------- */

struct snap {
	char vdev[32];
	char ifname[16];
	unsigned int type;
	struct nlattr *nest;	/* copy */
	struct dev_history si;
	struct diagnosis *d;	/* made by explain_diagnose() */
};

/* A refused host-side step, the same one counted once. */
struct host_fail {
	struct host_view v;
	char ifname[16], comm[16];
	char v_ifname[16], v_pci[32], v_driver[32];
	unsigned int pid, count;
};

/* A watched device's latest state as a bridge port. */
struct host_port {
	char ifname[16], master[16];
	unsigned int state, member;
};

#define MAX_HOST 32

struct explain_set {
	struct snap *snaps;
	int n, cap;
	struct host_fail fails[MAX_HOST];
	int nfails;
	struct host_port ports[MAX_HOST];
	int nports;
	bool host_done;
};

static struct snap *new_snap(struct explain_set *c)
{
	if (c->n == c->cap) {
		int cap = c->cap ? 2 * c->cap : 64;
		struct snap *s = realloc(c->snaps, cap * sizeof(*s));

		if (!s)
			return NULL;
		c->snaps = s;
		c->cap = cap;
	}
	memset(&c->snaps[c->n], 0, sizeof(c->snaps[0]));
	return &c->snaps[c->n++];
}

/**
 * explain_new() - an empty set of devices to diagnose
 *
 * Return: the set, or NULL when out of memory.
 */
struct explain_set *explain_new(void)
{
	return calloc(1, sizeof(struct explain_set));
}

void explain_free(struct explain_set *c)
{
	int i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++) {
		free(c->snaps[i].nest);
		free(c->snaps[i].d);
	}
	free(c->snaps);
	free(c);
}

/* Host events: refusals and bridge ports, for host_diagnose(). */
static void host_note(struct explain_set *c, unsigned int type, struct nlattr **ev)
{
	const char *ifname = ev[NICDIAG_EVENT_A_IFNAME] ?
			     nla_get_string(ev[NICDIAG_EVENT_A_IFNAME]) : "";
	struct host_view v;
	int i;

	if (host_view(ev[NICDIAG_EVENT_A_HOST], &v))
		return;
	if (type == NICDIAG_EV_HOST_FAIL) {
		struct host_fail *f = NULL;

		for (i = 0; i < c->nfails; i++)
			if (c->fails[i].v.op == v.op && c->fails[i].v.err == v.err &&
			    !strcmp(c->fails[i].v_ifname, v.ifname) &&
			    !strcmp(c->fails[i].v_pci, v.pci_addr))
				f = &c->fails[i];
		if (!f) {
			if (c->nfails == MAX_HOST)
				return;
			f = &c->fails[c->nfails++];
		}
		f->v = v;
		/* The view points into the message: keep copies. */
		snprintf(f->v_ifname, sizeof(f->v_ifname), "%s", v.ifname);
		snprintf(f->v_pci, sizeof(f->v_pci), "%s", v.pci_addr);
		snprintf(f->v_driver, sizeof(f->v_driver), "%s", v.pci_driver);
		f->v.ifname = f->v_ifname;
		f->v.pci_addr = f->v_pci;
		f->v.pci_driver = f->v_driver;
		f->v.master = "";
		snprintf(f->ifname, sizeof(f->ifname), "%s", ifname);
		f->pid = ev[NICDIAG_EVENT_A_PID] ? nla_get_u32(ev[NICDIAG_EVENT_A_PID]) : 0;
		snprintf(f->comm, sizeof(f->comm), "%s", ev[NICDIAG_EVENT_A_COMM] ?
			 nla_get_string(ev[NICDIAG_EVENT_A_COMM]) : "?");
		f->count++;
		return;
	}
	if (type != NICDIAG_EV_BRIDGE_JOIN && type != NICDIAG_EV_BRIDGE_LEAVE &&
	    type != NICDIAG_EV_PORT_STATE)
		return;
	for (i = 0; i < c->nports; i++)
		if (!strcmp(c->ports[i].ifname, ifname))
			break;
	if (i == c->nports) {
		if (c->nports == MAX_HOST)
			return;
		c->nports++;
		snprintf(c->ports[i].ifname, sizeof(c->ports[i].ifname), "%s", ifname);
	}
	snprintf(c->ports[i].master, sizeof(c->ports[i].master), "%s", v.master);
	c->ports[i].state = v.port_state;
	c->ports[i].member = type != NICDIAG_EV_BRIDGE_LEAVE;
}

/**
 * explain_feed() - take one event into account
 * @c: the set
 * @event: a NICDIAG_A_EVENT nest (from the history, or made from sysfs)
 *
 * Setup snapshots replace older ones of the same device; queue, AER and
 * flapping events are folded into the device's history.
 */
void explain_feed(struct explain_set *c, struct nlattr *event)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1], *st[NICDIAG_SETUP_A_MAX + 1];
	const char *vdev;
	struct snap *s = NULL;
	unsigned int type;
	int i;

	if (!event || nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, event, NULL) ||
	    !ev[NICDIAG_EVENT_A_TYPE])
		return;
	type = nla_get_u32(ev[NICDIAG_EVENT_A_TYPE]);
	if (ev[NICDIAG_EVENT_A_HOST]) {
		host_note(c, type, ev);
		return;
	}
	if ((ev[NICDIAG_EVENT_A_QUEUE] || ev[NICDIAG_EVENT_A_AER] ||
	     ((type == NICDIAG_EV_FLAPPING || type == NICDIAG_EV_FLAP_END) && ev[NICDIAG_EVENT_A_LINK])) &&
	    ev[NICDIAG_EVENT_A_IFNAME] && nla_get_string(ev[NICDIAG_EVENT_A_IFNAME])[0]) {
		/* Queue events name the netdev; setup snapshots name it too. */
		const char *ifname = nla_get_string(ev[NICDIAG_EVENT_A_IFNAME]);

		for (i = 0; i < c->n; i++)
			if (!strcmp(c->snaps[i].ifname, ifname))
				s = &c->snaps[i];
		if (!s) {
			s = new_snap(c);
			if (!s)
				return;
			snprintf(s->ifname, sizeof(s->ifname), "%s", ifname);
		}
		if (ev[NICDIAG_EVENT_A_AER])
			aer_note(&s->si, ev[NICDIAG_EVENT_A_AER]);
		else if (ev[NICDIAG_EVENT_A_QUEUE])
			stall_note(&s->si, type, ev[NICDIAG_EVENT_A_CAUSE] ?
				   nla_get_u32(ev[NICDIAG_EVENT_A_CAUSE]) : 0,
				   ev[NICDIAG_EVENT_A_QUEUE]);
		else
			flap_note(&s->si, type, ev[NICDIAG_EVENT_A_LINK]);
		return;
	}
	if (!ev[NICDIAG_EVENT_A_SETUP])
		return;
	if (nla_parse_nested(st, NICDIAG_SETUP_A_MAX, ev[NICDIAG_EVENT_A_SETUP], setup_policy) ||
	    !st[NICDIAG_SETUP_A_VIRTIO_DEV])
		return;
	vdev = nla_get_string(st[NICDIAG_SETUP_A_VIRTIO_DEV]);
	for (i = 0; i < c->n; i++)
		if (!strcmp(c->snaps[i].vdev, vdev) ||
		    (!c->snaps[i].vdev[0] && ev[NICDIAG_EVENT_A_IFNAME] &&
		     !strcmp(c->snaps[i].ifname, nla_get_string(ev[NICDIAG_EVENT_A_IFNAME]))))
			s = &c->snaps[i];
	if (!s) {
		s = new_snap(c);
		if (!s)
			return;
	}
	if (!s->vdev[0])
		snprintf(s->vdev, sizeof(s->vdev), "%s", vdev);
	/* Later events replace earlier ones: the newest snapshot counts. */
	free(s->nest);
	s->nest = malloc(nla_total_size(nla_len(ev[NICDIAG_EVENT_A_SETUP])));
	if (!s->nest)
		return;
	memcpy(s->nest, ev[NICDIAG_EVENT_A_SETUP], nla_total_size(nla_len(ev[NICDIAG_EVENT_A_SETUP])));
	s->type = type;
	snprintf(s->ifname, sizeof(s->ifname), "%s",
		 ev[NICDIAG_EVENT_A_IFNAME] ? nla_get_string(ev[NICDIAG_EVENT_A_IFNAME]) : "");
}

static int explain_reply(struct nlattr **tb, void *arg)
{
	explain_feed(arg, tb[NICDIAG_A_EVENT]);
	return 0;
}

/* An integer from /sys/class/net/BR/bridge/NAME; -1 if absent. */
static long bridge_attr(const char *br, const char *name)
{
	char rel[96], buf[32];

	snprintf(rel, sizeof(rel), "class/net/%.16s/bridge/%.32s", br, name);
	return sysfs_read(rel, buf, sizeof(buf)) ? -1 : strtol(buf, NULL, 10);
}

/* A host-side diagnosis, as a device of its own in the set. */
static struct diagnosis *host_snap(struct explain_set *c, const char *name, const char *pci)
{
	struct snap *s = new_snap(c);

	if (!s)
		return NULL;
	s->d = calloc(1, sizeof(*s->d));
	if (!s->d)
		return NULL;
	snprintf(s->ifname, sizeof(s->ifname), "%s", name);
	snprintf(s->d->name, sizeof(s->d->name), "%s", name);
	snprintf(s->d->vdev, sizeof(s->d->vdev), "-");
	snprintf(s->d->pci, sizeof(s->d->pci), "%s", pci[0] ? pci : "-");
	return s->d;
}

/*
 * The host side: every refused step (the same one counted once), and
 * every bridge port that does not forward, each a diagnosis of its own.
 */
static void host_diagnose(struct explain_set *c)
{
	struct diagnosis *d;
	const char *name;
	long fd, stp;
	int i;

	c->host_done = true;
	for (i = 0; i < c->nfails; i++) {
		struct host_fail *f = &c->fails[i];

		name = f->ifname[0] ? f->ifname : f->v_ifname[0] ? f->v_ifname :
		       f->v_pci[0] ? f->v_pci :
		       f->v.op >= NICDIAG_HOST_OP_VHOST_SET_OWNER &&
		       f->v.op <= NICDIAG_HOST_OP_VHOST_IOCTL ? "vhost-net" : "host";
		d = host_snap(c, name, f->v_pci);
		if (!d)
			return;
		d->verdict = "failed";
		host_cause(&f->v, d->root.cause, LINE, d->root.fix, LINE);
		evidence(d, "%s[%u] was refused %s: %s (%s)", f->comm, f->pid,
			 nicdiag_host_step(&f->v), host_errno_name(f->v.err),
			 strerror((int)f->v.err));
		if (f->count > 1)
			evidence(d, "seen %u times", f->count);
		if (f->v.flags) {
			char flags[128];

			evidence(d, "flags asked: %s", tun_flags_str(f->v.flags, flags, sizeof(flags)));
		}
	}
	for (i = 0; i < c->nports; i++) {
		struct host_port *p = &c->ports[i];

		if (!p->member || p->state == NICDIAG_PORT_FORWARDING)
			continue;
		d = host_snap(c, p->ifname, "");
		if (!d)
			return;
		fd = bridge_attr(p->master, "forward_delay");
		stp = bridge_attr(p->master, "stp_state");
		d->verdict = "degraded";
		snprintf(d->root.cause, LINE, "%s is a port of bridge %s in state %s: the VM's link "
			 "is up but no frame passes%s", p->ifname, p->master,
			 port_state_name(p->state),
			 p->state == NICDIAG_PORT_LISTENING || p->state == NICDIAG_PORT_LEARNING ?
			 " until STP lets the port forward (listening, then learning, "
			 "forward_delay each)" : "");
		if (fd >= 0)
			evidence(d, "%s forward_delay %.1f s, stp_state %ld: a new port waits about "
				 "%.0f s", p->master, fd / 100.0, stp, stp > 0 ? 2 * fd / 100.0 : 0.0);
		snprintf(d->root.fix, LINE, "for a bridge of VM taps turn STP off (ip link set %s "
			 "type bridge stp_state 0) or lower forward_delay; libvirt: <bridge stp='off' "
			 "delay='0'/>", p->master);
	}
}

/* Diagnose every device of the set (once). */
static void explain_diagnose(struct explain_set *c)
{
	int i;

	if (!c->host_done)
		host_diagnose(c);
	for (i = 0; i < c->n; i++) {
		struct snap *s = &c->snaps[i];

		if (s->d)
			continue;
		s->d = s->nest ? diagnose_setup(s->ifname, s->type, s->nest, &s->si) :
		       diagnose_history_only(s->ifname, &s->si);
	}
}

static bool matches(const struct snap *s, const char *dev)
{
	return !dev || !strcmp(dev, s->vdev) || !strcmp(dev, s->ifname);
}

/**
 * explain_print() - print the diagnoses of a set
 * @c: the set
 * @dev: only this netdev or virtio device, or NULL for all
 * @what: which verdicts: EXPLAIN_ALL, or EXPLAIN_UNHEALTHY (every verdict
 *	but healthy, worst first: failed, stalled, flapping, degraded; then
 *	the healthy ones with trouble in their history)
 * @brief: the cause line only
 *
 * Return: how many were printed.
 */
int explain_print(struct explain_set *c, const char *dev, enum explain_what what, bool brief)
{
	static const char *const order[] = { "failed", "stalled", "flapping", "degraded" };
	unsigned int k;
	int i, shown = 0;

	explain_diagnose(c);
	if (what == EXPLAIN_ALL) {
		for (i = 0; i < c->n; i++)
			if (c->snaps[i].d && matches(&c->snaps[i], dev)) {
				print_diagnosis(c->snaps[i].d, brief);
				shown++;
			}
		return shown;
	}
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		for (i = 0; i < c->n; i++)
			if (c->snaps[i].d && matches(&c->snaps[i], dev) &&
			    !strcmp(c->snaps[i].d->verdict, order[k])) {
				print_diagnosis(c->snaps[i].d, brief);
				shown++;
			}
	/* Healthy now, with trouble in the history: past stalls, flapping,
	 * AER reports. */
	for (i = 0; i < c->n; i++)
		if (c->snaps[i].d && matches(&c->snaps[i], dev) &&
		    !strcmp(c->snaps[i].d->verdict, "healthy") && c->snaps[i].d->nother) {
			print_diagnosis(c->snaps[i].d, brief);
			shown++;
		}
	return shown;
}

/**
 * explain_count() - the devices of a set with a verdict
 * @c: the set
 * @verdict: "failed", ..., "healthy", or NULL for any
 * @names: if not NULL, their names, space-separated (truncated to @len)
 * @len: size of @names
 *
 * Return: how many devices have that verdict.
 */
int explain_count(struct explain_set *c, const char *verdict, char *names, size_t len)
{
	size_t o = 0;
	int i, n = 0;

	explain_diagnose(c);
	if (names && len)
		names[0] = '\0';
	for (i = 0; i < c->n; i++) {
		if (!c->snaps[i].d || (verdict && strcmp(verdict, c->snaps[i].d->verdict)))
			continue;
		n++;
		if (names && o < len)
			o += snprintf(names + o, len - o, "%s%s", o ? " " : "", c->snaps[i].d->name);
	}
	return n;
}

/**
 * explain_run() - nicctl explain [DEV]
 * @nl: the open family
 * @dev: a netdev or virtio device name, or NULL for all
 *
 * Return: an exit code.
 */
int explain_run(struct nicctl_nl *nl, const char *dev)
{
	struct explain_set *c = explain_new();
	int r, shown = 0;

	if (!c)
		return EXIT_ERROR;
	r = nl_request(nl, NICDIAG_CMD_EVENT_GET, true, NULL, explain_reply, c);
	if (!r)
		shown = explain_print(c, dev, EXPLAIN_ALL, false);
	explain_free(c);
	if (!r && !shown) {
		fprintf(stderr, dev ?
			"nicctl: %s: no setup record for it (run 'nicctl scan' first?)\n" :
			"nicctl: no virtio-net setup records%s (run 'nicctl scan' to take them)\n",
			dev ? dev : "");
		return dev ? EXIT_NODEV : EXIT_OK;
	}
	return r;
}
