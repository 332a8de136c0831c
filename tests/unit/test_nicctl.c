// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of nicctl's decoders and printers, on messages built here the
 * way the kernel builds them.  Prints 'ok N - name' / 'not ok N - name'
 * and a closing 'N passed, N failed'.
 */
#include <linux/netlink.h>
#include <linux/nicdiag.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <netlink/genl/genl.h>

#include "decode.h"
#include "dev.h"
#include "aer.h"
#include "pcie.h"
#include "event.h"
#include "nl.h"
#include "print.h"
#include "explain.h"
#include "host.h"
#include "kmsg.h"
#include "redact.h"
#include "report.h"
#include "sysfs.h"
#include "sysinfo.h"
#include "virtio.h"

static int passed, failed, n;

static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (cond)
		passed++;
	else
		failed++;
}

static void check_str(const char *got, const char *want, const char *name)
{
	check(!strcmp(got, want), "%s", name);
	if (strcmp(got, want))
		printf("#   got:  %s\n#   want: %s\n", got, want);
}

/* Capture what the printer writes. */
static char *capture_buf;
static size_t capture_len;
static FILE *capture_fp;

static void capture_start(int json)
{
	free(capture_buf);
	capture_buf = NULL;
	capture_fp = open_memstream(&capture_buf, &capture_len);
	out_init(capture_fp, json);
}

static const char *capture_end(void)
{
	fclose(capture_fp);
	return capture_buf;
}

static void test_decoders(void)
{
	static const char *const types[] = {
		"type#0", "dev_arrive", "dev_depart", "admin_up", "admin_down",
		"carrier_on", "carrier_off", "operstate", "mtu", "rename",
		"flapping", "flap_end", "probe_ok", "probe_fail", "setup_scan",
		"tx_stall", "tx_resume", "tx_timeout", "vq_broken", "needs_reset",
		"aer", "aer_recovery", "tap_attach", "tap_detach", "vhost_setup",
		"host_fail", "bridge_join", "bridge_leave", "port_state", "pci_bind",
		"pci_unbind", "vfio_open",
	};
	static const char *const opers[] = {
		"unknown", "notpresent", "down", "lowerlayerdown", "testing",
		"dormant", "up",
	};
	unsigned int i;

	for (i = 1; i < __NICDIAG_EV_MAX; i++)
		check_str(event_type_name(i), types[i], "event type name");
	check_str(event_type_name(99), "type#99", "unknown event type decodes as type#N");
	_Static_assert(sizeof(types) / sizeof(types[0]) == __NICDIAG_EV_MAX, "all types named");
	for (i = 0; i < sizeof(opers) / sizeof(opers[0]); i++)
		check_str(oper_name(i), opers[i], "operstate name");
	check_str(oper_name(99), "oper#99", "unknown operstate");
	check_str(cause_name(NICDIAG_CAUSE_REGISTERED), "registered", "cause registered");
	check_str(cause_name(NICDIAG_CAUSE_PRESENT), "present", "cause present");
	check_str(cause_name(NICDIAG_CAUSE_UNREGISTERED), "unregistered", "cause unregistered");
	check_str(cause_name(NICDIAG_CAUSE_NETNS_MOVE), "netns_move", "cause netns_move");
	check_str(cause_name(NICDIAG_CAUSE_CONFIG), "config", "cause config");
	check_str(cause_text(NICDIAG_CAUSE_PRESENT), "present at load", "cause text");
	check_str(cause_name(NICDIAG_CAUSE_LINK_DOWN), "link_down", "cause link_down");
	check_str(cause_name(77), "cause#77", "unknown cause");
}

static void test_json_escape(void)
{
	capture_start(1);
	json_escape(capture_fp, "a\"b\\c\nd\te\x01");
	check_str(capture_end(), "\"a\\\"b\\\\c\\nd\\te\\u0001\"", "JSON string escaping");
}

static void test_iso_time(void)
{
	char buf[40];

	iso_time(buf, sizeof(buf), 1795831800123456789ULL);
	check_str(buf, "2026-11-28T02:10:00.123456Z", "ISO 8601 time with microseconds");
	iso_time(buf, sizeof(buf), 0);
	check_str(buf, "1970-01-01T00:00:00.000000Z", "ISO time of 0");
}

/* An NLMSG_ERROR as the kernel sends it with NETLINK_CAP_ACK set. */
static void test_extack(void)
{
	unsigned char buf[256] = { 0 };
	struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
	struct nlmsgerr *err = NLMSG_DATA(nlh);
	struct nlattr *a = (struct nlattr *)((char *)err + sizeof(*err));
	const char *msg = "nicdiag: nothing to set";
	const char *got;

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	err->error = -22;
	err->msg.nlmsg_len = 64;	/* the request's length; capped: not echoed */
	a->nla_type = NLMSGERR_ATTR_MSG;
	a->nla_len = NLA_HDRLEN + strlen(msg) + 1;
	memcpy((char *)a + NLA_HDRLEN, msg, strlen(msg) + 1);
	nlh->nlmsg_len = NLMSG_HDRLEN + sizeof(*err) + NLA_ALIGN(a->nla_len);
	got = extack_msg(nlh);
	check(got && !strcmp(got, msg), "extack message from a capped NLMSG_ERROR");

	nlh->nlmsg_flags = NLM_F_CAPPED;
	check(extack_msg(nlh) == NULL, "no extack without NLM_F_ACK_TLVS");
	nlh->nlmsg_flags = NLM_F_CAPPED | NLM_F_ACK_TLVS;
	a->nla_len = 200;	/* runs past the message */
	check(extack_msg(nlh) == NULL, "a truncated TLV is not read");
	check(nl_exit_code(-1) == EXIT_PERM && nl_exit_code(-19) == EXIT_NODEV &&
	      nl_exit_code(-22) == EXIT_ERROR && nl_exit_code(0) == EXIT_OK,
	      "errno to exit code");
}

/* Build an event the way kmod/nlmsg.c does. */
/*
 * An EVENT_NTF message with the event's common attributes, as the kernel
 * sends it; returns the open NICDIAG_A_EVENT nest (mono 0: left out).
 */
static struct nlattr *event_start(struct nl_msg *msg, uint64_t seq, uint64_t mono,
				  uint32_t type, uint32_t ifindex, const char *ifname,
				  const char *driver, const char *bus)
{
	struct nlattr *ev;

	genlmsg_put(msg, 0, 0, 0x20, 0, 0, NICDIAG_CMD_EVENT_NTF, 1);
	ev = nla_nest_start(msg, NICDIAG_A_EVENT);
	nla_put_u64(msg, NICDIAG_EVENT_A_SEQ, seq);
	if (mono)
		nla_put_u64(msg, NICDIAG_EVENT_A_MONO_NS, mono);
	nla_put_u64(msg, NICDIAG_EVENT_A_REAL_NS, 1795831800123456789ULL);
	nla_put_u32(msg, NICDIAG_EVENT_A_TYPE, type);
	nla_put_u32(msg, NICDIAG_EVENT_A_IFINDEX, ifindex);
	nla_put_string(msg, NICDIAG_EVENT_A_IFNAME, ifname);
	nla_put_string(msg, NICDIAG_EVENT_A_DRIVER, driver);
	nla_put_string(msg, NICDIAG_EVENT_A_BUS_INFO, bus);
	return ev;
}

