// SPDX-License-Identifier: GPL-2.0
/* Decoding and printing of events; see event.h. */
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <linux/nicdiag.h>

#include "aer.h"
#include "decode.h"
#include "host.h"
#include "event.h"
#include "print.h"
#include "virtio.h"
#include <nicdiag_names.h>

static struct nla_policy event_policy[NICDIAG_EVENT_A_MAX + 1] = {
	[NICDIAG_EVENT_A_SEQ] = { .type = NLA_U64 },
	[NICDIAG_EVENT_A_MONO_NS] = { .type = NLA_U64 },
	[NICDIAG_EVENT_A_REAL_NS] = { .type = NLA_U64 },
	[NICDIAG_EVENT_A_TYPE] = { .type = NLA_U32 },
	[NICDIAG_EVENT_A_IFINDEX] = { .type = NLA_U32 },
	[NICDIAG_EVENT_A_IFNAME] = { .type = NLA_STRING },
	[NICDIAG_EVENT_A_DRIVER] = { .type = NLA_STRING },
	[NICDIAG_EVENT_A_BUS_INFO] = { .type = NLA_STRING },
	[NICDIAG_EVENT_A_CAUSE] = { .type = NLA_U32 },
	[NICDIAG_EVENT_A_LINK] = { .type = NLA_NESTED },
	[NICDIAG_EVENT_A_SETUP] = { .type = NLA_NESTED },
	[NICDIAG_EVENT_A_QUEUE] = { .type = NLA_NESTED },
	[NICDIAG_EVENT_A_AER] = { .type = NLA_NESTED },
	[NICDIAG_EVENT_A_PID] = { .type = NLA_U32 },
	[NICDIAG_EVENT_A_COMM] = { .type = NLA_STRING },
	[NICDIAG_EVENT_A_HOST] = { .type = NLA_NESTED },
	[NICDIAG_EVENT_A_WITHHELD] = { .type = NLA_U32 },
};

struct nla_policy aer_policy[NICDIAG_AER_A_MAX + 1] = {
	[NICDIAG_AER_A_PCI_ADDR] = { .type = NLA_STRING },
	[NICDIAG_AER_A_SEVERITY] = { .type = NLA_U8 },
	[NICDIAG_AER_A_STATUS] = { .type = NLA_U32 },
	[NICDIAG_AER_A_TLP] = { .minlen = 16 },
	[NICDIAG_AER_A_DRIVER] = { .type = NLA_STRING },
	[NICDIAG_AER_A_HANDLERS] = { .type = NLA_U8 },
	[NICDIAG_AER_A_RELATION] = { .type = NLA_U8 },
	[NICDIAG_AER_A_RECOVERY] = { .type = NLA_U8 },
	[NICDIAG_AER_A_LOG] = { .type = NLA_STRING },
};

/* The parts of an AER report both printers use. */
struct aer_view {
	const char *pci, *driver;
	unsigned int severity, relation, handlers, recovery, outcome;
	const char *last_log;
	uint32_t status;
	int has_tlp;
	char bits[512];
	char tlp[160];
};

static int aer_view(struct nlattr *nest, struct aer_view *v)
{
	struct nlattr *a[NICDIAG_AER_A_MAX + 1];

	if (!nest || nla_parse_nested(a, NICDIAG_AER_A_MAX, nest, aer_policy))
		return -1;
	memset(v, 0, sizeof(*v));
	v->pci = a[NICDIAG_AER_A_PCI_ADDR] ? nla_get_string(a[NICDIAG_AER_A_PCI_ADDR]) : "?";
	v->driver = a[NICDIAG_AER_A_DRIVER] ? nla_get_string(a[NICDIAG_AER_A_DRIVER]) : "";
	v->severity = a[NICDIAG_AER_A_SEVERITY] ? nla_get_u8(a[NICDIAG_AER_A_SEVERITY]) : 0;
	v->relation = a[NICDIAG_AER_A_RELATION] ? nla_get_u8(a[NICDIAG_AER_A_RELATION]) : 0;
	v->handlers = a[NICDIAG_AER_A_HANDLERS] ? nla_get_u8(a[NICDIAG_AER_A_HANDLERS]) : 0;
	v->status = a[NICDIAG_AER_A_STATUS] ? nla_get_u32(a[NICDIAG_AER_A_STATUS]) : 0;
	v->recovery = a[NICDIAG_AER_A_RECOVERY] ? nla_get_u8(a[NICDIAG_AER_A_RECOVERY]) : 0;
	v->outcome = a[NICDIAG_AER_A_RECOVERY] != NULL;
	{
		struct nlattr *l;
		int rem;

		nla_for_each_nested(l, nest, rem)
			if (nla_type(l) == NICDIAG_AER_A_LOG)
				v->last_log = nla_get_string(l);
	}
	aer_status_str(v->severity, v->status, v->bits, sizeof(v->bits));
	if (a[NICDIAG_AER_A_TLP]) {
		uint32_t dw[4];

		memcpy(dw, nla_data(a[NICDIAG_AER_A_TLP]), sizeof(dw));
		aer_tlp_str(dw, v->tlp, sizeof(v->tlp));
		v->has_tlp = 1;
	}
	return 0;
}

