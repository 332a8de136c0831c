// SPDX-License-Identifier: GPL-2.0
/*
 * nicctl: show what the nicdiag module caught about NICs.
 *
 * One table of commands (name, handler, arguments, help); usage text is
 * generated from it.  Every command prints through print.c, so --json and
 * text come from the same code, and events print through event.c whether
 * they arrive live (watch) or from the history (events).
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/genetlink.h>
#include <linux/capability.h>
#include <linux/nicdiag.h>
#include <netlink/genl/ctrl.h>

#include "decode.h"
#include "dev.h"
#include "event.h"
#include "explain.h"
#include "host.h"
#include "nl.h"
#include "print.h"
#include "report.h"

#ifndef NICCTL_VERSION
#define NICCTL_VERSION "unknown"
#endif

struct opts {
	bool json;
	uint32_t vm;	/* --vm PID: that process's story only */
	bool have_since;
	uint64_t since;
	long count;
	long timeout;
	bool redact;
	const char *output;
	int nargs;
	char **args;
	/* Commands that work without the module: whether it is open, and
	 * if not, why. */
	bool module;
	char module_why[256];
};

struct cmd {
	const char *name;
	int (*run)(struct nicctl_nl *nl, struct opts *o);
	const char *args;
	const char *help;
	bool without_module;	/* runs (with less to say) when nicdiag is absent */
};

static const struct cmd cmds[];

/* ---- helpers ----------------------------------------------------------- */

static bool is_number(const char *s)
{
	char *end;

	if (!*s)
		return false;
	errno = 0;
	strtoull(s, &end, 10);
	return !*end && !errno && *s != '-';
}

/* A device argument: an interface name or an ifindex. */
struct dev_sel {
	uint32_t ifindex;
	const char *ifname;
};

static int dev_select(const char *arg, struct dev_sel *sel)
{
	sel->ifindex = 0;
	sel->ifname = NULL;
	if (is_number(arg))
		sel->ifindex = strtoul(arg, NULL, 10);
	else if (strlen(arg) < IFNAMSIZ)
		sel->ifname = arg;
	else
		return -1;
	return 0;
}

/* ---- show ---------------------------------------------------------------- */

static int show_reply(struct nlattr **tb, void *arg)
{
	bool *header_done = arg;

	if (!tb[NICDIAG_A_DEV])
		return 0;
	if (!*header_done)
		print_dev_header();
	*header_done = true;
	print_dev(tb[NICDIAG_A_DEV]);
	return 0;
}

struct show_ctx {
	bool header_done;
	struct dev_sel sel;
};

static int show_fill(struct nl_msg *msg, void *arg)
{
	struct dev_sel *sel = &((struct show_ctx *)arg)->sel;

	if (sel->ifindex)
		return nla_put_u32(msg, NICDIAG_A_IFINDEX, sel->ifindex);
	return nla_put_string(msg, NICDIAG_A_IFNAME, sel->ifname);
}

static int cmd_show(struct nicctl_nl *nl, struct opts *o)
{
	struct show_ctx c = { 0 };

	if (o->nargs > 1)
		return EXIT_USAGE;
	if (!o->nargs)
		return nl_request(nl, NICDIAG_CMD_DEV_GET, true, NULL, show_reply,
				  &c.header_done);
	if (dev_select(o->args[0], &c.sel)) {
		fprintf(stderr, "nicctl: %s: not an interface name or index\n", o->args[0]);
		return EXIT_USAGE;
	}
	return nl_request(nl, NICDIAG_CMD_DEV_GET, false, show_fill, show_reply, &c);
}

/* ---- events -------------------------------------------------------------- */

struct events_ctx {
	struct seq_tracker t;
	struct dev_sel *sel;
	int nsel;
	uint64_t since;
	uint32_t ifindex;
	long left;	/* events still to print (watch --count), <0: no limit */
	uint32_t vm;	/* --vm PID */
	char vm_devs[64][32];	/* devices that process acted on */
	int nvm_devs;
};

/*
 * --vm PID: events the process caused, and every later event on a device
 * it acted on (its taps' carrier and bridge port states, the PCI function
 * it took through vfio), so the output reads as that VM's story.
 */
