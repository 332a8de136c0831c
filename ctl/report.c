// SPDX-License-Identifier: GPL-2.0
/*
 * nicctl report: one document that lets someone without access to the
 * machine find the root cause.  Sections, always in this order so that
 * two reports diff cleanly:
 *
 *   summary     every unhealthy device, worst first, with its cause, the
 *               evidence and the fix (explain's diagnosis)
 *   system      kernel, nicctl, module, taint, command line
 *   devices     each device in full: link state and counters, setup
 *               snapshot, its own events, its verdict
 *   events      the event timeline
 *   kernel_log  the kernel's lines that name these devices or drivers
 *
 * Everything is gathered first, then printed through the printers the
 * other commands use (print.c, event.c, dev.c, explain.c), text and JSON
 * from the same calls, into memory; redaction then runs over the whole
 * document.  A section that cannot be gathered says why; the others are
 * still written.  Without the module, devices come from sysfs and the
 * kernel log.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

#include <linux/nicdiag.h>

#include "dev.h"
#include "event.h"
#include "explain.h"
#include "kmsg.h"
#include "nl.h"
#include "pcie.h"
#include "print.h"
#include "redact.h"
#include "report.h"
#include "sysfs.h"
#include "sysinfo.h"

#ifndef NICCTL_VERSION
#define NICCTL_VERSION "unknown"
#endif

/* Events of a device shown in its section (the timeline has them all). */
#define DEV_HISTORY 20

/* One stored netlink nest and what identifies it. */
struct item {
	struct nlattr *nest;	/* copy */
	uint32_t ifindex, type;
	char ifname[16];
	char vdev[32];		/* setup events: the virtio device */
	char driver[32];
	char pci[32];
};

struct list {
	struct item *v;
	int n, cap;
	int err;		/* exit code of the dump that filled it */
};

struct report {
	const struct report_opts *o;
	struct list devs, evs;
	struct vdev_info *vd;
	int nvd;		/* -errno when sysfs could not be read */
	struct nl_msg **vmsg;	/* setup events made from sysfs (no module) */
	struct kmsg km;
	int km_err;
	char km_why[256];
	const char **names;	/* what kernel log lines must name */
	int nnames, capnames;
	struct explain_set *ex;
};

static struct item *list_add(struct list *l, struct nlattr *nest)
{
	struct item *it;
	size_t sz = nla_total_size(nla_len(nest));

	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 256;

		it = realloc(l->v, cap * sizeof(*it));
		if (!it)
			return NULL;
		l->v = it;
		l->cap = cap;
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof(*it));
	it->nest = malloc(sz);
	if (!it->nest)
		return NULL;
	memcpy(it->nest, nest, sz);
	l->n++;
	return it;
}

static void str_attr(char *buf, size_t len, struct nlattr *a)
{
	snprintf(buf, len, "%s", a ? nla_get_string(a) : "");
}

static int dev_reply(struct nlattr **tb, void *arg)
{
	struct nlattr *d[NICDIAG_DEV_A_MAX + 1];
	struct item *it;

	if (!tb[NICDIAG_A_DEV] || !(it = list_add(arg, tb[NICDIAG_A_DEV])))
		return 0;
	if (nla_parse_nested(d, NICDIAG_DEV_A_MAX, it->nest, NULL))
		return 0;
	it->ifindex = d[NICDIAG_DEV_A_IFINDEX] ? nla_get_u32(d[NICDIAG_DEV_A_IFINDEX]) : 0;
	str_attr(it->ifname, sizeof(it->ifname), d[NICDIAG_DEV_A_IFNAME]);
	str_attr(it->driver, sizeof(it->driver), d[NICDIAG_DEV_A_DRIVER]);
	str_attr(it->pci, sizeof(it->pci), d[NICDIAG_DEV_A_PCI_ADDR]);
	return 0;
}