static void describe_aer(unsigned int type, struct nlattr **ev)
{
	struct aer_view v;

	if (aer_view(ev[NICDIAG_EVENT_A_AER], &v))
		return;
	if (type == NICDIAG_EV_AER_RECOVERY) {
		const char *l = v.last_log ? strchr(v.last_log, ']') : NULL;

		out_text("PCIe AER recovery after the error on %s: %s", v.pci,
			 v.recovery == NICDIAG_AER_RECOVERY_OK ? "recovered" :
			 v.recovery == NICDIAG_AER_RECOVERY_FAILED ? "FAILED, the device is left as it is" :
			 "no outcome logged");
		if (v.last_log)
			out_text("; kernel: %s", l && l[1] ? l + 2 : v.last_log);
		return;
	}
	out_text("PCIe AER %s error on %s%s: %s", aer_severity_name(v.severity), v.pci,
		 v.relation == NICDIAG_AER_REL_UPSTREAM ? " (a port above the NIC)" : "", v.bits);
	if (v.has_tlp)
		out_text("; TLP %s", v.tlp);
	if (v.severity != NICDIAG_AER_CORRECTABLE)
		out_text("; driver %s %s", v.driver[0] ? v.driver : "(none)",
			 v.handlers ? "has AER handlers: recovery attempted" :
			 "has no AER handlers: the kernel cannot recover the device");
}

static void print_aer(struct nlattr *nest)
{
	struct aer_view v;

	if (!out_json() || aer_view(nest, &v))
		return;
	out_nest_open("aer");
	out_str("pci_addr", NULL, v.pci);
	if (v.outcome) {
		struct nlattr *l;
		int rem;

		out_str("recovery", NULL, aer_recovery_name(v.recovery));
		out_arr_open("log");
		nla_for_each_nested(l, nest, rem)
			if (nla_type(l) == NICDIAG_AER_A_LOG)
				out_arr_str(nla_get_string(l));
		out_arr_close();
		out_str("relation", NULL, aer_relation_name(v.relation));
		out_nest_close();
		return;
	}
	out_str("severity", NULL, aer_severity_name(v.severity));
	out_u64("status", NULL, v.status);
	out_str("status_bits", NULL, v.bits);
	if (v.has_tlp)
		out_str("tlp", NULL, v.tlp);
	out_str("driver", NULL, v.driver);
	out_bool("handlers", NULL, v.handlers);
	out_str("relation", NULL, aer_relation_name(v.relation));
	out_nest_close();
}

struct nla_policy queue_policy[NICDIAG_QUEUE_A_MAX + 1] = {
	[NICDIAG_QUEUE_A_INDEX] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_STOPPED_MS] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_DURATION_MS] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_THRESHOLD_MS] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_TX_TIMEOUTS] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_VQ_NAME] = { .type = NLA_STRING },
	[NICDIAG_QUEUE_A_VQ_SIZE] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_VQ_FREE] = { .type = NLA_U32 },
	[NICDIAG_QUEUE_A_VQ_BROKEN] = { .type = NLA_U8 },
	[NICDIAG_QUEUE_A_STATUS] = { .type = NLA_U8 },
	[NICDIAG_QUEUE_A_XOFF] = { .type = NLA_U8 },
	[NICDIAG_QUEUE_A_BQL_INFLIGHT] = { .type = NLA_U32 },
};

static const char *xoff_str(unsigned int xoff)
{
	switch (xoff & (NICDIAG_XOFF_DRIVER | NICDIAG_XOFF_STACK)) {
	case NICDIAG_XOFF_DRIVER:
		return "driver";
	case NICDIAG_XOFF_STACK:
		return "bql";
	case NICDIAG_XOFF_DRIVER | NICDIAG_XOFF_STACK:
		return "driver,bql";
	default:
		return "none";
	}
}

/**
 * queue_not_consumed() - the device holds buffers the driver posted
 * @q: a parsed NICDIAG_EVENT_A_QUEUE
 *
 * Return: descriptors outstanding in the virtqueue (0: none, or unknown).
 */
unsigned int queue_not_consumed(struct nlattr **q)
{
	unsigned int size = q[NICDIAG_QUEUE_A_VQ_SIZE] ? nla_get_u32(q[NICDIAG_QUEUE_A_VQ_SIZE]) : 0;
	unsigned int free = q[NICDIAG_QUEUE_A_VQ_FREE] ? nla_get_u32(q[NICDIAG_QUEUE_A_VQ_FREE]) : 0;

	return size > free ? size - free : 0;
}