static bool vm_selected(struct events_ctx *c, struct nlattr *ev)
{
	const char *ifname, *bus;
	uint32_t ifindex, pid;
	int i;

	if (event_ident(ev, &ifindex, &ifname) || event_actor(ev, &pid, &bus))
		return false;
	for (i = 0; i < c->nvm_devs; i++)
		if ((ifname[0] && !strcmp(c->vm_devs[i], ifname)) ||
		    (bus[0] && !strcmp(c->vm_devs[i], bus)))
			return true;
	if (pid != c->vm)
		return false;
	/* A PCI function is named by its address; a netdev by its name. */
	if ((ifname[0] || strchr(bus, ':')) && c->nvm_devs < 64)
		snprintf(c->vm_devs[c->nvm_devs++], sizeof(c->vm_devs[0]), "%s",
			 ifname[0] ? ifname : bus);
	return true;
}

static bool selected(struct events_ctx *c, struct nlattr *ev)
{
	const char *ifname;
	uint32_t ifindex;
	int i;

	if (c->vm && !vm_selected(c, ev))
		return false;
	if (!c->nsel)
		return true;
	if (event_ident(ev, &ifindex, &ifname))
		return false;
	for (i = 0; i < c->nsel; i++)
		if ((c->sel[i].ifindex && c->sel[i].ifindex == ifindex) ||
		    (c->sel[i].ifname && !strcmp(c->sel[i].ifname, ifname)))
			return true;
	return false;
}

static int events_reply(struct nlattr **tb, void *arg)
{
	struct events_ctx *c = arg;

	if (!tb[NICDIAG_A_EVENT])
		return 0;
	if (!selected(c, tb[NICDIAG_A_EVENT])) {
		/* Left out on purpose is not lost: no gap for it. */
		uint64_t seq = event_seq(tb[NICDIAG_A_EVENT]);

		if (seq > c->t.last)
			c->t.last = seq;
		return 0;
	}
	print_event(tb[NICDIAG_A_EVENT], &c->t);
	if (c->left > 0 && --c->left == 0)
		return -1;
	return 0;
}

/* First pass of events --vm: only learn which devices the process used. */
static int vm_learn(struct nlattr **tb, void *arg)
{
	if (tb[NICDIAG_A_EVENT])
		vm_selected(arg, tb[NICDIAG_A_EVENT]);
	return 0;
}

static int events_fill(struct nl_msg *msg, void *arg)
{
	struct events_ctx *c = arg;

	if (c->since && nla_put_u64(msg, NICDIAG_A_SINCE_SEQ, c->since))
		return -1;
	if (c->ifindex && nla_put_u32(msg, NICDIAG_A_IFINDEX, c->ifindex))
		return -1;
	return 0;
}

static int cmd_events(struct nicctl_nl *nl, struct opts *o)
{
	struct events_ctx c = { .left = -1, .vm = o->vm };
	struct dev_sel sel;

	if (o->nargs > 1)
		return EXIT_USAGE;
	if (o->nargs) {
		if (dev_select(o->args[0], &sel))
			return EXIT_USAGE;
		c.ifindex = sel.ifindex ? sel.ifindex : if_nametoindex(sel.ifname);
		if (!c.ifindex) {
			fprintf(stderr, "nicctl: %s: no such device\n", o->args[0]);
			return EXIT_NODEV;
		}
	}
	if (o->have_since) {
		c.since = o->since;
		/* Report what is gone between --since and the oldest held. */
		c.t.last = o->since ? o->since - 1 : 0;
	}
	if (c.vm) {
		/* A step is recorded once its work item ran, which can be
		 * after the link events it caused: learn the VM's devices
		 * from the whole history first. */
		int r = nl_request(nl, NICDIAG_CMD_EVENT_GET, true, events_fill, vm_learn, &c);

		if (r)
			return r;
	}
	return nl_request(nl, NICDIAG_CMD_EVENT_GET, true, events_fill, events_reply, &c);
}

/* ---- watch --------------------------------------------------------------- */

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	stop = 1;
}

struct watch_ctx {
	struct events_ctx ev;
	struct nicctl_nl *nl;
	uint32_t can_see;	/* NICDIAG_WITHHELD_* bits our capabilities lift */
	int family;
	bool unloaded;
	bool done;
};

