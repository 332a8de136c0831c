// SPDX-License-Identifier: GPL-2.0
/*
 * Names of the ABI's enum values, for debugfs and the kernel log.  They
 * match the names nicctl prints.
 */

#include "internal.h"

static const char * const event_names[] = {
	[NICDIAG_EV_UNSPEC] = "unspec",
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

static const char * const cause_names[] = {
	[NICDIAG_CAUSE_UNSPEC] = "unspec",
	[NICDIAG_CAUSE_REGISTERED] = "registered",
	[NICDIAG_CAUSE_PRESENT] = "present",
	[NICDIAG_CAUSE_UNREGISTERED] = "unregistered",
	[NICDIAG_CAUSE_NETNS_MOVE] = "netns_move",
	[NICDIAG_CAUSE_CONFIG] = "config",
};

static const char * const oper_names[] = {
	[NICDIAG_OPER_UNKNOWN] = "unknown",
	[NICDIAG_OPER_NOTPRESENT] = "notpresent",
	[NICDIAG_OPER_DOWN] = "down",
	[NICDIAG_OPER_LOWERLAYERDOWN] = "lowerlayerdown",
	[NICDIAG_OPER_TESTING] = "testing",
	[NICDIAG_OPER_DORMANT] = "dormant",
	[NICDIAG_OPER_UP] = "up",
};

static_assert(ARRAY_SIZE(event_names) == __NICDIAG_EV_MAX);
static_assert(ARRAY_SIZE(cause_names) == __NICDIAG_CAUSE_MAX);

/**
 * nicdiag_event_name() - name of an event type
 * @type: enum nicdiag_event_type
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_event_name(unsigned int type)
{
	return type < ARRAY_SIZE(event_names) ? event_names[type] : "?";
}

/**
 * nicdiag_cause_name() - name of a cause
 * @cause: enum nicdiag_cause
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_cause_name(unsigned int cause)
{
	return cause < ARRAY_SIZE(cause_names) ? cause_names[cause] : "?";
}

/**
 * nicdiag_oper_name() - name of an RFC 2863 operational state
 * @operstate: IF_OPER_*
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_oper_name(unsigned int operstate)
{
	return operstate < ARRAY_SIZE(oper_names) ? oper_names[operstate] : "?";
}