struct nla_policy setup_policy[NICDIAG_SETUP_A_MAX + 1] = {
	[NICDIAG_SETUP_A_VIRTIO_DEV] = { .type = NLA_STRING },
	[NICDIAG_SETUP_A_PCI_ADDR] = { .type = NLA_STRING },
	[NICDIAG_SETUP_A_ERRNO] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_STAGE] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_STATUS] = { .type = NLA_U8 },
	[NICDIAG_SETUP_A_FEATURES_OFFERED] = { .type = NLA_U64 },
	[NICDIAG_SETUP_A_FEATURES_NEGOTIATED] = { .type = NLA_U64 },
	[NICDIAG_SETUP_A_DRIVER_BOUND] = { .type = NLA_U8 },
	[NICDIAG_SETUP_A_IRQ_MODE] = { .type = NLA_U8 },
	[NICDIAG_SETUP_A_MSIX_VECTORS] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_NUM_VQS] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_MAX_QUEUE_PAIRS] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_QUEUE_PAIRS] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_DEVICE_MTU] = { .type = NLA_U32 },
	[NICDIAG_SETUP_A_LOG] = { .type = NLA_STRING },
	[NICDIAG_SETUP_A_CPUS] = { .type = NLA_U32 },
};

static struct nla_policy link_policy[NICDIAG_LINK_A_MAX + 1] = {
	[NICDIAG_LINK_A_ADMIN_UP] = { .type = NLA_U8 },
	[NICDIAG_LINK_A_CARRIER] = { .type = NLA_U8 },
	[NICDIAG_LINK_A_OPERSTATE] = { .type = NLA_U8 },
	[NICDIAG_LINK_A_OLD_OPERSTATE] = { .type = NLA_U8 },
	[NICDIAG_LINK_A_MTU] = { .type = NLA_U32 },
	[NICDIAG_LINK_A_OLD_MTU] = { .type = NLA_U32 },
	[NICDIAG_LINK_A_OLD_IFNAME] = { .type = NLA_STRING },
	[NICDIAG_LINK_A_CARRIER_UP_COUNT] = { .type = NLA_U32 },
	[NICDIAG_LINK_A_CARRIER_DOWN_COUNT] = { .type = NLA_U32 },
	[NICDIAG_LINK_A_FLAP_COUNT] = { .type = NLA_U32 },
	[NICDIAG_LINK_A_FLAP_WINDOW_MS] = { .type = NLA_U32 },
};

static const char *str_or(struct nlattr *a, const char *dflt)
{
	return a ? nla_get_string(a) : dflt;
}

static uint32_t u32_or(struct nlattr *a, uint32_t dflt)
{
	return a ? nla_get_u32(a) : dflt;
}