static struct nl_msg *event_msg(uint64_t seq, uint32_t type, int with_cause)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *ev, *ln;

	ev = event_start(msg, seq, 5000000000ULL, type, 2, "eth0", "virtio_net", "0000:01:00.0");
	if (with_cause)
		nla_put_u32(msg, NICDIAG_EVENT_A_CAUSE, NICDIAG_CAUSE_PRESENT);
	ln = nla_nest_start(msg, NICDIAG_EVENT_A_LINK);
	nla_put_u8(msg, NICDIAG_LINK_A_ADMIN_UP, 1);
	nla_put_u8(msg, NICDIAG_LINK_A_CARRIER, 0);
	nla_put_u8(msg, NICDIAG_LINK_A_OPERSTATE, NICDIAG_OPER_DOWN);
	nla_put_u32(msg, NICDIAG_LINK_A_MTU, 1500);
	nla_put_u32(msg, NICDIAG_LINK_A_CARRIER_UP_COUNT, 3);
	nla_put_u32(msg, NICDIAG_LINK_A_CARRIER_DOWN_COUNT, 4);
	if (type == NICDIAG_EV_FLAPPING) {
		nla_put_u32(msg, NICDIAG_LINK_A_FLAP_COUNT, 5);
		nla_put_u32(msg, NICDIAG_LINK_A_FLAP_WINDOW_MS, 10000);
	}
	nla_nest_end(msg, ln);
	nla_nest_end(msg, ev);
	return msg;
}

static const char *print_msg(struct nl_msg *msg, int json, struct seq_tracker *t)
{
	struct nlattr *tb[NICDIAG_A_MAX + 1];

	capture_start(json);
	if (!nl_parse_reply(msg, tb) && tb[NICDIAG_A_EVENT])
		print_event(tb[NICDIAG_A_EVENT], t);
	return capture_end();
}

static void test_event_printer(void)
{
	struct seq_tracker t = { 0 };
	struct nl_msg *m = event_msg(12, NICDIAG_EV_CARRIER_OFF, 0);
	const char *s;

	check_str(print_msg(m, 0, NULL),
		  "2026-11-28T02:10:00.123456Z #12 eth0 (virtio_net 0000:01:00.0) carrier off: link down, operstate down\n",
		  "event printer, text: carrier off");
	check_str(print_msg(m, 1, NULL),
		  "{\"seq\":12,\"time\":\"2026-11-28T02:10:00.123456Z\",\"mono_ns\":5000000000,"
		  "\"type\":\"carrier_off\",\"ifindex\":2,\"ifname\":\"eth0\",\"driver\":\"virtio_net\","
		  "\"bus_info\":\"0000:01:00.0\",\"link\":{\"admin_up\":true,\"carrier\":false,"
		  "\"operstate\":\"down\",\"mtu\":1500,\"carrier_up_count\":3,\"carrier_down_count\":4}}\n",
		  "event printer, JSON: carrier off");
	nlmsg_free(m);

	m = event_msg(3, NICDIAG_EV_DEV_ARRIVE, 1);
	s = print_msg(m, 0, NULL);
	check(strstr(s, "#3 eth0 (virtio_net 0000:01:00.0) arrived (present at load)") != NULL,
	      "event printer, text: arrival with cause");
	check(strstr(print_msg(m, 1, NULL), "\"cause\":\"present\"") != NULL,
	      "event printer, JSON: cause");
	nlmsg_free(m);

	m = event_msg(7, NICDIAG_EV_FLAPPING, 0);
	check(strstr(print_msg(m, 0, NULL),
		     "flapping: 5 carrier changes in 10000 ms") != NULL,
	      "event printer, text: flapping");
	nlmsg_free(m);

	m = event_msg(9, 42, 0);
	check(strstr(print_msg(m, 1, NULL), "\"type\":\"type#42\"") != NULL,
	      "event printer: an unknown type is printed, not refused");
	nlmsg_free(m);

	/* What the module withheld from this reader is said, not hidden. */
	m = nlmsg_alloc();
	{
		struct nlattr *ev = event_start(m, 21, 0, NICDIAG_EV_SETUP_SCAN, 0, "",
						"virtio_net", "0000:02:00.0");

		nla_put_u32(m, NICDIAG_EVENT_A_WITHHELD,
			    NICDIAG_WITHHELD_LOG | NICDIAG_WITHHELD_PROC);
		nla_nest_end(m, ev);
	}
	s = print_msg(m, 1, NULL);
	check(strstr(s, "\"withheld\":[\"log\",\"proc\"]}") != NULL,
	      "event printer, JSON: withheld classes as an array");
	s = print_msg(m, 0, NULL);
	check(strstr(s, "[withheld: kernel log lines (need CAP_SYSLOG), processes (need CAP_NET_ADMIN)]")
	      != NULL, "event printer, text: withheld classes and the capability each needs");
	nlmsg_free(m);

	/* Sequence tracking: 5 then 9 reports 6..8 lost. */
	m = event_msg(5, NICDIAG_EV_MTU, 0);
	print_msg(m, 1, &t);
	nlmsg_free(m);
	m = event_msg(9, NICDIAG_EV_MTU, 0);
	s = print_msg(m, 1, &t);
	check(strstr(s, "{\"type\":\"lost\",\"count\":3,\"first_seq\":6,\"last_seq\":8,\"reason\":\"gap\"}") != NULL,
	      "a sequence gap is reported as lost events");
	check(t.last == 9, "tracker follows the last sequence number");
	nlmsg_free(m);
}

static void test_virtio_decoders(void)
{
	char buf[512];

	status_str(0x83, buf, sizeof(buf));
	check_str(buf, "ACKNOWLEDGE|DRIVER|FAILED", "status 0x83 decoded");
	status_str(0x0f, buf, sizeof(buf));
	check_str(buf, "ACKNOWLEDGE|DRIVER|FEATURES_OK|DRIVER_OK", "status 0x0f decoded");
	status_str(0, buf, sizeof(buf));
	check_str(buf, "RESET", "status 0 decoded");
	features_str((1ULL << 16) | (1ULL << 17) | (1ULL << 32) | (1ULL << 50), buf, sizeof(buf));
	check_str(buf, "VIRTIO_NET_F_STATUS VIRTIO_NET_F_CTRL_VQ VIRTIO_F_VERSION_1 bit50",
		  "feature bits decoded by name, unknown ones by number");
	check_str(feature_qemu_prop("VIRTIO_NET_F_CTRL_VQ"), "ctrl_vq", "QEMU property of CTRL_VQ");
	check_str(feature_qemu_prop("VIRTIO_NET_F_MQ"), "mq", "QEMU property of MQ");
	check(feature_qemu_prop("VIRTIO_NET_F_NONSENSE") == NULL, "no property for an unknown name");
	check_str(errno_name(22), "EINVAL", "errno 22");
	check_str(errno_name(4000), "errno 4000", "unknown errno");
}

