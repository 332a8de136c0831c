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

#include <netlink/genl/genl.h>

#include "decode.h"
#include "dev.h"
#include "event.h"
#include "nl.h"
#include "print.h"

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
		"flapping", "flap_end",
	};
	static const char *const opers[] = {
		"unknown", "notpresent", "down", "lowerlayerdown", "testing",
		"dormant", "up",
	};
	unsigned int i;

	for (i = 1; i < __NICDIAG_EV_MAX; i++)
		check_str(event_type_name(i), types[i], "event type name");
	check_str(event_type_name(__NICDIAG_EV_MAX + 5), "type#17", "unknown event type decodes as type#N");
	for (i = 0; i < sizeof(opers) / sizeof(opers[0]); i++)
		check_str(oper_name(i), opers[i], "operstate name");
	check_str(oper_name(99), "oper#99", "unknown operstate");
	check_str(cause_name(NICDIAG_CAUSE_REGISTERED), "registered", "cause registered");
	check_str(cause_name(NICDIAG_CAUSE_PRESENT), "present", "cause present");
	check_str(cause_name(NICDIAG_CAUSE_UNREGISTERED), "unregistered", "cause unregistered");
	check_str(cause_name(NICDIAG_CAUSE_NETNS_MOVE), "netns_move", "cause netns_move");
	check_str(cause_name(NICDIAG_CAUSE_CONFIG), "config", "cause config");
	check_str(cause_text(NICDIAG_CAUSE_PRESENT), "present at load", "cause text");
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
static struct nl_msg *event_msg(uint64_t seq, uint32_t type, int with_cause)
{
	struct nl_msg *msg = nlmsg_alloc();
	struct nlattr *ev, *ln;

	genlmsg_put(msg, 0, 0, 0x20, 0, 0, NICDIAG_CMD_EVENT_NTF, 1);
	ev = nla_nest_start(msg, NICDIAG_A_EVENT);
	nla_put_u64(msg, NICDIAG_EVENT_A_SEQ, seq);
	nla_put_u64(msg, NICDIAG_EVENT_A_MONO_NS, 5000000000ULL);
	nla_put_u64(msg, NICDIAG_EVENT_A_REAL_NS, 1795831800123456789ULL);
	nla_put_u32(msg, NICDIAG_EVENT_A_TYPE, type);
	nla_put_u32(msg, NICDIAG_EVENT_A_IFINDEX, 2);
	nla_put_string(msg, NICDIAG_EVENT_A_IFNAME, "eth0");
	nla_put_string(msg, NICDIAG_EVENT_A_DRIVER, "virtio_net");
	nla_put_string(msg, NICDIAG_EVENT_A_BUS_INFO, "0000:01:00.0");
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

int main(void)
{
	test_decoders();
	test_json_escape();
	test_iso_time();
	test_extack();
	test_event_printer();
	free(capture_buf);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