void print_loss(uint64_t first, uint64_t last, const char *reason)
{
	struct timespec ts;
	char when[40];

	clock_gettime(CLOCK_REALTIME, &ts);
	iso_time(when, sizeof(when), (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec);
	out_obj_open();
	out_str("type", NULL, "lost");
	out_u64("count", NULL, last - first + 1);
	out_u64("first_seq", NULL, first);
	out_u64("last_seq", NULL, last);
	out_str("reason", NULL, reason);
	out_text("%s lost %" PRIu64 " events (seq %" PRIu64 "..%" PRIu64 "): %s",
		 when, last - first + 1, first, last,
		 strcmp(reason, "gap") ? "socket overrun" : "sequence gap");
	out_obj_close();
}

static const char *stage_text(unsigned int stage)
{
	switch (stage) {
	case NICDIAG_STAGE_FEATURES:
		return "in feature validation/negotiation";
	case NICDIAG_STAGE_DRIVER:
		return "in the driver's probe (queues, vectors, netdev)";
	case NICDIAG_STAGE_NO_DRIVER:
		return "no driver bound";
	case NICDIAG_STAGE_DONE:
		return "set up";
	default:
		return "stage unknown";
	}
}

static void describe_setup(unsigned int type, struct nlattr **ev)
{
	struct nlattr *st[NICDIAG_SETUP_A_MAX + 1];
	char status[96];

	if (!ev[NICDIAG_EVENT_A_SETUP] ||
	    nla_parse_nested(st, NICDIAG_SETUP_A_MAX, ev[NICDIAG_EVENT_A_SETUP], setup_policy))
		return;
	status_str(st[NICDIAG_SETUP_A_STATUS] ? nla_get_u8(st[NICDIAG_SETUP_A_STATUS]) : 0,
		   status, sizeof(status));
	out_text("%s ", str_or(st[NICDIAG_SETUP_A_VIRTIO_DEV], "virtio?"));
	if (type == NICDIAG_EV_PROBE_FAIL)
		out_text("probe failed: %s (-%u) %s",
			 errno_name(u32_or(st[NICDIAG_SETUP_A_ERRNO], 0)),
			 u32_or(st[NICDIAG_SETUP_A_ERRNO], 0),
			 stage_text(u32_or(st[NICDIAG_SETUP_A_STAGE], 0)));
	else if (type == NICDIAG_EV_PROBE_OK)
		out_text("probed");
	else
		out_text("found at scan: %s", stage_text(u32_or(st[NICDIAG_SETUP_A_STAGE], 0)));
	out_text("; status %s", status);
	if (st[NICDIAG_SETUP_A_DRIVER_BOUND] && nla_get_u8(st[NICDIAG_SETUP_A_DRIVER_BOUND]) &&
	    st[NICDIAG_SETUP_A_IRQ_MODE])
		out_text("; irq %s", nicdiag_irq_names[nla_get_u8(st[NICDIAG_SETUP_A_IRQ_MODE]) % 4]);
	if (type == NICDIAG_EV_PROBE_FAIL && st[NICDIAG_SETUP_A_LOG]) {
		const char *last = NULL, *l;
		struct nlattr *a;
		int rem;

		/* The driver's own words: the newest line naming the device
		 * that is not the driver core's "probe ... failed" echo. */
		nla_for_each_nested(a, ev[NICDIAG_EVENT_A_SETUP], rem)
			if (nla_type(a) == NICDIAG_SETUP_A_LOG &&
			    !strstr(nla_get_string(a), "probe of") &&
			    !strstr(nla_get_string(a), "probe with driver"))
				last = nla_get_string(a);
		if (last) {
			l = strchr(last, ']');
			out_text("; kernel: %s", l && l[1] ? l + 2 : last);
		}
	}
}

static bool detail;

/**
 * event_detail() - print setup snapshots in full in text too
 * @on: true for nicctl report's device sections
 *
 * The text line of a probe or scan event is then followed by the whole
 * snapshot (identity, status, interrupts, queues, features decoded, the
 * kernel's lines), printed by the same calls that print its JSON.
 */
void event_detail(bool on)
{
	detail = on;
}

/* The setup snapshot: a JSON object, and in detail mode the same as text. */
static void print_setup(struct nlattr *nest)
{
	static const struct {
		int attr;
		const char *key;
		const char *text;
		bool hide_zero;
	} u32s[] = {
		{ NICDIAG_SETUP_A_MSIX_VECTORS, "msix_vectors", ", %" PRIu64 " MSI-X vectors", false },
		{ NICDIAG_SETUP_A_NUM_VQS, "num_vqs", ", %" PRIu64 " virtqueues", false },
		/* 0: multiqueue or MTU not offered; said only in JSON */
		{ NICDIAG_SETUP_A_MAX_QUEUE_PAIRS, "max_queue_pairs", ", %" PRIu64 " queue pairs offered", true },
		{ NICDIAG_SETUP_A_QUEUE_PAIRS, "queue_pairs", ", %" PRIu64 " queue pair(s) in use", true },
		{ NICDIAG_SETUP_A_DEVICE_MTU, "device_mtu", ", device MTU %" PRIu64, true },
		{ NICDIAG_SETUP_A_CPUS, "cpus", ", %" PRIu64 " CPUs", false },
	};
	struct nlattr *st[NICDIAG_SETUP_A_MAX + 1], *a;
	char buf[1024];
	unsigned int i;
	int rem;

	if ((!out_json() && !detail) ||
	    nla_parse_nested(st, NICDIAG_SETUP_A_MAX, nest, setup_policy))
		return;
#define T(fmt) (detail ? (fmt) : NULL)
	out_nest_open("setup");
	out_str("virtio_dev", T("\n        %s"), str_or(st[NICDIAG_SETUP_A_VIRTIO_DEV], ""));
	if (st[NICDIAG_SETUP_A_PCI_ADDR])
		out_str("pci_addr", T(" on %s"), nla_get_string(st[NICDIAG_SETUP_A_PCI_ADDR]));
	if (st[NICDIAG_SETUP_A_ERRNO]) {
		out_u64("errno", NULL, nla_get_u32(st[NICDIAG_SETUP_A_ERRNO]));
		out_str("errno_name", T(": probe returned %s"),
			errno_name(nla_get_u32(st[NICDIAG_SETUP_A_ERRNO])));
	}
	out_str("stage", T(", stage %s"), nicdiag_stage_names[u32_or(st[NICDIAG_SETUP_A_STAGE], 0) % 5]);
	if (st[NICDIAG_SETUP_A_STATUS]) {
		out_u64("status", T(", status 0x%02" PRIx64), nla_get_u8(st[NICDIAG_SETUP_A_STATUS]));
		status_str(nla_get_u8(st[NICDIAG_SETUP_A_STATUS]), buf, sizeof(buf));
		out_str("status_bits", T(" %s"), buf);
	}
	if (st[NICDIAG_SETUP_A_DRIVER_BOUND])
		out_bool("driver_bound", T(", driver bound: %s"),
			 nla_get_u8(st[NICDIAG_SETUP_A_DRIVER_BOUND]));
	if (st[NICDIAG_SETUP_A_IRQ_MODE])
		out_str("irq_mode", T("\n        interrupts %s"),
			nicdiag_irq_names[nla_get_u8(st[NICDIAG_SETUP_A_IRQ_MODE]) % 4]);
	for (i = 0; i < sizeof(u32s) / sizeof(u32s[0]); i++)
		if (st[u32s[i].attr])
			out_u64(u32s[i].key, u32s[i].hide_zero && !nla_get_u32(st[u32s[i].attr]) ?
				NULL : T(u32s[i].text), nla_get_u32(st[u32s[i].attr]));
	if (st[NICDIAG_SETUP_A_FEATURES_OFFERED]) {
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)
			 nla_get_u64(st[NICDIAG_SETUP_A_FEATURES_OFFERED]));
		out_str("features_offered", T("\n        features offered %s"), buf);
		features_str(nla_get_u64(st[NICDIAG_SETUP_A_FEATURES_OFFERED]), buf, sizeof(buf));
		out_str("features_offered_names", T(": %s"), buf);
	}
	if (st[NICDIAG_SETUP_A_FEATURES_NEGOTIATED]) {
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)
			 nla_get_u64(st[NICDIAG_SETUP_A_FEATURES_NEGOTIATED]));
		out_str("features_negotiated", T("\n        features negotiated %s"), buf);
		features_str(nla_get_u64(st[NICDIAG_SETUP_A_FEATURES_NEGOTIATED]), buf, sizeof(buf));
		out_str("features_negotiated_names", T(": %s"), buf);
	}
	out_arr_open("log");
	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == NICDIAG_SETUP_A_LOG) {
			out_arr_str(nla_get_string(a));
			if (detail)
				out_text("\n        kernel: %s", nla_get_string(a));
		}
	out_arr_close();
	out_nest_close();