/* A setup snapshot as kmod/nlmsg.c encodes it. */
static struct nl_msg *setup_msg(uint64_t offered, uint8_t status, uint8_t bound,
				uint8_t irq, uint32_t vectors, const char *log)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *ev, *st;

	genlmsg_put(msg, 0, 0, 0x20, 0, 0, NICDIAG_CMD_EVENT_NTF, 1);
	ev = nla_nest_start(msg, NICDIAG_A_EVENT);
	st = nla_nest_start(msg, NICDIAG_EVENT_A_SETUP);
	nla_put_string(msg, NICDIAG_SETUP_A_VIRTIO_DEV, "virtio1");
	nla_put_string(msg, NICDIAG_SETUP_A_PCI_ADDR, "0000:02:00.0");
	if (log)
		nla_put_u32(msg, NICDIAG_SETUP_A_ERRNO, 22);
	nla_put_u32(msg, NICDIAG_SETUP_A_STAGE, bound ? NICDIAG_STAGE_DONE : NICDIAG_STAGE_FEATURES);
	nla_put_u8(msg, NICDIAG_SETUP_A_STATUS, status);
	nla_put_u64(msg, NICDIAG_SETUP_A_FEATURES_OFFERED, offered);
	nla_put_u64(msg, NICDIAG_SETUP_A_FEATURES_NEGOTIATED, offered & ~(1ULL << 3));
	nla_put_u8(msg, NICDIAG_SETUP_A_DRIVER_BOUND, bound);
	nla_put_u8(msg, NICDIAG_SETUP_A_IRQ_MODE, irq);
	nla_put_u32(msg, NICDIAG_SETUP_A_MSIX_VECTORS, vectors);
	nla_put_u32(msg, NICDIAG_SETUP_A_NUM_VQS, bound ? 3 : 0);
	nla_put_u32(msg, NICDIAG_SETUP_A_QUEUE_PAIRS, bound);
	nla_put_u32(msg, NICDIAG_SETUP_A_DEVICE_MTU, 60);
	nla_put_u32(msg, NICDIAG_SETUP_A_CPUS, 2);
	if (log)
		nla_put_string(msg, NICDIAG_SETUP_A_LOG, log);
	nla_nest_end(msg, st);
	nla_nest_end(msg, ev);
	return msg;
}

static const char *explain_msg(struct nl_msg *msg, unsigned int type)
{
	struct nlattr *tb[NICDIAG_A_MAX + 1], *ev[NICDIAG_EVENT_A_MAX + 1];

	capture_start(1);
	if (!nl_parse_reply(msg, tb) && tb[NICDIAG_A_EVENT] &&
	    !nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL) &&
	    ev[NICDIAG_EVENT_A_SETUP])
		explain_setup("", type, ev[NICDIAG_EVENT_A_SETUP], NULL);
	nlmsg_free(msg);
	return capture_end();
}

static void test_explain(void)
{
	const uint64_t good = (1ULL << 16) | (1ULL << 17) | (1ULL << 32);
	const char *s;

	s = explain_msg(setup_msg((good & ~(1ULL << 17)) | (1ULL << 21), 0x83, 0, NICDIAG_IRQ_INTX, 4,
				  "virtio_net virtio1: device advertises feature VIRTIO_NET_F_GUEST_ANNOUNCE but not VIRTIO_NET_F_CTRL_VQ"),
			NICDIAG_EV_PROBE_FAIL);
	check(strstr(s, "\"verdict\":\"failed\"") &&
	      strstr(s, "VIRTIO_NET_F_GUEST_ANNOUNCE without VIRTIO_NET_F_CTRL_VQ") &&
	      strstr(s, "ctrl_vq=on (or guest_announce=off"),
	      "explain: a dependency the tests never inject is named from the kernel's line");
	s = explain_msg(setup_msg(good, 0x0f, 1, NICDIAG_IRQ_MSIX, 4, NULL), NICDIAG_EV_PROBE_OK);
	check(strstr(s, "\"verdict\":\"healthy\"") != NULL, "explain: healthy device says so");
	s = explain_msg(setup_msg(good & ~(1ULL << 32), 0x0f, 1, NICDIAG_IRQ_MSIX, 4, NULL),
			NICDIAG_EV_PROBE_OK);
	check(strstr(s, "legacy virtio transport") && strstr(s, "disable-modern"),
	      "explain: legacy transport and its fix");
	s = explain_msg(setup_msg(good | (1ULL << 3), 0x0f, 1, NICDIAG_IRQ_MSIX, 4, NULL),
			NICDIAG_EV_PROBE_OK);
	check(strstr(s, "MTU 60 was ignored") != NULL, "explain: ignored device MTU");
	s = explain_msg(setup_msg(good, 0x03, 0, NICDIAG_IRQ_INTX, 4, NULL), NICDIAG_EV_SETUP_SCAN);
	check(strstr(s, "no driver bound") && strstr(s, "modprobe virtio_net"),
	      "explain: unbound, never failed: load the driver");
	s = explain_msg(setup_msg(good, 0x83, 0, NICDIAG_IRQ_INTX, 4, NULL), NICDIAG_EV_SETUP_SCAN);
	check(strstr(s, "failed before nicdiag was loaded") != NULL,
	      "explain: failed before load, errno unknown, says so");
}

/* A queue event as kmod/nlmsg.c encodes it. */
static struct nl_msg *queue_msg(uint32_t type, uint32_t cause, uint32_t free_descs)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *ev, *q;

	ev = event_start(msg, 40, 0, type, 2, "eth0", "virtio_net", "virtio0");
	if (cause)
		nla_put_u32(msg, NICDIAG_EVENT_A_CAUSE, cause);
	q = nla_nest_start(msg, NICDIAG_EVENT_A_QUEUE);
	nla_put_u32(msg, NICDIAG_QUEUE_A_INDEX, 1);
	nla_put_u32(msg, NICDIAG_QUEUE_A_STOPPED_MS, 2250);
	nla_put_u32(msg, NICDIAG_QUEUE_A_THRESHOLD_MS, 2000);
	nla_put_u32(msg, NICDIAG_QUEUE_A_TX_TIMEOUTS, 0);
	if (type == NICDIAG_EV_TX_RESUME)
		nla_put_u32(msg, NICDIAG_QUEUE_A_DURATION_MS, 7300);
	nla_put_string(msg, NICDIAG_QUEUE_A_VQ_NAME, "output.1");
	nla_put_u32(msg, NICDIAG_QUEUE_A_VQ_SIZE, 256);
	nla_put_u32(msg, NICDIAG_QUEUE_A_VQ_FREE, free_descs);
	nla_put_u8(msg, NICDIAG_QUEUE_A_VQ_BROKEN, type == NICDIAG_EV_VQ_BROKEN);
	nla_put_u8(msg, NICDIAG_QUEUE_A_STATUS, 0x0f);
	nla_put_u8(msg, NICDIAG_QUEUE_A_XOFF, NICDIAG_XOFF_STACK);
	nla_put_u32(msg, NICDIAG_QUEUE_A_BQL_INFLIGHT, 96000);
	nla_nest_end(msg, q);
	nla_nest_end(msg, ev);
	return msg;
}