static void watch_resync(struct nicctl_nl *nl, struct watch_ctx *w);

/*
 * The NICDIAG_WITHHELD_* bits a request of ours would be shown: the
 * module checks the same capabilities (CapEff in /proc/self/status).
 */
static uint32_t own_show(void)
{
	unsigned long long eff = 0;
	char line[128];
	uint32_t show = 0;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "CapEff: %llx", &eff) == 1)
			break;
	fclose(f);
	if (eff & (1ULL << CAP_SYSLOG))
		show |= NICDIAG_WITHHELD_LOG;
	if (eff & (1ULL << CAP_NET_ADMIN))
		show |= NICDIAG_WITHHELD_PROC;
	return show;
}

/*
 * A notification leaves out what not every listener may see.  When we may,
 * print from the history instead: everything after the last printed event,
 * in full, in one dump; the notifications of those events are then skipped.
 */
static int watch_event(struct watch_ctx *w, struct nlattr **tb)
{
	uint64_t seq;

	if (!tb[NICDIAG_A_EVENT])
		return 0;
	seq = event_seq(tb[NICDIAG_A_EVENT]);
	if (w->ev.t.last && seq <= w->ev.t.last)
		return 0;	/* printed already, from the history */
	if (event_withheld(tb[NICDIAG_A_EVENT]) & w->can_see) {
		watch_resync(w->nl, w);
		if (seq <= w->ev.t.last)
			return w->ev.left == 0 ? -1 : 0;
	}
	return events_reply(tb, &w->ev);
}

static int watch_msg(struct nl_msg *msg, void *arg)
{
	struct watch_ctx *w = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct genlmsghdr *g = nlmsg_data(nlh);

	if (nlh->nlmsg_type == GENL_ID_CTRL) {
		struct nlattr *tb[CTRL_ATTR_MAX + 1];

		if (g->cmd == CTRL_CMD_DELFAMILY &&
		    !genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) &&
		    tb[CTRL_ATTR_FAMILY_NAME] &&
		    !strcmp(nla_get_string(tb[CTRL_ATTR_FAMILY_NAME]), NICDIAG_FAMILY_NAME))
			w->unloaded = true;
		return NL_OK;
	}
	if (nlh->nlmsg_type == w->family && g->cmd == NICDIAG_CMD_EVENT_NTF) {
		struct nlattr *tb[NICDIAG_A_MAX + 1];

		if (!nl_parse_reply(msg, tb) && watch_event(w, tb))
			w->done = true;
	}
	return NL_OK;
}

static int no_seq_check(struct nl_msg *msg, void *arg)
{
	return NL_OK;
}

/* After an overrun: print what the ring still holds after the last seen. */
static void watch_resync(struct nicctl_nl *nl, struct watch_ctx *w)
{
	struct events_ctx c = w->ev;
	uint64_t from = w->ev.t.last + 1;

	c.since = from;
	c.ifindex = 0;
	nl_request(nl, NICDIAG_CMD_EVENT_GET, true, events_fill, events_reply, &c);
	w->ev.t = c.t;
	w->ev.left = c.left;
}