static int event_reply(struct nlattr **tb, void *arg)
{
	struct nlattr *ev[NICDIAG_EVENT_A_MAX + 1], *st[NICDIAG_SETUP_A_MAX + 1];
	struct item *it;

	if (!tb[NICDIAG_A_EVENT] || !(it = list_add(arg, tb[NICDIAG_A_EVENT])))
		return 0;
	if (nla_parse_nested(ev, NICDIAG_EVENT_A_MAX, it->nest, NULL))
		return 0;
	it->ifindex = ev[NICDIAG_EVENT_A_IFINDEX] ? nla_get_u32(ev[NICDIAG_EVENT_A_IFINDEX]) : 0;
	it->type = ev[NICDIAG_EVENT_A_TYPE] ? nla_get_u32(ev[NICDIAG_EVENT_A_TYPE]) : 0;
	str_attr(it->ifname, sizeof(it->ifname), ev[NICDIAG_EVENT_A_IFNAME]);
	if (ev[NICDIAG_EVENT_A_SETUP] &&
	    !nla_parse_nested(st, NICDIAG_SETUP_A_MAX, ev[NICDIAG_EVENT_A_SETUP], NULL)) {
		str_attr(it->vdev, sizeof(it->vdev), st[NICDIAG_SETUP_A_VIRTIO_DEV]);
		str_attr(it->pci, sizeof(it->pci), st[NICDIAG_SETUP_A_PCI_ADDR]);
	}
	return 0;
}

static void add_name(struct report *r, const char *name)
{
	const char **n;
	int i;

	if (!name || !name[0] || !strcmp(name, "-"))
		return;
	/* Few distinct drivers, many devices: look back a little only. */
	for (i = r->nnames - 1; i >= 0 && i >= r->nnames - 8; i--)
		if (!strcmp(r->names[i], name))
			return;
	if (r->nnames == r->capnames) {
		int cap = r->capnames ? 2 * r->capnames : 64;

		n = realloc(r->names, cap * sizeof(*n));
		if (!n)
			return;
		r->names = n;
		r->capnames = cap;
	}
	r->names[r->nnames++] = name;
}

