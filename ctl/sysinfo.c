// SPDX-License-Identifier: GPL-2.0
/* The system section of nicctl report; see sysinfo.h. */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include <linux/nicdiag.h>

#include "print.h"
#include "sysfs.h"
#include "sysinfo.h"

#ifndef NICCTL_VERSION
#define NICCTL_VERSION "unknown"
#endif

/* Documentation/admin-guide/tainted-kernels.rst, bit by bit. */
static const struct {
	char letter;
	const char *what;
} taints[] = {
	{ 'P', "proprietary module" }, { 'F', "module force-loaded" },
	{ 'S', "out of specification" }, { 'R', "module force-unloaded" },
	{ 'M', "machine check" }, { 'B', "bad page" }, { 'U', "user request" },
	{ 'D', "kernel died (oops or BUG)" }, { 'A', "ACPI table overridden" },
	{ 'W', "kernel warning" }, { 'C', "staging driver" },
	{ 'I', "firmware bug workaround" }, { 'O', "out-of-tree module" },
	{ 'E', "unsigned module" }, { 'L', "soft lockup" }, { 'K', "live patched" },
	{ 'X', "auxiliary" }, { 'T', "built with struct randomization" },
	{ 'N', "in-kernel test" }, { 'J', "fwctl" },
};

void taint_str(unsigned long taint, char *buf, size_t len)
{
	size_t o = 0, i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(taints) / sizeof(taints[0]) && o < len; i++)
		if (taint & (1UL << i))
			o += snprintf(buf + o, len - o, "%s%c (%s)", o ? ", " : "",
				      taints[i].letter, taints[i].what);
	for (i = sizeof(taints) / sizeof(taints[0]); i < 8 * sizeof(taint) && o < len; i++)
		if (taint & (1UL << i))
			o += snprintf(buf + o, len - o, "%sbit %zu", o ? ", " : "", i);
	if (!taint)
		snprintf(buf, len, "not tainted");
}

/* A whole small file (/proc/cmdline) without its final newline. */
static int read_file(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -errno;
	n = fread(buf, 1, len - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n && buf[n - 1] == '\n')
		buf[--n] = '\0';
	return 0;
}

static void value_or_why(const char *key, const char *label, int err, const char *val)
{
	char fmt[64], why[160];

	snprintf(fmt, sizeof(fmt), "%-18s %%s\n", label);
	if (!err) {
		out_str(key, fmt, val);
		return;
	}
	snprintf(why, sizeof(why), "unavailable: %s", strerror(-err));
	out_str(key, fmt, why);
}

static void module_params(void)
{
	char p[PATH_MAX], val[300], line[600];
	struct dirent **e;
	int n, i;

	snprintf(p, sizeof(p), "%s/module/nicdiag/parameters", sysfs_root());
	n = scandir(p, &e, NULL, alphasort);
	if (n < 0)
		return;
	out_arr_open("module_parameters");
	line[0] = '\0';
	for (i = 0; i < n; i++) {
		char f[PATH_MAX + 300];

		if (e[i]->d_name[0] != '.') {
			snprintf(f, sizeof(f), "module/nicdiag/parameters/%s", e[i]->d_name);
			if (sysfs_read(f, val, sizeof(val)))
				snprintf(val, sizeof(val), "?");
			snprintf(p, sizeof(p), "%s=%s", e[i]->d_name, val);
			out_arr_str(p);
			if (strlen(line) + strlen(p) + 2 < sizeof(line))
				strcat(strcat(line, line[0] ? " " : ""), p);
		}
		free(e[i]);
	}
	free(e);
	out_arr_close();
	out_text("%-18s %s\n", "module parameters", line);
}

/**
 * sysinfo_print() - the system a report comes from
 *
 * Kernel release and build, nicctl's version and ABI, the module's
 * version, srcversion and parameters (when loaded), the taint flags and
 * the kernel command line.  What cannot be read says why; the rest is
 * still printed.
 */
void sysinfo_print(void)
{
	struct utsname u;
	char buf[4096], t[512];
	int err;

	err = uname(&u) ? -errno : 0;
	value_or_why("kernel_release", "kernel release", err, err ? "" : u.release);
	value_or_why("kernel_build", "kernel build", err, err ? "" : u.version);
	value_or_why("machine", "machine", err, err ? "" : u.machine);
	value_or_why("hostname", "host", err, err ? "" : u.nodename);
	snprintf(buf, sizeof(buf), "%s (ABI %d)", NICCTL_VERSION, NICDIAG_FAMILY_VERSION);
	out_str("nicctl", "nicctl             %s\n", buf);
	err = sysfs_read("module/nicdiag/version", buf, sizeof(buf));
	if (err == -ENOENT && sysfs_read("module/nicdiag/initstate", t, sizeof(t)))
		out_str("module_version", "nicdiag module     %s\n", "not loaded");
	else
		value_or_why("module_version", "nicdiag module", err, buf);
	err = sysfs_read("module/nicdiag/srcversion", buf, sizeof(buf));
	if (!err)
		out_str("module_srcversion", "module srcversion  %s\n", buf);
	err = sysfs_read("module/nicdiag/taint", buf, sizeof(buf));
	if (!err && buf[0])
		out_str("module_taint", "module taint       %s\n", buf);
	module_params();
	err = read_file("/proc/sys/kernel/tainted", buf, sizeof(buf));
	if (!err) {
		unsigned long v = strtoul(buf, NULL, 10);

		out_u64("taint", "taint              %" PRIu64, v);
		taint_str(v, t, sizeof(t));
		out_str("taint_flags", ": %s\n", t);
	} else {
		value_or_why("taint", "taint", err, "");
	}
	err = read_file("/proc/cmdline", buf, sizeof(buf));
	value_or_why("cmdline", "command line", err, buf);
}