static int cmd_watch(struct nicctl_nl *nl, struct opts *o)
{
	struct watch_ctx w = { .ev.left = o->count > 0 ? o->count : -1,
			       .ev.vm = o->vm, .family = nl->family, .nl = nl,
			       .can_see = own_show() };
	struct dev_sel *sel = calloc(o->nargs + 1, sizeof(*sel));
	struct nl_sock *sk = nl_socket_alloc();
	time_t end = o->timeout > 0 ? time(NULL) + o->timeout : 0;
	int grp, ctrl_grp, i, r = EXIT_OK;
	struct nl_cb *cb;

	if (!sel || !sk || genl_connect(sk))
		return EXIT_ERROR;
	for (i = 0; i < o->nargs; i++)
		if (dev_select(o->args[i], &sel[i]))
			return EXIT_USAGE;
	w.ev.sel = sel;
	w.ev.nsel = o->nargs;
	grp = genl_ctrl_resolve_grp(sk, NICDIAG_FAMILY_NAME, NICDIAG_MCGRP_EVENTS);
	ctrl_grp = genl_ctrl_resolve_grp(sk, "nlctrl", "notify");
	if (grp < 0) {
		fprintf(stderr, "nicctl: cannot join the nicdiag events group\n");
		return EXIT_ERROR;
	}
	i = nl_socket_add_membership(sk, grp);
	if (i) {
		if (i == -NLE_PERM)
			fprintf(stderr, "nicctl: watch: joining the events group needs CAP_NET_ADMIN ('nicctl events' reads the history)\n");
		else
			fprintf(stderr, "nicctl: cannot join the nicdiag events group: %s\n",
				nl_geterror(i));
		nl_socket_free(sk);
		free(sel);
		return i == -NLE_PERM ? EXIT_PERM : EXIT_ERROR;
	}
	if (ctrl_grp >= 0)
		nl_socket_add_membership(sk, ctrl_grp);
	nl_socket_disable_seq_check(sk);
	nl_socket_set_buffer_size(sk, 4 << 20, 0);
	nl_socket_set_nonblocking(sk);
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, watch_msg, &w);
	/* Notifications carry no request's sequence number. */
	nl_cb_set(cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	setvbuf(stdout, NULL, _IOLBF, 0);

	while (!stop && !w.done && !w.unloaded) {
		struct pollfd p = { .fd = nl_socket_get_fd(sk), .events = POLLIN };
		int n;

		if (end && time(NULL) >= end)
			break;
		n = poll(&p, 1, 200);
		if (n <= 0)
			continue;
		n = nl_recvmsgs(sk, cb);
		if (n == -NLE_NOMEM) {
			/* ENOBUFS: the socket overflowed; some notifications
			 * are gone.  Say so, then recover them from the ring. */
			print_loss(w.ev.t.last + 1, w.ev.t.last + 1, "overrun");
			watch_resync(nl, &w);
		} else if (n < 0 && n != -NLE_AGAIN) {
			fprintf(stderr, "nicctl: netlink: %s\n", nl_geterror(n));
			r = EXIT_ERROR;
			break;
		}
	}
	if (w.unloaded) {
		fprintf(stderr, "nicctl: nicdiag module unloaded\n");
		r = EXIT_NOT_LOADED;
	}
	nl_cb_put(cb);
	nl_socket_free(sk);
	free(sel);
	return r;
}

/* ---- stats --------------------------------------------------------------- */

static int stats_reply(struct nlattr **tb, void *arg)
{
	static const struct {
		int attr;
		const char *key;
		bool u64;
	} f[] = {
		{ NICDIAG_STATS_A_RECORDED, "recorded", true },
		{ NICDIAG_STATS_A_OVERWRITTEN, "overwritten", true },
		{ NICDIAG_STATS_A_NTF_DROPPED, "ntf_dropped", true },
		{ NICDIAG_STATS_A_CLEARED, "cleared", true },
		{ NICDIAG_STATS_A_RING_SIZE, "ring_size", false },
		{ NICDIAG_STATS_A_RING_USED, "ring_used", false },
		{ NICDIAG_STATS_A_FIRST_SEQ, "first_seq", true },
		{ NICDIAG_STATS_A_LAST_SEQ, "last_seq", true },
		{ NICDIAG_STATS_A_DEVICES, "devices", false },
	};
	struct nlattr *st[NICDIAG_STATS_A_MAX + 1], *a;
	unsigned int i;
	int rem;

	if (!tb[NICDIAG_A_STATS] ||
	    nla_parse_nested(st, NICDIAG_STATS_A_MAX, tb[NICDIAG_A_STATS], NULL))
		return 0;
	out_obj_open();
	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		uint64_t v = 0;

		if (st[f[i].attr])
			v = f[i].u64 ? nla_get_u64(st[f[i].attr]) : nla_get_u32(st[f[i].attr]);
		out_u64(f[i].key, NULL, v);
		out_text("%-12s %" PRIu64 "\n", f[i].key, v);
	}
	out_nest_open("types");
	out_text("\n%-12s %10s %10s\n", "TYPE", "RECORDED", "SUPPRESSED");
	nla_for_each_nested(a, tb[NICDIAG_A_STATS], rem) {
		struct nlattr *ts[NICDIAG_TYPE_STATS_A_MAX + 1];
		uint64_t rec, sup;
		const char *name;

		if (nla_type(a) != NICDIAG_STATS_A_TYPE ||
		    nla_parse_nested(ts, NICDIAG_TYPE_STATS_A_MAX, a, NULL) ||
		    !ts[NICDIAG_TYPE_STATS_A_TYPE])
			continue;
		name = event_type_name(nla_get_u32(ts[NICDIAG_TYPE_STATS_A_TYPE]));
		rec = ts[NICDIAG_TYPE_STATS_A_RECORDED] ?
		      nla_get_u64(ts[NICDIAG_TYPE_STATS_A_RECORDED]) : 0;
		sup = ts[NICDIAG_TYPE_STATS_A_SUPPRESSED] ?
		      nla_get_u64(ts[NICDIAG_TYPE_STATS_A_SUPPRESSED]) : 0;
		out_nest_open(name);
		out_u64("recorded", NULL, rec);
		out_u64("suppressed", NULL, sup);
		out_nest_close();
		out_text("%-12s %10" PRIu64 " %10" PRIu64 "\n", name, rec, sup);
	}
	out_nest_close();
	if (out_json())
		out_obj_close();
	return 0;
}