#undef T
}

/* The virtqueue part of a queue event's text: "; vq output.0 0/256 free". */
static void describe_vq(struct nlattr **q)
{
	char status[96];

	if (q[NICDIAG_QUEUE_A_XOFF] && nla_get_u8(q[NICDIAG_QUEUE_A_XOFF]))
		out_text("; stopped by %s", nla_get_u8(q[NICDIAG_QUEUE_A_XOFF]) == NICDIAG_XOFF_STACK ?
			 "byte queue limits" : nla_get_u8(q[NICDIAG_QUEUE_A_XOFF]) == NICDIAG_XOFF_DRIVER ?
			 "the driver (ring full)" : "the driver and byte queue limits");
	if (q[NICDIAG_QUEUE_A_BQL_INFLIGHT] && nla_get_u32(q[NICDIAG_QUEUE_A_BQL_INFLIGHT]))
		out_text(", %u bytes in flight", nla_get_u32(q[NICDIAG_QUEUE_A_BQL_INFLIGHT]));

	if (q[NICDIAG_QUEUE_A_VQ_NAME])
		out_text("; vq %s %u/%u free%s", nla_get_string(q[NICDIAG_QUEUE_A_VQ_NAME]),
			 u32_or(q[NICDIAG_QUEUE_A_VQ_FREE], 0),
			 u32_or(q[NICDIAG_QUEUE_A_VQ_SIZE], 0),
			 q[NICDIAG_QUEUE_A_VQ_BROKEN] && nla_get_u8(q[NICDIAG_QUEUE_A_VQ_BROKEN]) ?
			 ", BROKEN" : "");
	if (q[NICDIAG_QUEUE_A_STATUS]) {
		status_str(nla_get_u8(q[NICDIAG_QUEUE_A_STATUS]), status, sizeof(status));
		out_text("; status %s", status);
	}
}

static void describe_queue(unsigned int type, struct nlattr **ev)
{
	struct nlattr *q[NICDIAG_QUEUE_A_MAX + 1];
	unsigned int idx;

	if (!ev[NICDIAG_EVENT_A_QUEUE] ||
	    nla_parse_nested(q, NICDIAG_QUEUE_A_MAX, ev[NICDIAG_EVENT_A_QUEUE], queue_policy))
		return;
	idx = u32_or(q[NICDIAG_QUEUE_A_INDEX], 0);
	switch (type) {
	case NICDIAG_EV_TX_STALL:
		out_text("TX queue %u stalled: stopped %u ms with no transmit (threshold %u ms)",
			 idx, u32_or(q[NICDIAG_QUEUE_A_STOPPED_MS], 0),
			 u32_or(q[NICDIAG_QUEUE_A_THRESHOLD_MS], 0));
		describe_vq(q);
		if (queue_not_consumed(q))
			out_text("; the device is not consuming the TX ring (%u descriptors outstanding)",
				 queue_not_consumed(q));
		break;
	case NICDIAG_EV_TX_RESUME:
		if (u32_or(ev[NICDIAG_EVENT_A_CAUSE], 0) == NICDIAG_CAUSE_LINK_DOWN)
			out_text("TX queue %u stall ended after %u ms: device down or no carrier",
				 idx, u32_or(q[NICDIAG_QUEUE_A_DURATION_MS], 0));
		else
			out_text("TX queue %u resumed after a %u ms stall", idx,
				 u32_or(q[NICDIAG_QUEUE_A_DURATION_MS], 0));
		describe_vq(q);
		break;
	case NICDIAG_EV_TX_TIMEOUT:
		out_text("kernel TX watchdog: queue %u timed out, stopped %u ms (timeout #%u)",
			 idx, u32_or(q[NICDIAG_QUEUE_A_STOPPED_MS], 0),
			 u32_or(q[NICDIAG_QUEUE_A_TX_TIMEOUTS], 0));
		describe_vq(q);
		break;
	case NICDIAG_EV_VQ_BROKEN:
		out_text("virtqueue %s broken: the driver stopped using it",
			 q[NICDIAG_QUEUE_A_VQ_NAME] ? nla_get_string(q[NICDIAG_QUEUE_A_VQ_NAME]) : "?");
		describe_vq(q);
		break;
	case NICDIAG_EV_NEEDS_RESET:
		out_text("device set NEEDS_RESET: it stopped working until the driver resets it");
		describe_vq(q);
		break;
	}
}

