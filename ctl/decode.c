// SPDX-License-Identifier: GPL-2.0
/* Names of event types, causes and operstates; see decode.h. */
#include <stdio.h>

#include <linux/nicdiag.h>
#include <nicdiag_names.h>

#include "decode.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const cause_texts[] = {
	[NICDIAG_CAUSE_REGISTERED] = "registered",
	[NICDIAG_CAUSE_PRESENT] = "present at load",
	[NICDIAG_CAUSE_UNREGISTERED] = "unregistered",
	[NICDIAG_CAUSE_NETNS_MOVE] = "moved to another network namespace",
	[NICDIAG_CAUSE_CONFIG] = "driver list changed",
	[NICDIAG_CAUSE_SCAN] = "found by the scan at load",
	[NICDIAG_CAUSE_SCAN_REQUEST] = "found by a requested scan",
	[NICDIAG_CAUSE_LINK_DOWN] = "device down or no carrier",
};

static const char *lookup(const char *const *t, unsigned int n, unsigned int v,
			  const char *what)
{
	static char buf[4][32];
	static unsigned int i;

	if (v < n && t[v])
		return t[v];
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof(buf[i]), "%s#%u", what, v);
	return buf[i];
}

const char *event_type_name(unsigned int type)
{
	return lookup(nicdiag_event_names, N(nicdiag_event_names), type, "type");
}

const char *cause_name(unsigned int cause)
{
	return lookup(nicdiag_cause_names, N(nicdiag_cause_names), cause, "cause");
}

const char *cause_text(unsigned int cause)
{
	return lookup(cause_texts, N(cause_texts), cause, "cause");
}

const char *oper_name(unsigned int oper)
{
	return lookup(nicdiag_oper_names, N(nicdiag_oper_names), oper, "oper");
}