static int cmd_stats(struct nicctl_nl *nl, struct opts *o)
{
	if (o->nargs)
		return EXIT_USAGE;
	return nl_request(nl, NICDIAG_CMD_STATS_GET, false, NULL, stats_reply, NULL);
}

/* ---- config, clear --------------------------------------------------------- */

static const struct {
	const char *key;
	int attr;
	bool string;
	bool writable;
} config_keys[] = {
	{ "flap_threshold", NICDIAG_CONFIG_A_FLAP_THRESHOLD, false, true },
	{ "flap_window_ms", NICDIAG_CONFIG_A_FLAP_WINDOW_MS, false, true },
	{ "drivers", NICDIAG_CONFIG_A_DRIVERS, true, true },
	{ "ring_size", NICDIAG_CONFIG_A_RING_SIZE, false, false },
	{ "stall_threshold_ms", NICDIAG_CONFIG_A_STALL_THRESHOLD_MS, false, true },
	{ "stall_interval_ms", NICDIAG_CONFIG_A_STALL_INTERVAL_MS, false, true },
};

#define N_CONFIG_KEYS (sizeof(config_keys) / sizeof(config_keys[0]))

static int config_reply(struct nlattr **tb, void *arg)
{
	const char *only = arg;
	struct nlattr *c[NICDIAG_CONFIG_A_MAX + 1];
	unsigned int i;

	if (!tb[NICDIAG_A_CONFIG] ||
	    nla_parse_nested(c, NICDIAG_CONFIG_A_MAX, tb[NICDIAG_A_CONFIG], NULL))
		return 0;
	out_obj_open();
	for (i = 0; i < N_CONFIG_KEYS; i++) {
		struct nlattr *a = c[config_keys[i].attr];

		if (!a || (only && strcmp(only, config_keys[i].key)))
			continue;
		if (!only)
			out_text("%-18s ", config_keys[i].key);
		if (config_keys[i].string)
			out_str(config_keys[i].key, "%s", nla_get_string(a));
		else
			out_u64(config_keys[i].key, "%" PRIu64, nla_get_u32(a));
		if (!only && i + 1 < N_CONFIG_KEYS)
			out_text("\n");
	}
	out_obj_close();
	return 0;
}

struct config_set {
	unsigned int key;
	const char *value;
};

static int config_fill(struct nl_msg *msg, void *arg)
{
	struct config_set *s = arg;
	struct nlattr *nest = nla_nest_start(msg, NICDIAG_A_CONFIG);

	if (!nest)
		return -1;
	if (config_keys[s->key].string)
		nla_put_string(msg, config_keys[s->key].attr, s->value);
	else
		nla_put_u32(msg, config_keys[s->key].attr, strtoul(s->value, NULL, 10));
	nla_nest_end(msg, nest);
	return 0;
}

