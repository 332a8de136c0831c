/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one event printer: `nicctl watch` (notifications) and `nicctl
 * events` (dumps) both print through it, in text or JSON.
 */
#ifndef NICCTL_EVENT_H
#define NICCTL_EVENT_H

#include <stdbool.h>
#include <stdint.h>

#include <netlink/attr.h>

/* Tracks sequence numbers across events to report what was lost. */
struct seq_tracker {
	uint64_t last;	/* last sequence number seen, 0: none yet */
};

/* Print one NICDIAG_A_EVENT nest; returns its sequence number (0 if bad).
 * A gap since tracker->last is first reported as a loss line. */
uint64_t print_event(struct nlattr *nest, struct seq_tracker *t);
/* Setup snapshots in full, in text as in JSON (nicctl report). */
void event_detail(bool on);
void print_loss(uint64_t first, uint64_t last, const char *reason);
/* Policy of the NICDIAG_EVENT_A_SETUP nest. */
extern struct nla_policy setup_policy[];
extern struct nla_policy queue_policy[];
extern struct nla_policy aer_policy[];
unsigned int queue_not_consumed(struct nlattr **q);
/* Event's ifindex and ifname, for filtering. */
int event_ident(struct nlattr *nest, uint32_t *ifindex, const char **ifname);
/* Event's sequence number, 0 if bad. */
uint64_t event_seq(struct nlattr *nest);
/* NICDIAG_WITHHELD_* bits of an event: what this reader was not shown. */
uint32_t event_withheld(struct nlattr *nest);
/* Print them (JSON "withheld": ["log", "proc"]). */
void print_withheld(uint32_t bits);
/* Event's acting process (0: none) and bus info, for --vm. */
int event_actor(struct nlattr *nest, uint32_t *pid, const char **bus_info);

#endif