static void test_queue_events(void)
{
	struct nlattr *tb[NICDIAG_A_MAX + 1], *ev[NICDIAG_EVENT_A_MAX + 1];
	struct dev_history si = { 0 };
	struct nl_msg *m;
	const char *s;

	m = queue_msg(NICDIAG_EV_TX_STALL, 0, 0);
	check_str(print_msg(m, 0, NULL),
		  "2026-11-28T02:10:00.123456Z #40 eth0 (virtio_net virtio0) TX queue 1 stalled: "
		  "stopped 2250 ms with no transmit (threshold 2000 ms); stopped by byte queue limits, "
		  "96000 bytes in flight; vq output.1 0/256 free; "
		  "status ACKNOWLEDGE|DRIVER|FEATURES_OK|DRIVER_OK; "
		  "the device is not consuming the TX ring (256 descriptors outstanding)\n",
		  "queue event, text: a stall with its virtqueue");
	s = print_msg(m, 1, NULL);
	check(strstr(s, "\"type\":\"tx_stall\"") &&
	      strstr(s, "\"queue\":{\"index\":1,\"stopped_ms\":2250,\"threshold_ms\":2000,"
		     "\"tx_timeouts\":0,\"vq_size\":256,\"vq_free\":0,\"bql_inflight\":96000,"
		     "\"stopped_by\":\"bql\",\"vq_name\":\"output.1\","
		     "\"vq_broken\":false,\"status\":15,"),
	      "queue event, JSON: the queue object");
	if (!nl_parse_reply(m, tb) &&
	    !nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL))
		stall_note(&si, NICDIAG_EV_TX_STALL, 0, ev[NICDIAG_EVENT_A_QUEUE]);
	nlmsg_free(m);
	check(si.stalled && si.queue == 1 && si.vq_free == 0 && si.n_stall == 1,
	      "explain: a stall event makes the device stalled");
	m = setup_msg((1ULL << 16) | (1ULL << 17) | (1ULL << 32), 0x0f, 1, NICDIAG_IRQ_MSIX, 4, NULL);
	capture_start(0);
	if (!nl_parse_reply(m, tb) &&
	    !nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL))
		explain_setup("eth0", NICDIAG_EV_PROBE_OK, ev[NICDIAG_EVENT_A_SETUP], &si);
	s = capture_end();
	nlmsg_free(m);
	check(strstr(s, "stalled: TX queue 1 is stalled") &&
	      strstr(s, "the backend stopped consuming the TX ring") &&
	      strstr(s, "0 of 256 descriptors free, 256 posted and not used") &&
	      strstr(s, "stopped by byte queue limits"),
	      "explain: a stalled queue is the cause, with the ring as evidence");

	m = queue_msg(NICDIAG_EV_TX_RESUME, 0, 200);
	check(strstr(print_msg(m, 0, NULL), "TX queue 1 resumed after a 7300 ms stall") != NULL,
	      "queue event, text: resume with duration");
	if (!nl_parse_reply(m, tb) &&
	    !nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL))
		stall_note(&si, NICDIAG_EV_TX_RESUME, 0, ev[NICDIAG_EVENT_A_QUEUE]);
	nlmsg_free(m);
	check(!si.stalled && si.last_ms == 7300, "explain: resume ends the stall, keeps the duration");
	m = queue_msg(NICDIAG_EV_TX_RESUME, NICDIAG_CAUSE_LINK_DOWN, 0);
	check(strstr(print_msg(m, 0, NULL), "stall ended after 7300 ms: device down or no carrier") != NULL,
	      "queue event, text: stall ended by link down");
	if (!nl_parse_reply(m, tb) &&
	    !nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, tb[NICDIAG_A_EVENT], NULL))
		stall_note(&si, NICDIAG_EV_TX_RESUME, NICDIAG_CAUSE_LINK_DOWN, ev[NICDIAG_EVENT_A_QUEUE]);
	check(si.last_link_down && !si.stalled, "explain: a stall ended by link down is told apart");
	nlmsg_free(m);
	m = queue_msg(NICDIAG_EV_VQ_BROKEN, 0, 3);
	check(strstr(print_msg(m, 0, NULL), "virtqueue output.1 broken") &&
	      strstr(print_msg(m, 0, NULL), ", BROKEN"),
	      "queue event, text: broken virtqueue");
	nlmsg_free(m);
}

static void put_file(const char *dir, const char *name, const char *val)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%.400s/%.60s", dir, name);
	f = fopen(path, "w");
	if (f) {
		fputs(val, f);
		fclose(f);
	}
}

/* A sysfs tree as the kernel lays out a port and the NIC below it. */
static void fake_link(const char *root, const char *cur, const char *curw,
		      const char *max, const char *maxw)
{
	char port[256], nic[320], link[400], cmd[1200];

	snprintf(port, sizeof(port), "%.200s/devices/pci0000:00/0000:00:1c.0", root);
	snprintf(nic, sizeof(nic), "%s/0000:01:00.0", port);
	snprintf(cmd, sizeof(cmd), "rm -rf %s && mkdir -p %s %s/bus/pci/devices", root, nic, root);
	if (system(cmd))
		return;
	put_file(port, "max_link_speed", "16.0 GT/s PCIe\n");
	put_file(port, "max_link_width", "16\n");
	put_file(nic, "current_link_speed", cur);
	put_file(nic, "current_link_width", curw);
	put_file(nic, "max_link_speed", max);
	put_file(nic, "max_link_width", maxw);
	snprintf(link, sizeof(link), "%s/bus/pci/devices/0000:01:00.0", root);
	if (symlink(nic, link))
		return;
	snprintf(link, sizeof(link), "%s/bus/pci/devices/0000:00:1c.0", root);
	if (symlink(port, link))
		return;
}

static void test_pcie_link(void)
{
	const char *root = "/tmp/nicctl-unit-sysfs";
	struct pcie_link l;
	char buf[256];

	setenv("NICCTL_SYSFS", root, 1);
	fake_link(root, "2.5 GT/s PCIe\n", "1\n", "8.0 GT/s PCIe\n", "4\n");
	check(pcie_link_read("0000:01:00.0", &l) == 0, "PCIe link read from sysfs");
	check(l.degraded && l.cap_speed == 8.0 && l.cap_width == 4 && !strcmp(l.port, "0000:00:1c.0"),
	      "PCIe link at 2.5 GT/s x1, both ends can do 8 GT/s x4: degraded");
	pcie_link_str(&l, buf, sizeof(buf));
	check_str(buf, "2.5 GT/s x1 (device 8 GT/s x4, port 0000:00:1c.0 16 GT/s x16)",
		  "PCIe link: both figures");
	fake_link(root, "8.0 GT/s PCIe\n", "4\n", "8.0 GT/s PCIe\n", "4\n");
	check(pcie_link_read("0000:01:00.0", &l) == 0 && !l.degraded,
	      "PCIe link at what the device can do: not degraded");
	fake_link(root, "16.0 GT/s PCIe\n", "8\n", "32.0 GT/s PCIe\n", "8\n");
	check(pcie_link_read("0000:01:00.0", &l) == 0 && !l.degraded && l.cap_speed == 16.0,
	      "PCIe link limited by the port, not degraded");
	fake_link(root, "Unknown\n", "0\n", "8.0 GT/s PCIe\n", "4\n");
	check(pcie_link_read("0000:01:00.0", &l) == -1, "PCIe link unknown: no verdict");
	check(pcie_link_read("0000:09:00.0", &l) == -1, "no such device: no verdict");
	unsetenv("NICCTL_SYSFS");
	if (system("rm -rf /tmp/nicctl-unit-sysfs"))
		return;
}

