// SPDX-License-Identifier: GPL-2.0
/* Printing of watched devices (NICDIAG_A_DEV); see dev.h. */
#include <inttypes.h>
#include <stdio.h>
#include <time.h>

#include <linux/nicdiag.h>

#include "decode.h"
#include "event.h"
#include "pcie.h"
#include "dev.h"
#include "host.h"
#include "print.h"

static struct nla_policy dev_policy[NICDIAG_DEV_A_MAX + 1] = {
	[NICDIAG_DEV_A_IFINDEX] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_IFNAME] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_DRIVER] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_BUS_INFO] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_PCI_ADDR] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_ADMIN_UP] = { .type = NLA_U8 },
	[NICDIAG_DEV_A_CARRIER] = { .type = NLA_U8 },
	[NICDIAG_DEV_A_OPERSTATE] = { .type = NLA_U8 },
	[NICDIAG_DEV_A_MTU] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_FLAPPING] = { .type = NLA_U8 },
	[NICDIAG_DEV_A_SINCE_MONO_NS] = { .type = NLA_U64 },
	[NICDIAG_DEV_A_LAST_CHANGE_MONO_NS] = { .type = NLA_U64 },
	[NICDIAG_DEV_A_LAST_CHANGE_REAL_NS] = { .type = NLA_U64 },
	[NICDIAG_DEV_A_N_STALL] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_N_TX_TIMEOUT] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_STALLED_QUEUES] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_N_AER_COR] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_N_AER_NONFATAL] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_N_AER_FATAL] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_OWNER_PID] = { .type = NLA_U32 },
	[NICDIAG_DEV_A_OWNER_COMM] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_MASTER] = { .type = NLA_STRING },
	[NICDIAG_DEV_A_PORT_STATE] = { .type = NLA_U8 },
	[NICDIAG_DEV_A_WITHHELD] = { .type = NLA_U32 },
};

void print_dev_header(void)
{
	out_text("%-12s %7s %-11s %-13s %-5s %-7s %-14s %5s %-5s %9s %-7s %-9s %s\n",
		 "IFACE", "IFINDEX", "DRIVER", "BUS", "ADMIN", "CARRIER", "OPER",
		 "MTU", "FLAPS", "UP/DOWN", "STALLS", "AER C/N/F", "LAST-CHANGE");
}

static const char *ago(uint64_t mono_ns, char *buf, size_t len)
{
	struct timespec now;
	uint64_t n;

	if (!mono_ns)
		return "-";
	clock_gettime(CLOCK_MONOTONIC, &now);
	n = (uint64_t)now.tv_sec * 1000000000ULL + now.tv_nsec;
	snprintf(buf, len, "%.1fs ago", n > mono_ns ? (n - mono_ns) / 1e9 : 0.0);
	return buf;
}

