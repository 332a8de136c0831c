/* SPDX-License-Identifier: GPL-2.0 */
/* nicctl report: the bug-report bundle. */
#ifndef NICCTL_REPORT_H
#define NICCTL_REPORT_H

#include <stdbool.h>

struct nicctl_nl;

/**
 * struct report_opts - how to write the report
 * @json: JSON instead of text
 * @redact: hide MAC and IP addresses and the host name
 * @output: the file to write, or NULL for stdout
 * @module: nicdiag's family is open in the nl passed along
 * @module_why: if not, why (from nicctl_try_open())
 */
struct report_opts {
	bool json;
	bool redact;
	const char *output;
	bool module;
	const char *module_why;
};

int report_run(struct nicctl_nl *nl, const struct report_opts *o);

#endif