/* AER decoding: bit names by severity and the logged TLP header. */
static void test_aer_decoders(void)
{
	uint32_t mwr64[4] = { 0x60000001, 0x0008000f, 0x00000001, 0xfee00004 };
	uint32_t cpl[4] = { 0x4a000001, 0x01000004, 0x00101200, 0 };
	uint32_t mrd32[4] = { 0x00000001, 0x0100ff0f, 0xfebf1000, 0 };
	char buf[256];

	aer_status_str(NICDIAG_AER_NONFATAL, 0x00001000, buf, sizeof(buf));
	check_str(buf, "Poisoned TLP", "AER: uncorrectable bit 12");
	aer_status_str(NICDIAG_AER_FATAL, 0x00040010, buf, sizeof(buf));
	check_str(buf, "Data Link Protocol|Malformed TLP", "AER: two fatal bits, in bit order");
	aer_status_str(NICDIAG_AER_NONFATAL, 0x00200000 | 0x00400000 | 0x01000000, buf, sizeof(buf));
	check_str(buf, "ACS Violation|Uncorrectable Internal Error|AtomicOp Egress Blocked",
		  "AER: error types the lab never injects");
	aer_status_str(NICDIAG_AER_CORRECTABLE, 0x00001000 | 0x00000080, buf, sizeof(buf));
	check_str(buf, "Bad DLLP|Replay Timer Timeout", "AER: correctable bits use the correctable names");
	aer_status_str(NICDIAG_AER_NONFATAL, 0x80000000, buf, sizeof(buf));
	check_str(buf, "bit31", "AER: an unknown bit by number");
	aer_status_str(NICDIAG_AER_FATAL, 0, buf, sizeof(buf));
	check_str(buf, "status not read (device inaccessible)", "AER: fatal on an endpoint, status unread");
	aer_tlp_str(mwr64, buf, sizeof(buf));
	check_str(buf, "MWr64 requester 00:01.0 tag 0x00 address 0x00000001fee00004 "
		  "[60000001 0008000f 00000001 fee00004]", "TLP: 64-bit memory write");
	aer_tlp_str(mrd32, buf, sizeof(buf));
	check_str(buf, "MRd32 requester 01:00.0 tag 0xff address 0xfebf1000 "
		  "[00000001 0100ff0f febf1000 00000000]", "TLP: 32-bit memory read");
	aer_tlp_str(cpl, buf, sizeof(buf));
	check_str(buf, "CplD requester 00:02.0 tag 0x12 completer 01:00.0 "
		  "[4a000001 01000004 00101200 00000000]", "TLP: completion, requester from DW2");
	check_str(aer_severity_name(NICDIAG_AER_FATAL), "fatal", "AER severity name");
	check_str(aer_relation_name(NICDIAG_AER_REL_UPSTREAM), "upstream", "AER relation name");
}

/* A host event as the kernel sends it: tun, vhost-net or PCI. */
static struct nl_msg *host_msg(uint32_t type, uint8_t op, uint32_t ioctl, uint32_t err,
			       uint32_t flags, const char *ifname, int fd)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *ev, *h;

	ev = event_start(msg, 50, 0, type, ifname ? 7 : 0, ifname ? ifname : "",
			 ifname ? "tun" : "vhost_net", ifname ? "tap" : "");
	nla_put_u32(msg, NICDIAG_EVENT_A_PID, 4242);
	nla_put_string(msg, NICDIAG_EVENT_A_COMM, "qemu-system-x86");
	h = nla_nest_start(msg, NICDIAG_EVENT_A_HOST);
	nla_put_u8(msg, NICDIAG_HOST_A_OP, op);
	if (ioctl)
		nla_put_u32(msg, NICDIAG_HOST_A_IOCTL, ioctl);
	if (type == NICDIAG_EV_HOST_FAIL)
		nla_put_u32(msg, NICDIAG_HOST_A_ERRNO, err);
	if (flags)
		nla_put_u32(msg, NICDIAG_HOST_A_FLAGS, flags);
	if (ifname)
		nla_put_string(msg, NICDIAG_HOST_A_IFNAME, ifname);
	if (type == NICDIAG_EV_TAP_ATTACH && ifname)
		nla_put_u32(msg, NICDIAG_HOST_A_QUEUES, 2);
	if (op == NICDIAG_HOST_OP_VHOST_SET_BACKEND) {
		nla_put_u32(msg, NICDIAG_HOST_A_FD, (uint32_t)fd);
		nla_put_u32(msg, NICDIAG_HOST_A_INDEX, 1);
	}
	nla_nest_end(msg, h);
	nla_nest_end(msg, ev);
	return msg;
}