/* The queue payload as a JSON object. */
static void print_queue(struct nlattr *nest)
{
	static const struct {
		int attr;
		const char *key;
	} u32s[] = {
		{ NICDIAG_QUEUE_A_INDEX, "index" },
		{ NICDIAG_QUEUE_A_STOPPED_MS, "stopped_ms" },
		{ NICDIAG_QUEUE_A_DURATION_MS, "duration_ms" },
		{ NICDIAG_QUEUE_A_THRESHOLD_MS, "threshold_ms" },
		{ NICDIAG_QUEUE_A_TX_TIMEOUTS, "tx_timeouts" },
		{ NICDIAG_QUEUE_A_VQ_SIZE, "vq_size" },
		{ NICDIAG_QUEUE_A_VQ_FREE, "vq_free" },
		{ NICDIAG_QUEUE_A_BQL_INFLIGHT, "bql_inflight" },
	};
	struct nlattr *q[NICDIAG_QUEUE_A_MAX + 1];
	char buf[96];
	unsigned int i;

	if (!out_json() || nla_parse_nested(q, NICDIAG_QUEUE_A_MAX, nest, queue_policy))
		return;
	out_nest_open("queue");
	for (i = 0; i < sizeof(u32s) / sizeof(u32s[0]); i++)
		if (q[u32s[i].attr])
			out_u64(u32s[i].key, NULL, nla_get_u32(q[u32s[i].attr]));
	if (q[NICDIAG_QUEUE_A_XOFF])
		out_str("stopped_by", NULL, xoff_str(nla_get_u8(q[NICDIAG_QUEUE_A_XOFF])));
	if (q[NICDIAG_QUEUE_A_VQ_NAME])
		out_str("vq_name", NULL, nla_get_string(q[NICDIAG_QUEUE_A_VQ_NAME]));
	if (q[NICDIAG_QUEUE_A_VQ_BROKEN])
		out_bool("vq_broken", NULL, nla_get_u8(q[NICDIAG_QUEUE_A_VQ_BROKEN]));
	if (q[NICDIAG_QUEUE_A_STATUS]) {
		out_u64("status", NULL, nla_get_u8(q[NICDIAG_QUEUE_A_STATUS]));
		status_str(nla_get_u8(q[NICDIAG_QUEUE_A_STATUS]), buf, sizeof(buf));
		out_str("status_bits", NULL, buf);
	}
	out_nest_close();
}