void print_dev(struct nlattr *nest)
{
	static const struct {
		int attr;
		const char *key;
	} counters[] = {
		{ NICDIAG_DEV_A_N_ADMIN, "n_admin" },
		{ NICDIAG_DEV_A_N_CARRIER_UP, "n_carrier_up" },
		{ NICDIAG_DEV_A_N_CARRIER_DOWN, "n_carrier_down" },
		{ NICDIAG_DEV_A_N_OPER, "n_oper" },
		{ NICDIAG_DEV_A_N_MTU, "n_mtu" },
		{ NICDIAG_DEV_A_N_RENAME, "n_rename" },
		{ NICDIAG_DEV_A_N_FLAP, "n_flap" },
		{ NICDIAG_DEV_A_N_STALL, "n_stall" },
		{ NICDIAG_DEV_A_N_TX_TIMEOUT, "n_tx_timeout" },
		{ NICDIAG_DEV_A_STALLED_QUEUES, "stalled_queues" },
		{ NICDIAG_DEV_A_N_AER_COR, "n_aer_cor" },
		{ NICDIAG_DEV_A_N_AER_NONFATAL, "n_aer_nonfatal" },
		{ NICDIAG_DEV_A_N_AER_FATAL, "n_aer_fatal" },
	};
	struct nlattr *d[NICDIAG_DEV_A_MAX + 1];
	char buf[64], updown[32];
	uint64_t last = 0;
	unsigned int i;

	if (nla_parse_nested(d, NICDIAG_DEV_A_MAX, nest, dev_policy))
		return;
#define S(a) (d[a] ? nla_get_string(d[a]) : "-")
#define U32(a) (d[a] ? nla_get_u32(d[a]) : 0)
#define U8(a) (d[a] ? nla_get_u8(d[a]) : 0)
	out_obj_open();
	out_u64("ifindex", NULL, U32(NICDIAG_DEV_A_IFINDEX));
	out_str("ifname", "%-12s ", S(NICDIAG_DEV_A_IFNAME));
	out_text("%7u ", U32(NICDIAG_DEV_A_IFINDEX));
	out_str("driver", "%-11s ", S(NICDIAG_DEV_A_DRIVER));
	out_str("bus_info", "%-13s ", S(NICDIAG_DEV_A_BUS_INFO));
	if (d[NICDIAG_DEV_A_PCI_ADDR]) {
		struct pcie_link l;

		out_str("pci_addr", NULL, S(NICDIAG_DEV_A_PCI_ADDR));
		if (out_json() && !pcie_link_read(S(NICDIAG_DEV_A_PCI_ADDR), &l)) {
			out_nest_open("pcie");
			out_u64("speed_mts", NULL, (uint64_t)(l.speed * 1000 + 0.5));
			out_u64("width", NULL, l.width);
			out_u64("capable_speed_mts", NULL, (uint64_t)(l.cap_speed * 1000 + 0.5));
			out_u64("capable_width", NULL, l.cap_width);
			if (l.port[0])
				out_str("port", NULL, l.port);
			out_bool("degraded", NULL, l.degraded);
			out_nest_close();
		}
	}
	if (d[NICDIAG_DEV_A_ADDRESS]) {
		const unsigned char *a = nla_data(d[NICDIAG_DEV_A_ADDRESS]);
		int n = nla_len(d[NICDIAG_DEV_A_ADDRESS]), k, o = 0;

		buf[0] = '\0';
		for (k = 0; k < n && o < (int)sizeof(buf) - 3; k++)
			o += snprintf(buf + o, sizeof(buf) - o, k ? ":%02x" : "%02x", a[k]);
		out_str("address", NULL, buf);
	}
	out_bool("admin_up", NULL, U8(NICDIAG_DEV_A_ADMIN_UP));
	out_text("%-5s ", U8(NICDIAG_DEV_A_ADMIN_UP) ? "up" : "down");
	out_bool("carrier", NULL, U8(NICDIAG_DEV_A_CARRIER));
	out_text("%-7s ", U8(NICDIAG_DEV_A_CARRIER) ? "on" : "off");
	out_str("operstate", "%-14s ", oper_name(U8(NICDIAG_DEV_A_OPERSTATE)));
	out_u64("mtu", "%5" PRIu64 " ", U32(NICDIAG_DEV_A_MTU));
	out_bool("flapping", NULL, U8(NICDIAG_DEV_A_FLAPPING));
	snprintf(buf, sizeof(buf), "%u%s", U32(NICDIAG_DEV_A_N_FLAP),
		 U8(NICDIAG_DEV_A_FLAPPING) ? "!" : "");
	out_text("%-5s ", buf);
	for (i = 0; i < sizeof(counters) / sizeof(counters[0]); i++)
		out_u64(counters[i].key, NULL, U32(counters[i].attr));
	snprintf(updown, sizeof(updown), "%u/%u", U32(NICDIAG_DEV_A_N_CARRIER_UP),
		 U32(NICDIAG_DEV_A_N_CARRIER_DOWN));
	out_text("%9s ", updown);
	snprintf(buf, sizeof(buf), "%u%s", U32(NICDIAG_DEV_A_N_STALL),
		 U32(NICDIAG_DEV_A_STALLED_QUEUES) ? "!" : "");
	out_text("%-7s ", buf);
	snprintf(buf, sizeof(buf), "%u/%u/%u", U32(NICDIAG_DEV_A_N_AER_COR),
		 U32(NICDIAG_DEV_A_N_AER_NONFATAL), U32(NICDIAG_DEV_A_N_AER_FATAL));
	out_text("%-9s ", buf);
	if (d[NICDIAG_DEV_A_SINCE_MONO_NS])
		out_u64("since_mono_ns", NULL, nla_get_u64(d[NICDIAG_DEV_A_SINCE_MONO_NS]));
	if (d[NICDIAG_DEV_A_LAST_CHANGE_MONO_NS])
		last = nla_get_u64(d[NICDIAG_DEV_A_LAST_CHANGE_MONO_NS]);
	out_u64("last_change_mono_ns", NULL, last);
	if (last && d[NICDIAG_DEV_A_LAST_CHANGE_REAL_NS]) {
		iso_time(buf, sizeof(buf), nla_get_u64(d[NICDIAG_DEV_A_LAST_CHANGE_REAL_NS]));
		out_str("last_change_time", NULL, buf);
	}
	out_text("%s", ago(last, buf, sizeof(buf)));
	if (d[NICDIAG_DEV_A_OWNER_PID]) {
		out_u64("owner_pid", NULL, U32(NICDIAG_DEV_A_OWNER_PID));
		out_str("owner_comm", "  owner %s", S(NICDIAG_DEV_A_OWNER_COMM));
		out_text("[%u]", U32(NICDIAG_DEV_A_OWNER_PID));
	}
	if (d[NICDIAG_DEV_A_MASTER]) {
		out_str("master", "  bridge %s", S(NICDIAG_DEV_A_MASTER));
		out_str("port_state", " port %s", port_state_name(U8(NICDIAG_DEV_A_PORT_STATE)));
	}
	print_withheld(U32(NICDIAG_DEV_A_WITHHELD));
	out_obj_close();
#undef S
#undef U32
#undef U8
}