static void test_host_events(void)
{
	struct host_view v = { 0 };
	char cause[512], fix[512], buf[128];
	struct nl_msg *m;
	const char *s;

	m = host_msg(NICDIAG_EV_TAP_ATTACH, NICDIAG_HOST_OP_TUNSETIFF, 0x400454ca, 0,
		     0x0002 | 0x1000 | 0x4000 | 0x0100, "vnet0", -1);
	check_str(print_msg(m, 0, NULL),
		  "2026-11-28T02:10:00.123456Z #50 vnet0 (tun tap) [qemu-system-x86 4242] "
		  "queue attached (TUNSETIFF tap|multi_queue|no_pi|vnet_hdr): 2 queues now\n",
		  "host event, text: a queue attached, by the VM's process");
	s = print_msg(m, 1, NULL);
	check(strstr(s, "\"pid\":4242,\"comm\":\"qemu-system-x86\"") &&
	      strstr(s, "\"host\":{\"op\":\"TUNSETIFF\",\"step\":\"TUNSETIFF\",") &&
	      strstr(s, "\"flags\":\"tap|multi_queue|no_pi|vnet_hdr\",\"ifname\":\"vnet0\",\"queues\":2"),
	      "host event, JSON: process, step, flags, queues");
	nlmsg_free(m);

	m = host_msg(NICDIAG_EV_HOST_FAIL, NICDIAG_HOST_OP_VHOST_SET_BACKEND, 0x4008af30,
		     88 /* ENOTSOCK */, 0, NULL, 9);
	s = print_msg(m, 0, NULL);
	check(strstr(s, "[qemu-system-x86 4242] VHOST_NET_SET_BACKEND refused: ENOTSOCK: "
		     "fd 9 given as the backend of virtqueue 1 is not a tap") != NULL,
	      "host_fail, text: ENOTSOCK decoded with the fd and virtqueue");
	s = print_msg(m, 1, NULL);
	check(strstr(s, "\"errno\":88,\"errno_name\":\"ENOTSOCK\",\"cause\":\"fd 9 ") &&
	      strstr(s, "\"fix\":\"pass the VM's tap fd"),
	      "host_fail, JSON: errno, name, cause and fix");
	nlmsg_free(m);

	/* A mistake no lab test makes: the generic cause still names it. */
	m = host_msg(NICDIAG_EV_HOST_FAIL, NICDIAG_HOST_OP_TUN_IOCTL, 0x400454cc /* TUNSETOWNER */,
		     1 /* EPERM */, 0, "vnet3", -1);
	s = print_msg(m, 0, NULL);
	check(strstr(s, "TUNSETOWNER refused: EPERM: TUNSETOWNER not permitted: it needs CAP_NET_ADMIN")
	      != NULL, "host_fail: another ioctl's EPERM, named by its ioctl");
	nlmsg_free(m);
	m = host_msg(NICDIAG_EV_HOST_FAIL, NICDIAG_HOST_OP_VHOST_IOCTL, 0x4008af03 /* SET_MEM_TABLE */,
		     12 /* ENOMEM */, 0, NULL, -1);
	s = print_msg(m, 0, NULL);
	check(strstr(s, "VHOST_SET_MEM_TABLE refused: ENOMEM: VHOST_SET_MEM_TABLE refused: "
		     "Cannot allocate memory") != NULL,
	      "host_fail: an errno without a special case falls back to the kernel's words");
	nlmsg_free(m);

	v.op = NICDIAG_HOST_OP_TUNSETIFF;
	v.err = 22;
	v.flags = 0x1000;
	v.ifname = "vnet0";
	v.master = v.pci_addr = v.pci_driver = "";
	host_cause(&v, cause, sizeof(cause), fix, sizeof(fix));
	check(strstr(cause, "exactly one of IFF_TUN and IFF_TAP") != NULL,
	      "host_cause: TUNSETIFF without tun or tap");
	v.op = NICDIAG_HOST_OP_PCI_PROBE;
	v.pci_addr = "0000:03:00.0";
	v.pci_driver = "vfio-pci";
	host_cause(&v, cause, sizeof(cause), fix, sizeof(fix));
	check(strstr(cause, "no IOMMU group") && strstr(fix, "intel_iommu=on"),
	      "host_cause: vfio-pci EINVAL is the missing IOMMU, fix on the command line");
	check_str(tun_flags_str(0x0001 | 0x1000 | 0x80000, buf, sizeof(buf)), "tun|no_pi|0x80000",
		  "tun flags: known names, unknown bits in hex");
	check_str(port_state_name(NICDIAG_PORT_LEARNING), "learning", "port state name");
	check_str(port_state_name(9), "state#9", "unknown port state");
}

/* ---- nicctl report ------------------------------------------------------ */

static void test_redact(void)
{
	struct redactor *r = redact_new("lab.example.org");
	char *s;

	s = redact(r, "eth0 52:54:00:12:34:56 and 52:54:00:AB:CD:EF, again 52:54:00:12:34:56 "
		   "and 52-54-00-ab-cd-ef");
	check_str(s, "eth0 mac-1 and mac-2, again mac-1 and mac-2",
		  "redact: MACs become tokens, the same MAC the same token (case, separator)");
	free(s);
	s = redact(r, "{\"address\":\"52:54:00:ab:cd:ef\",\"ip\":\"10.0.2.15\"} 10.0.2.15. "
		   "fe80::5054:ff:fe12:3456/64 FE80::5054:FF:FE12:3456 2001:db8::1 ::1");
	check_str(s, "{\"address\":\"mac-2\",\"ip\":\"ip4-1\"} ip4-1. ip6-1/64 ip6-1 ip6-2 ip6-3",
		  "redact: IPv4 and IPv6 (canonical form), inside JSON strings too");
	free(s);
	s = redact(r, "host lab.example.org, short lab; label lab-peer /lab/cmd");
	check_str(s, "host host-1, short host-1; label lab-peer /host-1/cmd",
		  "redact: the host name and its first label, whole words only");
	free(s);
	{
		static const char *const keep[] = {
			"0000:01:00.0 0000:00:1c.0 virtio-pci 0000:02:00.0: enabling device",
			"2026-11-25T02:50:22.339010Z #12 eth0 (virtio_net 0000:01:00.0)",
			"[    1.795706] virtio_net virtio1: device advertises feature",
			"kernel 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 nicctl 0.1.0",
			"TLP MWr32 requester 01:00.0 tag 0x00 address 0xfebf1000 [60000001 0008000f 00000001 fee00004]",
			"features 0x12000dda3, status 0x83, 2.5 GT/s x1, 12:34:56, 1.2.3, ff:ff, a::b::c",
			"dead:beef:cafe:0000:0000:0000:0000:0000:0001 (nine groups)",
		};
		unsigned int i;
		int same = 1;

		for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
			s = redact(r, keep[i]);
			if (strcmp(s, keep[i])) {
				printf("#   changed: %s\n#   into:    %s\n", keep[i], s);
				same = 0;
			}
			free(s);
		}
		check(same, "redact: PCI addresses, times, versions, TLP words, hex values untouched");
	}
	redact_free(r);
	r = redact_new("(none)");
	s = redact(r, "(none) none");
	check_str(s, "(none) none", "redact: the kernel's '(none)' host name is not a name");
	free(s);
	redact_free(r);
}