/* The text after the device, for each event type. */
static void describe(unsigned int type, struct nlattr **ev, struct nlattr **ln)
{
	unsigned int oper = ln[NICDIAG_LINK_A_OPERSTATE] ?
			    nla_get_u8(ln[NICDIAG_LINK_A_OPERSTATE]) : 0;
	unsigned int cause = u32_or(ev[NICDIAG_EVENT_A_CAUSE], 0);

	switch (type) {
	case NICDIAG_EV_DEV_ARRIVE:
		out_text("arrived (%s)", cause_text(cause));
		break;
	case NICDIAG_EV_DEV_DEPART:
		out_text("departed (%s)", cause_text(cause));
		break;
	case NICDIAG_EV_ADMIN_UP:
		out_text("admin up");
		break;
	case NICDIAG_EV_ADMIN_DOWN:
		out_text("admin down");
		break;
	case NICDIAG_EV_CARRIER_ON:
		out_text("carrier on: link up, operstate %s", oper_name(oper));
		break;
	case NICDIAG_EV_CARRIER_OFF:
		out_text("carrier off: link down, operstate %s", oper_name(oper));
		break;
	case NICDIAG_EV_OPERSTATE:
		out_text("operstate %s -> %s",
			 oper_name(ln[NICDIAG_LINK_A_OLD_OPERSTATE] ?
				   nla_get_u8(ln[NICDIAG_LINK_A_OLD_OPERSTATE]) : 0),
			 oper_name(oper));
		break;
	case NICDIAG_EV_MTU:
		out_text("mtu %u -> %u", u32_or(ln[NICDIAG_LINK_A_OLD_MTU], 0),
			 u32_or(ln[NICDIAG_LINK_A_MTU], 0));
		break;
	case NICDIAG_EV_RENAME:
		out_text("renamed %s -> %s", str_or(ln[NICDIAG_LINK_A_OLD_IFNAME], "?"),
			 str_or(ev[NICDIAG_EVENT_A_IFNAME], "?"));
		break;
	case NICDIAG_EV_FLAPPING:
		out_text("flapping: %u carrier changes in %u ms; carrier events suppressed until stable",
			 u32_or(ln[NICDIAG_LINK_A_FLAP_COUNT], 0),
			 u32_or(ln[NICDIAG_LINK_A_FLAP_WINDOW_MS], 0));
		break;
	case NICDIAG_EV_FLAP_END:
		out_text("flapping ended: stable for %u ms, %u carrier events suppressed, carrier %s",
			 u32_or(ln[NICDIAG_LINK_A_FLAP_WINDOW_MS], 0),
			 u32_or(ln[NICDIAG_LINK_A_FLAP_COUNT], 0),
			 ln[NICDIAG_LINK_A_CARRIER] && nla_get_u8(ln[NICDIAG_LINK_A_CARRIER]) ?
			 "on" : "off");
		break;
	case NICDIAG_EV_PROBE_OK:
	case NICDIAG_EV_PROBE_FAIL:
	case NICDIAG_EV_SETUP_SCAN:
		describe_setup(type, ev);
		break;
	case NICDIAG_EV_TX_STALL:
	case NICDIAG_EV_TX_RESUME:
	case NICDIAG_EV_TX_TIMEOUT:
	case NICDIAG_EV_VQ_BROKEN:
	case NICDIAG_EV_NEEDS_RESET:
		describe_queue(type, ev);
		break;
	case NICDIAG_EV_AER:
	case NICDIAG_EV_AER_RECOVERY:
		describe_aer(type, ev);
		break;
	case NICDIAG_EV_TAP_ATTACH ... NICDIAG_EV_VFIO_OPEN:
		describe_host(type, ev[NICDIAG_EVENT_A_HOST]);
		break;
	default:
		out_text("%s", event_type_name(type));
	}
}

static void print_link(struct nlattr **ln)
{
	static const struct {
		int attr;
		const char *key;
		int kind;	/* 0 u32, 1 bool u8, 2 oper u8, 3 string */
	} fields[] = {
		{ NICDIAG_LINK_A_ADMIN_UP, "admin_up", 1 },
		{ NICDIAG_LINK_A_CARRIER, "carrier", 1 },
		{ NICDIAG_LINK_A_OPERSTATE, "operstate", 2 },
		{ NICDIAG_LINK_A_MTU, "mtu", 0 },
		{ NICDIAG_LINK_A_OLD_OPERSTATE, "old_operstate", 2 },
		{ NICDIAG_LINK_A_OLD_MTU, "old_mtu", 0 },
		{ NICDIAG_LINK_A_OLD_IFNAME, "old_ifname", 3 },
		{ NICDIAG_LINK_A_CARRIER_UP_COUNT, "carrier_up_count", 0 },
		{ NICDIAG_LINK_A_CARRIER_DOWN_COUNT, "carrier_down_count", 0 },
		{ NICDIAG_LINK_A_FLAP_COUNT, "flap_count", 0 },
		{ NICDIAG_LINK_A_FLAP_WINDOW_MS, "flap_window_ms", 0 },
	};
	unsigned int i;

	out_nest_open("link");
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		struct nlattr *a = ln[fields[i].attr];

		if (!a)
			continue;
		switch (fields[i].kind) {
		case 0:
			out_u64(fields[i].key, NULL, nla_get_u32(a));
			break;
		case 1:
			out_bool(fields[i].key, NULL, nla_get_u8(a));
			break;
		case 2:
			out_str(fields[i].key, NULL, oper_name(nla_get_u8(a)));
			break;
		default:
			out_str(fields[i].key, NULL, nla_get_string(a));
		}
	}
	out_nest_close();
}

int event_ident(struct nlattr *nest, uint32_t *ifindex, const char **ifname)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];

	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, nest, event_policy))
		return -1;
	*ifindex = u32_or(ev[NICDIAG_EVENT_A_IFINDEX], 0);
	*ifname = str_or(ev[NICDIAG_EVENT_A_IFNAME], "");
	return 0;
}

uint64_t event_seq(struct nlattr *nest)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];

	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, nest, event_policy) ||
	    !ev[NICDIAG_EVENT_A_SEQ])
		return 0;
	return nla_get_u64(ev[NICDIAG_EVENT_A_SEQ]);
}

int event_actor(struct nlattr *nest, uint32_t *pid, const char **bus_info)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];

	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, nest, event_policy))
		return -1;
	*pid = u32_or(ev[NICDIAG_EVENT_A_PID], 0);
	*bus_info = str_or(ev[NICDIAG_EVENT_A_BUS_INFO], "");
	return 0;
}

