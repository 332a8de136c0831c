// SPDX-License-Identifier: GPL-2.0
/* Names of event types, causes and operstates; see decode.h. */
#include <stdio.h>

#include <linux/nicdiag.h>

#include "decode.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const event_names[] = {
	[NICDIAG_EV_DEV_ARRIVE] = "dev_arrive",
	[NICDIAG_EV_DEV_DEPART] = "dev_depart",
	[NICDIAG_EV_ADMIN_UP] = "admin_up",
	[NICDIAG_EV_ADMIN_DOWN] = "admin_down",
	[NICDIAG_EV_CARRIER_ON] = "carrier_on",
	[NICDIAG_EV_CARRIER_OFF] = "carrier_off",
	[NICDIAG_EV_OPERSTATE] = "operstate",
	[NICDIAG_EV_MTU] = "mtu",
	[NICDIAG_EV_RENAME] = "rename",
	[NICDIAG_EV_FLAPPING] = "flapping",
	[NICDIAG_EV_FLAP_END] = "flap_end",
};

static const char *const cause_names[] = {
	[NICDIAG_CAUSE_REGISTERED] = "registered",
	[NICDIAG_CAUSE_PRESENT] = "present",
	[NICDIAG_CAUSE_UNREGISTERED] = "unregistered",
	[NICDIAG_CAUSE_NETNS_MOVE] = "netns_move",
	[NICDIAG_CAUSE_CONFIG] = "config",
};

static const char *const cause_texts[] = {
	[NICDIAG_CAUSE_REGISTERED] = "registered",
	[NICDIAG_CAUSE_PRESENT] = "present at load",
	[NICDIAG_CAUSE_UNREGISTERED] = "unregistered",
	[NICDIAG_CAUSE_NETNS_MOVE] = "moved to another network namespace",
	[NICDIAG_CAUSE_CONFIG] = "driver list changed",
};

static const char *const oper_names[] = {
	[NICDIAG_OPER_UNKNOWN] = "unknown",
	[NICDIAG_OPER_NOTPRESENT] = "notpresent",
	[NICDIAG_OPER_DOWN] = "down",
	[NICDIAG_OPER_LOWERLAYERDOWN] = "lowerlayerdown",
	[NICDIAG_OPER_TESTING] = "testing",
	[NICDIAG_OPER_DORMANT] = "dormant",
	[NICDIAG_OPER_UP] = "up",
};

_Static_assert(N(event_names) == __NICDIAG_EV_MAX, "event names");
_Static_assert(N(cause_names) == __NICDIAG_CAUSE_MAX, "cause names");

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
	return lookup(event_names, N(event_names), type, "type");
}

const char *cause_name(unsigned int cause)
{
	return lookup(cause_names, N(cause_names), cause, "cause");
}

const char *cause_text(unsigned int cause)
{
	return lookup(cause_texts, N(cause_texts), cause, "cause");
}

const char *oper_name(unsigned int oper)
{
	return lookup(oper_names, N(oper_names), oper, "oper");
}