static void test_kmsg(void)
{
	const char *names[] = { "virtio1", "0000:02:00.0", "eth0" };
	const char *path = "/tmp/nicctl-unit-kmsg";
	char buf[256];
	struct kmsg k;
	FILE *f;
	int i, n;

	check(kmsg_format("6,339,5140900,-;virtio_net virtio1: device advertises feature X but not Y",
			  buf, sizeof(buf)) == 0 &&
	      !strcmp(buf, "[    5.140900] virtio_net virtio1: device advertises feature X but not Y"),
	      "kmsg: a record formatted as dmesg prints it");
	check(kmsg_format("4,340,5141000,-,caller=T1;virtio_net: probe of virtio1 failed with error -22",
			  buf, sizeof(buf)) == 0 && !strcmp(buf + 15, "virtio_net: probe of virtio1 failed with error -22"),
	      "kmsg: a record with more prefix fields (caller=)");
	check(kmsg_format(" SUBSYSTEM=virtio", buf, sizeof(buf)) == -1, "kmsg: continuation lines are not records");
	check(kmsg_match("[ 1.0] virtio_net virtio1: x", names, 3), "kmsg: a line naming virtio1 matches");
	check(!kmsg_match("[ 1.0] virtio_net virtio10: x", names, 3), "kmsg: virtio10 is not virtio1");
	check(!kmsg_match("[ 1.0] veth0: up", names, 3), "kmsg: veth0 is not eth0");
	check(kmsg_match("[ 1.0] pcieport 0000:00:04.0: AER: Uncorrected error on 0000:02:00.0", names, 3),
	      "kmsg: a PCI address matches");
	check(!kmsg_match("[ 1.0] pci 0000:02:00.1: BAR 0", names, 3), "kmsg: another function does not");
	{
		static const char *const lines[] = {
			"[ 1.0] virtio_net virtio1: x", "[ 1.0] virtio_net virtio10: x", "[ 1.0] veth0: up",
			"[ 1.0] pcieport 0000:00:04.0: AER: Uncorrected error on 0000:02:00.0",
			"[ 1.0] pci 0000:02:00.1: BAR 0", "eth0", "xeth0", "eth0x", "(eth0)", "",
			"[ 2.0] NETDEV WATCHDOG: eth0 (virtio_net): transmit queue 0 timed out",
		};
		struct kmsg_names *set = kmsg_names_new(names, 3);
		unsigned int k;
		int same = set != NULL;

		for (k = 0; set && k < sizeof(lines) / sizeof(lines[0]); k++)
			if (kmsg_names_match(set, lines[k]) != kmsg_match(lines[k], names, 3)) {
				printf("#   differs on: %s\n", lines[k]);
				same = 0;
			}
		check(same, "kmsg: the hashed name set matches as the plain scan does");
		kmsg_names_free(set);
	}

	f = fopen(path, "w");
	if (f) {
		fputs("6,1,1000,-;Linux version 6.1.0\n"
		      "3,2,1795706,-;virtio_net virtio1: device advertises feature VIRTIO_NET_F_CTRL_RX but not VIRTIO_NET_F_CTRL_VQ\n"
		      " SUBSYSTEM=virtio\n DEVICE=+virtio:virtio1\n"
		      "4,3,1796464,-;virtio_net: probe of virtio1 failed with error -22\n"
		      "6,4,2000000,-;eth0: renamed\n", f);
		fclose(f);
	}
	setenv("NICCTL_KMSG", path, 1);
	check(kmsg_read(&k, buf, sizeof(buf)) == 0 && k.n == 4, "kmsg: records read from a file, continuations dropped");
	for (i = 0, n = 0; i < k.n; i++)
		n += kmsg_match(k.lines[i], names, 1);
	check(n == 2, "kmsg: two lines name virtio1 (got %d)", n);
	kmsg_free(&k);
	setenv("NICCTL_KMSG", "/nonexistent/kmsg", 1);
	check(kmsg_read(&k, buf, sizeof(buf)) < 0 && strstr(buf, "No such file"),
	      "kmsg: an unreadable log says why (%s)", buf);
	unsetenv("NICCTL_KMSG");
	unlink(path);
}

/* A virtio device under a PCI function, as the kernel lays it out. */
static void fake_virtio(const char *root, const char *pci, const char *vdev, const char *id,
			const char *status, const char *feat, const char *ifname)
{
	char dir[512], cmd[1600], link[600];

	snprintf(dir, sizeof(dir), "%.200s/devices/pci0000:00/%.20s/%.20s", root, pci, vdev);
	snprintf(cmd, sizeof(cmd), "mkdir -p %s %s/bus/virtio/devices %s/bus/virtio/drivers/virtio_net %s/bus/pci/devices/%s",
		 dir, root, root, root, pci);
	if (system(cmd))
		return;
	put_file(dir, "device", id);
	put_file(dir, "status", status);
	put_file(dir, "features", feat);
	snprintf(link, sizeof(link), "%.200s/bus/virtio/devices/%.20s", root, vdev);
	if (symlink(dir, link))
		return;
	if (ifname) {
		snprintf(cmd, sizeof(cmd), "mkdir -p %s/net/%s && ln -s %s/bus/virtio/drivers/virtio_net %s/driver",
			 dir, ifname, root, dir);
		if (system(cmd))
			return;
	}
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 20);

	if (f && buf) {
		if (!fread(buf, 1, (1 << 20) - 1, f))
			buf[0] = '\0';
	}
	if (f)
		fclose(f);
	return buf;
}

/* Valid JSON by Python's parser, where there is one; 1: valid, 0: not, -1: no python3. */
static int json_valid(const char *path)
{
	char cmd[300];
	int r;

	if (system("python3 -c '' 2>/dev/null"))
		return -1;
	snprintf(cmd, sizeof(cmd), "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' %s", path);
	r = system(cmd);
	return r == 0;
}