static int cmd_config(struct nicctl_nl *nl, struct opts *o)
{
	struct config_set s = { 0 };

	if (o->nargs > 2)
		return EXIT_USAGE;
	if (o->nargs) {
		for (s.key = 0; s.key < N_CONFIG_KEYS; s.key++)
			if (!strcmp(o->args[0], config_keys[s.key].key))
				break;
		if (s.key == N_CONFIG_KEYS) {
			fprintf(stderr, "nicctl: unknown key %s (keys: flap_threshold, flap_window_ms, drivers, ring_size, stall_threshold_ms, stall_interval_ms)\n",
				o->args[0]);
			return EXIT_USAGE;
		}
	}
	if (o->nargs < 2)
		return nl_request(nl, NICDIAG_CMD_CONFIG_GET, false, NULL, config_reply,
				  o->nargs ? o->args[0] : NULL);
	if (!config_keys[s.key].writable) {
		fprintf(stderr, "nicctl: %s is read-only: set it with the module parameter at load\n",
			o->args[0]);
		return EXIT_USAGE;
	}
	s.value = o->args[1];
	if (!config_keys[s.key].string &&
	    (!is_number(s.value) || strtoull(s.value, NULL, 10) > UINT32_MAX)) {
		fprintf(stderr, "nicctl: %s: %s is not a number\n", o->args[0], s.value);
		return EXIT_USAGE;
	}
	return nl_request(nl, NICDIAG_CMD_CONFIG_SET, false, config_fill, NULL, &s);
}

static int cmd_clear(struct nicctl_nl *nl, struct opts *o)
{
	if (o->nargs)
		return EXIT_USAGE;
	return nl_request(nl, NICDIAG_CMD_HISTORY_CLEAR, false, NULL, NULL, NULL);
}

static int cmd_explain(struct nicctl_nl *nl, struct opts *o)
{
	if (o->nargs > 1)
		return EXIT_USAGE;
	return explain_run(nl, o->nargs ? o->args[0] : NULL);
}

static int cmd_scan(struct nicctl_nl *nl, struct opts *o)
{
	if (o->nargs)
		return EXIT_USAGE;
	return nl_request(nl, NICDIAG_CMD_SETUP_SCAN, false, NULL, NULL, NULL);
}

static int cmd_vms(struct nicctl_nl *nl, struct opts *o)
{
	if (o->nargs > 1 || (o->nargs && !is_number(o->args[0])))
		return EXIT_USAGE;
	return vms_run(nl, o->nargs ? o->args[0] : NULL);
}

static int cmd_report(struct nicctl_nl *nl, struct opts *o)
{
	struct report_opts r = {
		.json = o->json,
		.redact = o->redact,
		.output = o->output,
		.module = o->module,
		.module_why = o->module_why,
	};

	if (o->nargs)
		return EXIT_USAGE;
	return report_run(nl, &r);
}

/* ---- the table, usage, main ------------------------------------------------ */

static const struct cmd cmds[] = {
	{ "watch", cmd_watch, "[DEV...] [--count N] [--timeout SECS] [--vm PID]",
	  "print events as they happen, one line each; report lost events", false },
	{ "show", cmd_show, "[DEV]",
	  "watched devices: driver, bus, link state, transition counts, last change", false },
	{ "events", cmd_events, "[DEV] [--since SEQ] [--vm PID]",
	  "the recorded event history, oldest first", false },
	{ "stats", cmd_stats, "",
	  "events recorded, overwritten, not delivered, cleared; per type", false },
	{ "config", cmd_config, "[KEY [VALUE]]",
	  "show or set flap_*, stall_threshold_ms, stall_interval_ms, drivers", false },
	{ "clear", cmd_clear, "", "drop the recorded history (numbering goes on)", false },
	{ "explain", cmd_explain, "[DEV]",
	  "why each virtio-net NIC did (not) come up: cause, evidence, fix", false },
	{ "scan", cmd_scan, "",
	  "record the setup state of every virtio-net device now (CAP_NET_ADMIN)", false },
	{ "vms", cmd_vms, "[PID]",
	  "host side by process (VM): taps, bridge ports, vhost-net, vfio, refusals", false },
	{ "report", cmd_report, "[-o FILE] [--redact]",
	  "bug report: causes, system, devices, events, kernel log (works without the module)",
	  true },
	{ NULL },
};

