/* SPDX-License-Identifier: GPL-2.0 */
/* nicctl explain: root cause, evidence and fix per virtio-net device. */
#ifndef NICCTL_EXPLAIN_H
#define NICCTL_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include <netlink/attr.h>

struct nicctl_nl;

/**
 * struct dev_history - what the queue and AER events say about one netdev
 * @stalled: a TX stall was reported and has not ended
 * @queue: its TX queue
 * @stopped_ms: stopped this long when reported
 * @vq: virtqueue name ("" if not virtio-net)
 * @vq_free: free descriptors in it
 * @vq_size: its size
 * @outstanding: descriptors posted and not used by the device
 * @xoff: NICDIAG_XOFF_* bits
 * @status: virtio status byte, -1 if unknown
 * @n_stall: stalls in the history
 * @n_timeout: kernel watchdog timeouts in the history
 * @last_ms: duration of the latest stall that ended
 * @last_link_down: it ended because the device went down
 * @broken: a virtqueue was reported broken ("" if none)
 * @needs_reset: NEEDS_RESET was reported
 * @n_aer: AER reports (any severity)
 * @aer_unc: uncorrectable ones
 * @aer_sev: severity of the latest uncorrectable one (or latest at all)
 * @aer_handlers: its driver has AER handlers
 * @aer_pci: the reporting PCI device
 * @aer_bits: its status bits by name
 * @aer_recovery: the outcome of the kernel's recovery (NICDIAG_AER_RECOVERY_*)
 * @n_flap: flapping episodes in the history
 * @flapping: the latest episode has not ended
 * @flap_changes: carrier changes that made the latest episode
 * @flap_window_ms: ... within this window
 * @flap_suppressed: carrier events suppressed in the latest ended episode
 * @flap_stable_ms: stable this long when it ended
 * @carrier: carrier after the latest flapping event
 * @carrier_up: the kernel's carrier-up count then
 * @carrier_down: its carrier-down count
 */
struct dev_history {
	int stalled;
	unsigned int queue, stopped_ms, vq_free, vq_size, outstanding, xoff;
	char vq[16];
	int status;
	unsigned int n_stall, n_timeout, last_ms, last_link_down;
	char broken[16];
	int needs_reset;
	unsigned int n_aer, aer_unc, aer_sev, aer_handlers, aer_recovery;
	char aer_pci[32];
	char aer_bits[256];
	unsigned int n_flap, flapping, flap_changes, flap_window_ms;
	unsigned int flap_suppressed, flap_stable_ms, carrier, carrier_up, carrier_down;
};

/* Which diagnoses explain_print() prints. */
enum explain_what {
	EXPLAIN_ALL,
	EXPLAIN_UNHEALTHY,
};

struct explain_set;

void explain_setup(const char *ifname, unsigned int type, struct nlattr *nest,
		   const struct dev_history *si);
void stall_note(struct dev_history *si, unsigned int type, unsigned int cause,
		struct nlattr *queue);
void aer_note(struct dev_history *si, struct nlattr *aer);
void flap_note(struct dev_history *si, unsigned int type, struct nlattr *link);
int explain_run(struct nicctl_nl *nl, const char *dev);

/* The diagnosis of many devices, for explain and report. */
struct explain_set *explain_new(void);
void explain_feed(struct explain_set *c, struct nlattr *event);
int explain_print(struct explain_set *c, const char *dev, enum explain_what what, bool brief);
int explain_count(struct explain_set *c, const char *verdict, char *names, size_t len);
void explain_free(struct explain_set *c);

#endif