static void test_report_sysfs(void)
{
	const char *root = "/tmp/nicctl-unit-vsysfs", *out = "/tmp/nicctl-unit-report";
	const char *kmsg = "/tmp/nicctl-unit-kmsg2";
	struct report_opts o = { .output = out, .module_why = "nicdiag module not loaded" };
	struct vdev_info *v = NULL;
	char *doc, *p;
	FILE *f;
	int n, j;

	if (system("rm -rf /tmp/nicctl-unit-vsysfs"))
		return;
	/* bit 5 MAC, 16 STATUS, 17 CTRL_VQ, 32 VERSION_1 */
	fake_virtio(root, "0000:01:00.0", "virtio0", "0x0001\n", "0x0000000f\n",
		    "0000010000000000110000000000000010000000000000000000000000000000\n", "eth0");
	if (!system("mkdir -p /tmp/nicctl-unit-vsysfs/bus/pci/devices/0000:01:00.0/msi_irqs"))
		for (n = 24; n < 27; n++) {
			char irq[8];

			snprintf(irq, sizeof(irq), "%d", n);
			put_file("/tmp/nicctl-unit-vsysfs/bus/pci/devices/0000:01:00.0/msi_irqs", irq, "msix\n");
		}
	fake_virtio(root, "0000:02:00.0", "virtio1", "0x0001\n", "0x00000083\n",
		    "0000000000000000000000000000000000000000000000000000000000000000\n", NULL);
	fake_virtio(root, "0000:03:00.0", "virtio2", "0x0002\n", "0x0000000f\n", "0\n", NULL);
	setenv("NICCTL_SYSFS", root, 1);
	n = sysfs_virtio_net(&v);
	check(n == 2, "sysfs: two virtio-net devices (the block device is not one) (%d)", n);
	check(n == 2 && !strcmp(v[0].name, "virtio0") && !strcmp(v[0].pci, "0000:01:00.0") &&
	      !strcmp(v[0].driver, "virtio_net") && !strcmp(v[0].ifname, "eth0") &&
	      v[0].status == 0x0f && v[0].have_features &&
	      v[0].features == ((1ULL << 5) | (1ULL << 16) | (1ULL << 17) | (1ULL << 32)),
	      "sysfs: a bound device: PCI function, driver, netdev, status, features");
	check(n == 2 && !strcmp(v[1].name, "virtio1") && !v[1].driver[0] && !v[1].ifname[0] &&
	      v[1].status == 0x83, "sysfs: a failed device: no driver, status 0x83");
	free(v);

	f = fopen(kmsg, "w");
	if (f) {
		fputs("3,2,1795706,-;virtio_net virtio1: device advertises feature VIRTIO_NET_F_CTRL_RX but not VIRTIO_NET_F_CTRL_VQ\n"
		      "4,3,1796464,-;virtio_net: probe of virtio1 failed with error -22\n"
		      "6,4,1900000,-;unrelated line about virtio10 and 52:54:00:12:34:56\n", f);
		fclose(f);
	}
	setenv("NICCTL_KMSG", kmsg, 1);
	check(report_run(NULL, &o) == 0, "report without the module: exit 0");
	doc = slurp(out);
	p = strchr(doc, '\n');
	check(p && strstr(p + 1, "nicdiag module: NOT LOADED") == p + 1,
	      "report without the module says so in its second line");
	p = strstr(doc, "== summary ==");
	check(p && strstr(p, "virtio1 (virtio1 0000:02:00.0): failed: the device offers VIRTIO_NET_F_CTRL_RX without VIRTIO_NET_F_CTRL_VQ") &&
	      strstr(p, "== summary ==") < strstr(p, "== system =="),
	      "report without the module: the summary names the failed probe from sysfs and the log");
	check(p && strstr(p, "1 failed,") && strstr(p, "healthy: eth0"), "report: verdict counts and the healthy devices");
	j = 0;
	if (doc) {
		const char *order[] = { "== summary ==", "== system ==", "== devices ==", "== events ==",
					"== kernel_log ==" };
		const char *last = doc;
		unsigned int i;

		j = 1;
		for (i = 0; i < 5; i++) {
			const char *q = strstr(doc, order[i]);

			j &= q && q > last;
			last = q ? q : last;
		}
	}
	check(j, "report: the five sections in their order");
	check(strstr(doc, "== events ==\nunavailable: the nicdiag module is not loaded") != NULL,
	      "report: the events section says why it is empty");
	check(strstr(doc, "2 of 3 lines name these devices") && !strstr(doc, "virtio10 and"),
	      "report: kernel log filtered by device names");
	check(strstr(doc, "-- virtio1 (netdev none, driver none, 0000:02:00.0, from sysfs) --") &&
	      strstr(doc, "status 0x83 ACKNOWLEDGE|DRIVER|FAILED, driver bound: no"),
	      "report: the failed device's section shows its status byte, no driver");
	free(doc);

	/* JSON: the same sections, valid. */
	o.json = true;
	report_run(NULL, &o);
	doc = slurp(out);
	check(doc[0] == '{' && strstr(doc, "\"summary\":{") && strstr(doc, "\"system\":{") &&
	      strstr(doc, "\"devices\":{") && strstr(doc, "\"events\":{\"unavailable\":") &&
	      strstr(doc, "\"kernel_log\":{") && strstr(doc, "\"module_loaded\":false"),
	      "report --json: the same sections");
	n = json_valid(out);
	if (n < 0)
		check(1, "report --json parses # skip: no python3");
	else
		check(n == 1, "report --json parses (python3 json)");
	free(doc);

	/* A section that cannot be gathered says why; the rest is written. */
	o.json = false;
	setenv("NICCTL_KMSG", "/nonexistent/kmsg", 1);
	setenv("NICCTL_SYSFS", "/nonexistent/sys", 1);
	check(report_run(NULL, &o) == 0, "report with nothing readable: still exit 0");
	doc = slurp(out);
	check(strstr(doc, "== kernel_log ==\nunavailable: cannot open /nonexistent/kmsg: No such file or directory") &&
	      strstr(doc, "== devices ==\nunavailable: /nonexistent/sys/bus/virtio/devices: No such file or directory") &&
	      strstr(doc, "== system ==\nkernel release"),
	      "report: unreadable sections say why, the others are written");
	free(doc);

	/* --redact on the whole document */
	o.redact = true;
	o.json = true;
	setenv("NICCTL_SYSFS", root, 1);
	if (!system("mkdir -p /tmp/nicctl-unit-vsysfs/class/net/eth0"))
		put_file("/tmp/nicctl-unit-vsysfs/class/net/eth0", "address", "52:54:00:12:34:56\n");
	setenv("NICCTL_KMSG", kmsg, 1);
	report_run(NULL, &o);
	doc = slurp(out);
	check(!strstr(doc, "52:54:00:12:34:56") && strstr(doc, "\"address\":\"mac-1\"") &&
	      strstr(doc, "0000:02:00.0"),
	      "report --redact: MACs replaced, PCI addresses kept");
	if (getenv("NICCTL_UNIT_SHOW"))
		printf("%s\n", doc);
	free(doc);
	unsetenv("NICCTL_KMSG");
	unsetenv("NICCTL_SYSFS");
	unlink(out);
	unlink(kmsg);
	if (system("rm -rf /tmp/nicctl-unit-vsysfs"))
		return;
}

static void test_print_nesting(void)
{
	const char *s;

	capture_start(1);
	out_obj_open();
	out_nest_open("a");
	out_arr_open("items");
	out_obj_open();
	out_u64("x", NULL, 1);
	out_obj_close();
	out_obj_open();
	out_u64("x", NULL, 2);
	out_obj_close();
	out_arr_close();
	out_key("one");
	out_obj_open();
	out_str("y", NULL, "z");
	out_obj_close();
	out_nest_close();
	out_obj_close();
	s = capture_end();
	check_str(s, "{\"a\":{\"items\":[{\"x\":1},{\"x\":2}],\"one\":{\"y\":\"z\"}}}\n",
		  "print: objects nest inside a document, one line at the top");
}

/* Give one message's event to an explain set, and free the message. */
static void feed(struct explain_set *c, struct nl_msg *m)
{
	struct nlattr *tb[NICDIAG_A_MAX + 1];

	if (!nl_parse_reply(m, tb))
		explain_feed(c, tb[NICDIAG_A_EVENT]);
	nlmsg_free(m);
}

static void test_explain_flapping(void)
{
	struct explain_set *c = explain_new();
	const char *s;

	feed(c, event_msg(7, NICDIAG_EV_FLAPPING, 0));
	capture_start(0);
	explain_print(c, NULL, EXPLAIN_UNHEALTHY, false);
	s = capture_end();
	check(strstr(s, "eth0 (- -): flapping: the link is flapping: 5 carrier changes within 10000 ms") &&
	      strstr(s, "4 carrier-down and 3 carrier-up transitions") && strstr(s, "set_link"),
	      "explain: a link flapping now is the cause, with the kernel's counters and a fix");
	check(explain_count(c, "flapping", NULL, 0) == 1, "explain: counted as flapping");
	explain_free(c);

	c = explain_new();
	feed(c, event_msg(7, NICDIAG_EV_FLAPPING, 0));
	feed(c, event_msg(8, NICDIAG_EV_FLAP_END, 0));
	capture_start(0);
	explain_print(c, NULL, EXPLAIN_UNHEALTHY, false);
	s = capture_end();
	check(strstr(s, "eth0 (- -): healthy:") && strstr(s, "also: 1 link flapping episode(s) in the history"),
	      "explain: an ended episode leaves the device healthy, listed with its history");
	explain_free(c);
}

static void test_taint(void)
{
	char buf[256];

	taint_str(0, buf, sizeof(buf));
	check_str(buf, "not tainted", "taint 0");
	taint_str((1 << 12) | (1 << 13), buf, sizeof(buf));
	check_str(buf, "O (out-of-tree module), E (unsigned module)", "taint O and E decoded");
}

int main(void)
{
	test_decoders();
	test_json_escape();
	test_iso_time();
	test_extack();
	test_event_printer();
	test_virtio_decoders();
	test_explain();
	test_queue_events();
	test_aer_decoders();
	test_pcie_link();
	test_host_events();
	test_print_nesting();
	test_redact();
	test_kmsg();
	test_taint();
	test_explain_flapping();
	test_report_sysfs();
	free(capture_buf);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