static void usage(FILE *fp, const struct cmd *only)
{
	const struct cmd *c;

	if (only) {
		fprintf(fp, "usage: nicctl %s %s [--json]\n  %s\n", only->name, only->args,
			only->help);
		return;
	}
	fprintf(fp, "usage: nicctl [--json] COMMAND [ARGS]\n\ncommands:\n");
	for (c = cmds; c->name; c++)
		fprintf(fp, "  %-7s %-48s %s\n", c->name, c->args, c->help);
	fprintf(fp,
		"\noptions:\n"
		"  -j, --json     one JSON object per line (keys: see ctl/README.md)\n"
		"  -o, --output FILE  report: write it to FILE (default: stdout)\n"
		"  --redact       report: MAC and IP addresses, host name as tokens (mac-1, ...)\n"
		"  -h, --help     this text; 'nicctl COMMAND --help' for one command\n"
		"  -V, --version  nicctl's version and ABI version\n"
		"\nDEV is an interface name or index.\n"
		"\nexit codes:\n"
		"  0 ok, 1 usage error, 2 nicdiag module not loaded (or another network\n"
		"  namespace), 3 not permitted (needs CAP_NET_ADMIN), 4 unknown device,\n"
		"  5 ABI version mismatch between module and nicctl, 6 other error\n");
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "since", required_argument, NULL, 's' },
		{ "count", required_argument, NULL, 'c' },
		{ "vm", required_argument, NULL, 'm' },
		{ "timeout", required_argument, NULL, 't' },
		{ "output", required_argument, NULL, 'o' },
		{ "redact", no_argument, NULL, 'r' },
		{ NULL },
	};
	const struct cmd *cmd = NULL;
	struct opts o = { 0 };
	struct nicctl_nl nl;
	bool help = false;
	int opt, r, i, n = 0;

	/* Options may stand anywhere: collect the rest as positionals. */
	char **pos = calloc(argc + 1, sizeof(*pos));

	if (!pos)
		return EXIT_ERROR;
	while ((opt = getopt_long(argc, argv, "-jhVs:c:t:m:o:", lopts, NULL)) != -1) {
		switch (opt) {
		case 1:
			pos[n++] = optarg;
			break;
		case 'j':
			o.json = true;
			break;
		case 'h':
			help = true;
			break;
		case 'V':
			printf("nicctl %s (nicdiag ABI %d)\n", NICCTL_VERSION,
			       NICDIAG_FAMILY_VERSION);
			return EXIT_OK;
		case 's':
			if (!is_number(optarg)) {
				fprintf(stderr, "nicctl: --since takes a sequence number\n");
				return EXIT_USAGE;
			}
			o.have_since = true;
			o.since = strtoull(optarg, NULL, 10);
			break;
		case 'c':
			o.count = atol(optarg);
			break;
		case 'm':
			if (!is_number(optarg)) {
				fprintf(stderr, "nicctl: --vm takes a process id\n");
				return EXIT_USAGE;
			}
			o.vm = strtoul(optarg, NULL, 10);
			break;
		case 't':
			o.timeout = atol(optarg);
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'r':
			o.redact = true;
			break;
		default:
			usage(stderr, NULL);
			return EXIT_USAGE;
		}
	}
	if (n && !strcmp(pos[0], "help")) {
		help = true;
		pos++;
		n--;
	}
	if (n) {
		for (i = 0; cmds[i].name; i++)
			if (!strcmp(pos[0], cmds[i].name))
				cmd = &cmds[i];
		if (!cmd) {
			fprintf(stderr, "nicctl: unknown command '%s'\n\n", pos[0]);
			usage(stderr, NULL);
			return EXIT_USAGE;
		}
	}
	if (help || !cmd) {
		usage(help ? stdout : stderr, cmd);
		return help ? EXIT_OK : EXIT_USAGE;
	}
	o.args = pos + 1;
	o.nargs = n - 1;
	out_init(stdout, o.json);
	if (cmd->without_module) {
		memset(&nl, 0, sizeof(nl));
		o.module = !nicctl_try_open(&nl, o.module_why, sizeof(o.module_why));
	} else {
		r = nicctl_open(&nl);
		if (r)
			return r;
		o.module = true;
	}
	r = cmd->run(&nl, &o);
	if (r == EXIT_USAGE)
		usage(stderr, cmd);
	nicctl_close(&nl);
	return r;
}