/* The kernel log lines naming @name, for a snapshot made from sysfs. */
static int lines_naming(struct report *r, const char *name, char **out, int max)
{
	int i, n = 0;

	for (i = 0; i < r->km.n && n < max; i++)
		if (kmsg_match(r->km.lines[i], &name, 1))
			out[n++] = r->km.lines[i];
	return n;
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static struct item *latest_setup(struct report *r, uint32_t ifindex, const char *vdev);

/* Everything the report shows, before any of it is printed. */
static void gather(struct report *r, struct nicctl_nl *nl)
{
	static const char *const drivers[] = { "virtio_net", "virtio-pci", "nicdiag" };
	struct pcie_link l;
	unsigned int k;
	int i;

	if (r->o->module) {
		r->devs.err = nl_request(nl, NICDIAG_CMD_DEV_GET, true, NULL, dev_reply, &r->devs);
		r->evs.err = nl_request(nl, NICDIAG_CMD_EVENT_GET, true, NULL, event_reply, &r->evs);
	}
	r->nvd = sysfs_virtio_net(&r->vd);
	r->km_err = kmsg_read(&r->km, r->km_why, sizeof(r->km_why));

	for (k = 0; k < sizeof(drivers) / sizeof(drivers[0]); k++)
		add_name(r, drivers[k]);
	for (i = 0; i < r->devs.n; i++) {
		add_name(r, r->devs.v[i].ifname);
		add_name(r, r->devs.v[i].driver);
		add_name(r, r->devs.v[i].pci);
	}
	for (i = 0; i < r->evs.n; i++) {
		add_name(r, r->evs.v[i].vdev);
		add_name(r, r->evs.v[i].pci);
	}
	for (i = 0; i < r->nvd; i++) {
		add_name(r, r->vd[i].name);
		add_name(r, r->vd[i].ifname);
		add_name(r, r->vd[i].pci);
	}
	/* AER is reported by the port above a NIC too. */
	for (i = 0; i < r->nvd; i++)
		if (r->vd[i].pci[0] && !pcie_link_read(r->vd[i].pci, &l) && l.port[0])
			add_name(r, strdup(l.port));

	r->ex = explain_new();
	if (!r->ex)
		return;
	for (i = 0; i < r->evs.n; i++)
		explain_feed(r->ex, r->evs.v[i].nest);
	if (r->nvd <= 0)
		return;
	/*
	 * No module, or a device whose snapshots the history no longer holds
	 * (overwritten, cleared, loaded after a virtio reload): the diagnosis
	 * works from what sysfs and the kernel log show.
	 */
	r->vmsg = calloc(r->nvd, sizeof(*r->vmsg));
	for (i = 0; r->vmsg && i < r->nvd; i++) {
		struct nlattr *tb[NICDIAG_A_MAX + 1];
		char *log[16];
		int n;

		if (latest_setup(r, 0, r->vd[i].name))
			continue;
		n = lines_naming(r, r->vd[i].name, log, 16);
		r->vmsg[i] = sysfs_setup_event(&r->vd[i], log, n, now_ns());
		if (r->vmsg[i] && !nl_parse_reply(r->vmsg[i], tb))
			explain_feed(r->ex, tb[NICDIAG_A_EVENT]);
	}
}

/* ---- printing ------------------------------------------------------------ */

static void section(const char *name)
{
	out_text("\n== %s ==\n", name);
	out_nest_open(name);
}

static void section_end(void)
{
	out_nest_close();
}

static void unavailable(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A section, or a part of one, that could not be gathered: why. */
static void unavailable(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out_str("unavailable", "unavailable: %s\n", buf);
}

static const char *exit_text(int code)
{
	switch (code) {
	case EXIT_PERM:
		return "not permitted";
	case EXIT_NOT_LOADED:
		return "the module went away";
	default:
		return "netlink error (nicctl's message on stderr)";
	}
}

static void print_header(struct report *r)
{
	struct utsname u;
	char when[40];

	if (uname(&u))
		memset(&u, 0, sizeof(u));
	iso_time(when, sizeof(when), now_ns());
	out_nest_open("report");
	out_str("generated", "nicdiag report %s", when);
	out_str("host", ", host %s", u.nodename);
	out_str("kernel", ", kernel %s", u.release);
	out_str("nicctl", ", nicctl %s\n", NICCTL_VERSION);
	out_bool("module_loaded", NULL, r->o->module);
	if (r->o->module) {
		out_text("nicdiag module: loaded; %d watched device(s), %d event(s) held\n",
			 r->devs.n, r->evs.n);
	} else {
		const char *why = r->o->module_why ? r->o->module_why : "nicdiag module not loaded";

		/* "not loaded", or why it could not be used (ABI mismatch) */
		out_str("module", strstr(why, "not loaded") ?
			"nicdiag module: NOT LOADED: no event history and no probe errno;" :
			"nicdiag module: NOT USABLE (%s): no event history and no probe errno;", why);
		out_text(" what follows comes from sysfs (virtio status bytes, bound drivers, PCI links) and the kernel log\n");
	}
	out_nest_close();
}

static void print_summary(struct report *r)
{
	static const char *const verdicts[] = { "failed", "stalled", "flapping", "degraded", "healthy" };
	char names[512];
	unsigned int k;
	int total, bad;

	section("summary");
	if (!r->ex) {
		unavailable("out of memory");
		section_end();
		return;
	}
	if (r->o->module && r->evs.err)
		unavailable("the event history could not be read (%s): no diagnosis", exit_text(r->evs.err));
	if (!r->o->module && r->nvd < 0)
		unavailable("%s/bus/virtio/devices: %s", sysfs_root(), strerror(-r->nvd));
	total = explain_count(r->ex, NULL, NULL, 0);
	out_u64("diagnosed", "%" PRIu64 " device(s) diagnosed", total);
	out_nest_open("verdicts");
	for (k = 0; k < sizeof(verdicts) / sizeof(verdicts[0]); k++) {
		out_u64(verdicts[k], k ? ", %" PRIu64 : ": %" PRIu64,
			explain_count(r->ex, verdicts[k], NULL, 0));
		out_text(" %s", verdicts[k]);
	}
	out_nest_close();
	if (r->o->module)
		out_u64("watched", "; %" PRIu64 " watched netdev(s)", r->devs.n);
	out_text("\n");
	bad = total - explain_count(r->ex, "healthy", names, sizeof(names));
	if (names[0])
		out_str("healthy", "healthy: %s\n", names);
	if (!bad)
		out_text("no unhealthy device now\n");
	out_arr_open("unhealthy");
	explain_print(r->ex, NULL, EXPLAIN_UNHEALTHY, false);
	out_arr_close();
	section_end();
}

/* The events of the device with @ifindex (not setup snapshots), newest
 * DEV_HISTORY of them. */
static void print_dev_history(struct report *r, uint32_t ifindex)
{
	int i, n = 0, skip;

	for (i = 0; i < r->evs.n; i++)
		if (r->evs.v[i].ifindex == ifindex && !r->evs.v[i].vdev[0])
			n++;
	skip = n > DEV_HISTORY ? n - DEV_HISTORY : 0;
	out_u64("history_events", "    history: %" PRIu64 " event(s)", n);
	out_text("%s\n", skip ? ", the newest shown (all are in the timeline)" : "");
	out_arr_open("history");
	for (i = 0; i < r->evs.n; i++) {
		if (r->evs.v[i].ifindex != ifindex || r->evs.v[i].vdev[0])
			continue;
		if (skip) {
			skip--;
			continue;
		}
		out_text("      ");
		print_event(r->evs.v[i].nest, NULL);
	}
	out_arr_close();
}

/* The newest setup snapshot of a netdev (by ifindex) or virtio device. */
static struct item *latest_setup(struct report *r, uint32_t ifindex, const char *vdev)
{
	struct item *it = NULL;
	int i;

	for (i = 0; i < r->evs.n; i++)
		if (r->evs.v[i].vdev[0] &&
		    ((ifindex && r->evs.v[i].ifindex == ifindex) ||
		     (vdev && !strcmp(vdev, r->evs.v[i].vdev))))
			it = &r->evs.v[i];
	return it;
}

static void print_verdict(struct report *r, const char *name)
{
	out_arr_open("diagnosis");
	if (r->ex) {
		out_text("    verdict: ");
		if (!explain_print(r->ex, name, EXPLAIN_ALL, true))
			out_text("no diagnosis (not a virtio-net device, and no stall, AER or flapping in the history)\n");
	}
	out_arr_close();
}

static void print_setup_event(struct nlattr *nest)
{
	out_key("setup");
	out_text("    setup: ");
	event_detail(true);
	print_event(nest, NULL);
	event_detail(false);
}

/* A PCI function: its ids and its link's health, from sysfs. */
static void print_pci(const char *pci)
{
	static const char *const ids[] = {
		"vendor", "device", "subsystem_vendor", "subsystem_device", "revision",
	};
	char val[5][16], p[96], buf[256];
	struct pcie_link l;
	unsigned int k;

	if (!pci || !pci[0] || !strcmp(pci, "-"))
		return;
	for (k = 0; k < 5; k++) {
		snprintf(p, sizeof(p), "bus/pci/devices/%.40s/%s", pci, ids[k]);
		if (sysfs_read(p, val[k], sizeof(val[k])))
			snprintf(val[k], sizeof(val[k]), "?");
	}
	out_nest_open("pci");
	out_str("addr", "    PCI %s", pci);
	/* "0x1af4" -> "1af4", as lspci -nn prints ids */
	for (k = 0; k < 5; k++)
		out_str(ids[k], NULL, val[k]);
	out_text(" [%s:%s] subsystem [%s:%s] rev %s",
		 val[0] + (val[0][0] == '0' && val[0][1] == 'x' ? 2 : 0),
		 val[1] + (val[1][0] == '0' && val[1][1] == 'x' ? 2 : 0),
		 val[2] + (val[2][0] == '0' && val[2][1] == 'x' ? 2 : 0),
		 val[3] + (val[3][0] == '0' && val[3][1] == 'x' ? 2 : 0),
		 val[4] + (val[4][0] == '0' && val[4][1] == 'x' ? 2 : 0));
	if (!pcie_link_read(pci, &l)) {
		pcie_link_str(&l, buf, sizeof(buf));
		out_str("link", "; PCIe link %s", buf);
		out_bool("degraded", l.degraded ? ": DEGRADED" : NULL, l.degraded);
	}
	out_text("\n");
	out_nest_close();
}

static void print_vdev_sysfs(struct report *r, int i);

static void print_devices_module(struct report *r)
{
	struct item *it;
	int i;

	if (r->devs.err)
		unavailable("the device list could not be read (%s)", exit_text(r->devs.err));
	print_dev_header();
	out_arr_open("watched");
	for (i = 0; i < r->devs.n; i++)
		print_dev(r->devs.v[i].nest);
	out_arr_close();
	out_arr_open("detail");
	for (i = 0; i < r->devs.n; i++) {
		it = &r->devs.v[i];
		out_obj_open();
		out_str("ifname", "\n-- %s", it->ifname);
		out_u64("ifindex", " (ifindex %" PRIu64, it->ifindex);
		out_str("driver", ", %s", it->driver[0] ? it->driver : "?");
		out_str("pci_addr", " %s) --\n", it->pci[0] ? it->pci : "-");
		print_verdict(r, it->ifname);
		print_pci(it->pci);
		it = latest_setup(r, r->devs.v[i].ifindex, NULL);
		if (it)
			print_setup_event(it->nest);
		print_dev_history(r, r->devs.v[i].ifindex);
		out_obj_close();
	}
	/* virtio-net devices with no netdev: their probe failed. */
	for (i = 0; i < r->evs.n; i++) {
		struct item *e = &r->evs.v[i];

		if (!e->vdev[0] || e->ifname[0] || latest_setup(r, 0, e->vdev) != e)
			continue;
		out_obj_open();
		out_str("virtio_dev", "\n-- %s", e->vdev);
		out_str("pci_addr", " (%s, no netdev) --\n", e->pci[0] ? e->pci : "-");
		print_verdict(r, e->vdev);
		print_pci(e->pci);
		print_setup_event(e->nest);
		out_obj_close();
	}
	/* virtio-net devices the history holds no snapshot of. */
	for (i = 0; r->vmsg && i < r->nvd; i++)
		if (r->vmsg[i])
			print_vdev_sysfs(r, i);
	out_arr_close();
}

/* A netdev's link as sysfs shows it. */
static void print_netdev_sysfs(const char *ifname)
{
	static const char *const attrs[] = {
		"operstate", "carrier", "mtu", "address", "carrier_changes",
		"carrier_up_count", "carrier_down_count",
	};
	char p[128], val[128];
	unsigned int k;

	out_nest_open("netdev");
	out_text("    link:");
	for (k = 0; k < sizeof(attrs) / sizeof(attrs[0]); k++) {
		snprintf(p, sizeof(p), "class/net/%s/%s", ifname, attrs[k]);
		if (sysfs_read(p, val, sizeof(val)))
			continue;
		out_str(attrs[k], NULL, val);
		out_text(" %s %s", attrs[k], val);
	}
	out_text("\n");
	out_nest_close();
}

/* One virtio-net device as sysfs shows it, with its made-up snapshot. */
static void print_vdev_sysfs(struct report *r, int i)
{
	struct vdev_info *v = &r->vd[i];

	out_obj_open();
	out_str("virtio_dev", "\n-- %s", v->name);
	out_str("ifname", " (netdev %s", v->ifname[0] ? v->ifname : "none");
	out_str("driver", ", driver %s", v->driver[0] ? v->driver : "none");
	out_str("pci_addr", ", %s", v->pci[0] ? v->pci : "-");
	out_str("source", ", from %s) --\n", "sysfs");
	print_verdict(r, v->name);
	if (r->vmsg && r->vmsg[i]) {
		struct nlattr *tb[NICDIAG_A_MAX + 1];

		if (!nl_parse_reply(r->vmsg[i], tb) && tb[NICDIAG_A_EVENT])
			print_setup_event(tb[NICDIAG_A_EVENT]);
	}
	if (v->ifname[0])
		print_netdev_sysfs(v->ifname);
	print_pci(v->pci);
	out_obj_close();
}

static void print_devices_sysfs(struct report *r)
{
	int i;

	if (r->nvd < 0) {
		unavailable("%s/bus/virtio/devices: %s", sysfs_root(), strerror(-r->nvd));
		return;
	}
	out_text("virtio-net devices in sysfs (other NICs are watched only by the module)\n");
	out_arr_open("detail");
	for (i = 0; i < r->nvd; i++)
		print_vdev_sysfs(r, i);
	out_arr_close();
}

static void print_devices(struct report *r)
{
	section("devices");
	if (r->o->module)
		print_devices_module(r);
	else
		print_devices_sysfs(r);
	section_end();
}

static void print_timeline(struct report *r)
{
	struct seq_tracker t = { 0 };
	int i;

	section("events");
	if (!r->o->module) {
		unavailable("the nicdiag module is not loaded: there is no event history (load it as early as possible to record one)");
	} else if (r->evs.err) {
		unavailable("the event history could not be read (%s)", exit_text(r->evs.err));
	} else {
		out_u64("count", "%" PRIu64 " event(s), oldest first", r->evs.n);
		out_text("\n");
		out_arr_open("items");
		for (i = 0; i < r->evs.n; i++)
			print_event(r->evs.v[i].nest, &t);
		out_arr_close();
	}
	section_end();
}

static void print_kernel_log(struct report *r)
{
	struct kmsg_names *set;
	char *hit;
	int i, n = 0;

	section("kernel_log");
	if (r->km_err) {
		unavailable("%s", r->km_why);
		section_end();
		return;
	}
	set = kmsg_names_new(r->names, r->nnames);
	hit = calloc(r->km.n + 1, 1);
	if (!set || !hit) {
		unavailable("out of memory");
		goto out;
	}
	for (i = 0; i < r->km.n; i++)
		n += hit[i] = kmsg_names_match(set, r->km.lines[i]);
	out_u64("matched", "%" PRIu64, n);
	out_u64("total", " of %" PRIu64 " lines name these devices or their drivers\n", r->km.n);
	out_arr_open("lines");
	for (i = 0; i < r->km.n; i++)
		if (hit[i]) {
			out_arr_str(r->km.lines[i]);
			out_text("%s\n", r->km.lines[i]);
		}
	out_arr_close();
out:
	kmsg_names_free(set);
	free(hit);
	section_end();
}

static void release(struct report *r)
{
	int i;

	for (i = 0; i < r->devs.n; i++)
		free(r->devs.v[i].nest);
	for (i = 0; i < r->evs.n; i++)
		free(r->evs.v[i].nest);
	free(r->devs.v);
	free(r->evs.v);
	for (i = 0; r->vmsg && i < r->nvd; i++)
		nlmsg_free(r->vmsg[i]);
	free(r->vmsg);
	free(r->vd);
	kmsg_free(&r->km);
	free(r->names);		/* the strdup'd port names leak: few, and nicctl exits */
	explain_free(r->ex);
}

/**
 * report_run() - nicctl report [-o FILE] [--redact]
 * @nl: the family, when @o->module says it is open
 * @o: options
 *
 * The document is built in memory and written at the end, redacted when
 * asked, so a report file is whole or absent.
 *
 * Return: an exit code; a section that could not be gathered does not
 * fail the report.
 */
int report_run(struct nicctl_nl *nl, const struct report_opts *o)
{
	struct report r = { .o = o };
	char *doc = NULL, *red;
	size_t len = 0;
	FILE *mem, *fp = stdout;
	struct utsname u;
	int ret = EXIT_OK;

	if (o->output && !(fp = fopen(o->output, "w"))) {
		fprintf(stderr, "nicctl: %s: %s\n", o->output, strerror(errno));
		return EXIT_ERROR;
	}
	mem = open_memstream(&doc, &len);
	if (!mem)
		return EXIT_ERROR;
	gather(&r, nl);
	out_init(mem, o->json);
	out_obj_open();
	print_header(&r);
	print_summary(&r);
	section("system");
	sysinfo_print();
	section_end();
	print_devices(&r);
	print_timeline(&r);
	print_kernel_log(&r);
	out_obj_close();
	fclose(mem);
	release(&r);
	if (o->redact) {
		struct redactor *rd = redact_new(uname(&u) ? NULL : u.nodename);

		red = rd ? redact(rd, doc) : NULL;
		redact_free(rd);
		free(doc);
		if (!red) {
			fprintf(stderr, "nicctl: out of memory while redacting\n");
			if (fp != stdout)
				fclose(fp);
			return EXIT_ERROR;
		}
		doc = red;
		len = strlen(doc);
	}
	if (fwrite(doc, 1, len, fp) != len || fflush(fp)) {
		fprintf(stderr, "nicctl: writing the report: %s\n", strerror(errno));
		ret = EXIT_ERROR;
	}
	if (fp != stdout && fclose(fp)) {
		fprintf(stderr, "nicctl: %s: %s\n", o->output, strerror(errno));
		ret = EXIT_ERROR;
	}
	free(doc);
	out_init(stdout, o->json);
	return ret;
}
