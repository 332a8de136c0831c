// SPDX-License-Identifier: GPL-2.0
/*
 * Names of the ABI's enum values, for debugfs and the kernel log; the
 * tables are uapi/nicdiag_names.h, shared with nicctl.
 */

#include "internal.h"
#include <uapi/nicdiag_names.h>

static const char *name_or_unknown(const char *const *table, size_t n,
				   unsigned int v)
{
	return v < n && table[v] ? table[v] : "?";
}

/**
 * nicdiag_event_name() - name of an event type
 * @type: enum nicdiag_event_type
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_event_name(unsigned int type)
{
	return name_or_unknown(nicdiag_event_names, ARRAY_SIZE(nicdiag_event_names), type);
}

/**
 * nicdiag_cause_name() - name of a cause
 * @cause: enum nicdiag_cause
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_cause_name(unsigned int cause)
{
	return name_or_unknown(nicdiag_cause_names, ARRAY_SIZE(nicdiag_cause_names), cause);
}

/**
 * nicdiag_oper_name() - name of an RFC 2863 operational state
 * @operstate: IF_OPER_*
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_oper_name(unsigned int operstate)
{
	return name_or_unknown(nicdiag_oper_names, ARRAY_SIZE(nicdiag_oper_names), operstate);
}

/**
 * nicdiag_stage_name() - name of a setup stage
 * @stage: enum nicdiag_setup_stage
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_stage_name(unsigned int stage)
{
	return name_or_unknown(nicdiag_stage_names,
			       ARRAY_SIZE(nicdiag_stage_names), stage);
}

/**
 * nicdiag_irq_name() - name of an interrupt mode
 * @mode: enum nicdiag_irq_mode
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_irq_name(unsigned int mode)
{
	return name_or_unknown(nicdiag_irq_names, ARRAY_SIZE(nicdiag_irq_names),
			       mode);
}

/**
 * nicdiag_aer_severity_name() - name of an AER severity
 * @sev: enum nicdiag_aer_severity
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_aer_severity_name(unsigned int sev)
{
	return name_or_unknown(nicdiag_aer_severity_names,
			       ARRAY_SIZE(nicdiag_aer_severity_names), sev);
}

/**
 * nicdiag_aer_relation_name() - name of where an AER reporter sits
 * @rel: enum nicdiag_aer_relation
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_aer_relation_name(unsigned int rel)
{
	return name_or_unknown(nicdiag_aer_relation_names,
			       ARRAY_SIZE(nicdiag_aer_relation_names), rel);
}

/**
 * nicdiag_aer_recovery_name() - name of an AER recovery outcome
 * @r: enum nicdiag_aer_recovery
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_aer_recovery_name(unsigned int r)
{
	return name_or_unknown(nicdiag_aer_recovery_names,
			       ARRAY_SIZE(nicdiag_aer_recovery_names), r);
}

/**
 * nicdiag_host_op_name() - name of a host-side step
 * @op: enum nicdiag_host_op
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_host_op_name(unsigned int op)
{
	return name_or_unknown(nicdiag_host_op_names, ARRAY_SIZE(nicdiag_host_op_names), op);
}

/**
 * nicdiag_port_state_name() - name of a bridge port state
 * @state: enum nicdiag_port_state
 *
 * Return: the name, or "?" for a value out of range.
 */
const char *nicdiag_port_state_name(unsigned int state)
{
	return name_or_unknown(nicdiag_port_state_names,
			       ARRAY_SIZE(nicdiag_port_state_names), state);
}