/* What the module left out for this reader, and what it would take. */
static const struct {
	uint32_t bit;
	const char *name;
	const char *text;
} withheld_names[] = {
	{ NICDIAG_WITHHELD_LOG, "log", "kernel log lines (need CAP_SYSLOG)" },
	{ NICDIAG_WITHHELD_PROC, "proc", "processes (need CAP_NET_ADMIN)" },
};

void print_withheld(uint32_t bits)
{
	const char *sep = " [withheld: ";
	unsigned int i;

	if (!bits)
		return;
	out_arr_open("withheld");
	for (i = 0; i < sizeof(withheld_names) / sizeof(withheld_names[0]); i++) {
		if (!(bits & withheld_names[i].bit))
			continue;
		out_arr_str(withheld_names[i].name);
		out_text("%s%s", sep, withheld_names[i].text);
		sep = ", ";
	}
	out_arr_close();
	out_text("]");
}

uint32_t event_withheld(struct nlattr *nest)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];

	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, nest, event_policy))
		return 0;
	return u32_or(ev[NICDIAG_EVENT_A_WITHHELD], 0);
}

uint64_t print_event(struct nlattr *nest, struct seq_tracker *t)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1];
	struct nlattr *ln[NICDIAG_LINK_A_MAX + 1] = { 0 };
	uint64_t seq, real_ns;
	unsigned int type;
	char when[40];

	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, nest, event_policy) ||
	    !ev[NICDIAG_EVENT_A_SEQ] || !ev[NICDIAG_EVENT_A_TYPE])
		return 0;
	if (ev[NICDIAG_EVENT_A_LINK] &&
	    nla_parse_nested(ln, NICDIAG_LINK_A_MAX, ev[NICDIAG_EVENT_A_LINK], link_policy))
		memset(ln, 0, sizeof(ln));
	seq = nla_get_u64(ev[NICDIAG_EVENT_A_SEQ]);
	if (t && t->last && seq > t->last + 1)
		print_loss(t->last + 1, seq - 1, "gap");
	if (t && seq > t->last)
		t->last = seq;
	type = nla_get_u32(ev[NICDIAG_EVENT_A_TYPE]);
	real_ns = ev[NICDIAG_EVENT_A_REAL_NS] ? nla_get_u64(ev[NICDIAG_EVENT_A_REAL_NS]) : 0;
	iso_time(when, sizeof(when), real_ns);

	out_obj_open();
	out_u64("seq", NULL, seq);
	out_str("time", "%s", when);
	out_text(" #%" PRIu64, seq);
	if (ev[NICDIAG_EVENT_A_MONO_NS])
		out_u64("mono_ns", NULL, nla_get_u64(ev[NICDIAG_EVENT_A_MONO_NS]));
	out_str("type", NULL, event_type_name(type));
	out_u64("ifindex", NULL, u32_or(ev[NICDIAG_EVENT_A_IFINDEX], 0));
	out_str("ifname", " %s", str_or(ev[NICDIAG_EVENT_A_IFNAME], "?")[0] ?
		str_or(ev[NICDIAG_EVENT_A_IFNAME], "?") : "-");
	out_str("driver", " (%s", str_or(ev[NICDIAG_EVENT_A_DRIVER], "?"));
	out_str("bus_info", " %s) ", str_or(ev[NICDIAG_EVENT_A_BUS_INFO], "-"));
	if (ev[NICDIAG_EVENT_A_CAUSE])
		out_str("cause", NULL, cause_name(nla_get_u32(ev[NICDIAG_EVENT_A_CAUSE])));
	if (ev[NICDIAG_EVENT_A_PID]) {
		/* Who did it: on a hypervisor, which VM's QEMU. */
		out_u64("pid", NULL, nla_get_u32(ev[NICDIAG_EVENT_A_PID]));
		out_str("comm", "[%s", str_or(ev[NICDIAG_EVENT_A_COMM], "?"));
		out_text(" %u] ", nla_get_u32(ev[NICDIAG_EVENT_A_PID]));
	}
	describe(type, ev, ln);
	if (ev[NICDIAG_EVENT_A_LINK])
		print_link(ln);
	if (ev[NICDIAG_EVENT_A_SETUP])
		print_setup(ev[NICDIAG_EVENT_A_SETUP]);
	if (ev[NICDIAG_EVENT_A_QUEUE])
		print_queue(ev[NICDIAG_EVENT_A_QUEUE]);
	if (ev[NICDIAG_EVENT_A_AER])
		print_aer(ev[NICDIAG_EVENT_A_AER]);
	if (ev[NICDIAG_EVENT_A_HOST])
		print_host(ev[NICDIAG_EVENT_A_HOST]);
	print_withheld(u32_or(ev[NICDIAG_EVENT_A_WITHHELD], 0));
	out_obj_close();
	return seq;
}
