/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicdiag: declarations shared by the module's files.
 *
 * Locking, outermost first:
 *   rtnl_lock        netdevice notifier, configuration writes, rescans
 *   nicdiag_dev_lock the watched-device table (mutex)
 *   ring.lock        the event ring (spinlock, irqsave: tracepoint sources)
 */
#ifndef _NICDIAG_INTERNAL_H
#define _NICDIAG_INTERNAL_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <uapi/linux/nicdiag.h>

#include "compat.h"

#ifndef NICDIAG_VERSION
#define NICDIAG_VERSION "unknown"
#endif

/**
 * struct nicdiag_ident - who an event or device is
 * @ifindex: interface index in init_net
 * @ifname: interface name at the time
 * @driver: driver name, as ethtool reports it
 * @bus_info: bus info, as ethtool reports it
 */
struct nicdiag_ident {
	int ifindex;
	char ifname[IFNAMSIZ];
	char driver[NICDIAG_DRIVER_LEN];
	char bus_info[NICDIAG_BUS_INFO_LEN];
};

/* Which optional fields of struct nicdiag_link_info are set. */
#define NICDIAG_LF_OLD_OPER	BIT(0)
#define NICDIAG_LF_OLD_MTU	BIT(1)
#define NICDIAG_LF_OLD_NAME	BIT(2)
#define NICDIAG_LF_FLAP		BIT(3)

/**
 * struct nicdiag_link_info - link state carried by a link event
 * @flags: NICDIAG_LF_* for the optional fields
 * @admin_up: IFF_UP
 * @carrier: carrier on
 * @operstate: IF_OPER_*
 * @old_operstate: before the change (NICDIAG_LF_OLD_OPER)
 * @mtu: MTU
 * @old_mtu: before the change (NICDIAG_LF_OLD_MTU)
 * @carrier_up_count: the kernel's count of carrier-on transitions
 * @carrier_down_count: the kernel's count of carrier-off transitions
 * @flap_count: transitions in the window, or events suppressed
 *	(NICDIAG_LF_FLAP)
 * @flap_window_ms: the window (NICDIAG_LF_FLAP)
 * @old_ifname: before a rename (NICDIAG_LF_OLD_NAME)
 */
struct nicdiag_link_info {
	u32 flags;
	u8 admin_up;
	u8 carrier;
	u8 operstate;
	u8 old_operstate;
	u32 mtu;
	u32 old_mtu;
	u32 carrier_up_count;
	u32 carrier_down_count;
	u32 flap_count;
	u32 flap_window_ms;
	char old_ifname[IFNAMSIZ];
};

#define NICDIAG_LOG_LINES	4
#define NICDIAG_LOG_LEN		112

/**
 * struct nicdiag_setup_info - how a virtio-net device was set up
 * @has_errno: @err is known (a probe, not a scan)
 * @err: the probe's errno, positive
 * @virtio_dev: the virtio device's name
 * @pci_addr: its PCI function, or ""
 * @stage: enum nicdiag_setup_stage
 * @status: device status byte
 * @bound: a driver is bound
 * @irq_mode: enum nicdiag_irq_mode
 * @offered: features the device offers
 * @negotiated: features in use
 * @msix_vectors: MSI-X table size
 * @num_vqs: virtqueues set up
 * @max_qp: queue pairs offered (0: no VIRTIO_NET_F_MQ)
 * @qp: TX queues of the netdev in use (0: no netdev)
 * @mtu: MTU the device asks for (0: no VIRTIO_NET_F_MTU)
 * @cpus: online CPUs
 * @nlog: lines in @log
 * @log: the latest kernel log lines naming the device, oldest first
 */
struct nicdiag_setup_info {
	bool has_errno;
	u32 err;
	char virtio_dev[16];
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	u8 stage;
	u8 status;
	u8 bound;
	u8 irq_mode;
	u64 offered;
	u64 negotiated;
	u32 msix_vectors;
	u32 num_vqs;
	u32 max_qp;
	u32 qp;
	u32 mtu;
	u32 cpus;
	u8 nlog;
	char log[NICDIAG_LOG_LINES][NICDIAG_LOG_LEN];
};

/* Which optional fields of struct nicdiag_queue_info are set. */
#define NICDIAG_QF_DURATION	BIT(0)
#define NICDIAG_QF_VQ		BIT(1)
#define NICDIAG_QF_STATUS	BIT(2)
#define NICDIAG_QF_BQL		BIT(3)

/**
 * struct nicdiag_queue_info - a TX queue carried by a queue event
 * @flags: NICDIAG_QF_* for the optional fields
 * @index: TX queue index
 * @stopped_ms: stopped without a transmit for this long
 * @duration_ms: how long the stall lasted (NICDIAG_QF_DURATION)
 * @threshold_ms: the stall threshold in force
 * @tx_timeouts: the kernel's watchdog count for the queue
 * @vq_name: virtqueue name (NICDIAG_QF_VQ, as are the next three)
 * @vq_size: ring size
 * @vq_free: free descriptors
 * @vq_broken: the virtqueue is marked broken
 * @status: virtio device status byte (NICDIAG_QF_STATUS)
 * @xoff: NICDIAG_XOFF_* bits: who stopped the queue
 * @bql_inflight: bytes not completed (NICDIAG_QF_BQL)
 */
struct nicdiag_queue_info {
	u32 flags;
	u32 index;
	u32 stopped_ms;
	u32 duration_ms;
	u32 threshold_ms;
	u32 tx_timeouts;
	char vq_name[16];
	u32 vq_size;
	u32 vq_free;
	u8 vq_broken;
	u8 status;
	u8 xoff;
	u32 bql_inflight;
};

/**
 * struct nicdiag_aer_info - an AER report carried by an AER event
 * @pci_addr: the reporting PCI device
 * @driver: the driver bound to it, or ""
 * @severity: enum nicdiag_aer_severity
 * @status: AER status bits
 * @tlp_valid: @tlp holds a logged TLP header
 * @tlp: the header, four words
 * @handlers: the driver has AER error handlers
 * @relation: enum nicdiag_aer_relation
 * @recovery: enum nicdiag_aer_recovery (AER_RECOVERY events)
 * @nlog: lines in @log
 * @log: the kernel's recovery lines, oldest first
 */
struct nicdiag_aer_info {
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	char driver[NICDIAG_DRIVER_LEN];
	u8 severity;
	u32 status;
	u8 tlp_valid;
	u32 tlp[4];
	u8 handlers;
	u8 relation;
	u8 recovery;
	u8 nlog;
	char log[2][NICDIAG_LOG_LEN];
};

/**
 * struct nicdiag_host_info - host-side details carried by a host event
 * @op: enum nicdiag_host_op
 * @ioctl: the ioctl request number, or 0
 * @err: the errno of a refused step, positive (HOST_FAIL)
 * @flags: IFF_* flags asked for (TUNSETIFF, TUNSETQUEUE)
 * @ifname: the name asked for (TUNSETIFF)
 * @queues: queues attached after the step (TAP_ATTACH, TAP_DETACH)
 * @fd: the file descriptor passed (VHOST_SET_BACKEND)
 * @index: the virtqueue index (VHOST_SET_BACKEND)
 * @master: the bridge (BRIDGE_*, PORT_STATE)
 * @port_state: enum nicdiag_port_state, now
 * @old_port_state: the state before (PORT_STATE)
 * @pci_addr: the PCI function (PCI_*, VFIO_OPEN, PCI_PROBE failures)
 * @pci_driver: the PCI driver concerned
 * @pci_id: vendor << 16 | device
 */
struct nicdiag_host_info {
	u8 op;
	u32 ioctl;
	u32 err;
	u32 flags;
	char ifname[IFNAMSIZ];
	u32 queues;
	s32 fd;
	u32 index;
	char master[IFNAMSIZ];
	u8 port_state;
	u8 old_port_state;
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	char pci_driver[NICDIAG_DRIVER_LEN];
	u32 pci_id;
};

/**
 * struct nicdiag_event - one recorded event
 * @seq: sequence number, assigned by the ring
 * @mono_ns: CLOCK_MONOTONIC, assigned by the ring
 * @real_ns: CLOCK_REALTIME, assigned by the ring
 * @type: enum nicdiag_event_type
 * @cause: enum nicdiag_cause
 * @id: the device
 * @link: payload of link-class events
 * @setup: payload of setup-class events (probe, scan)
 * @queue: payload of queue-class events (stall, resume, watchdog, broken
 *	virtqueue, needs reset)
 * @aer: payload of AER events
 * @host: payload of host-side events (tap, vhost-net, bridge, PCI, vfio)
 * @pid: the user process whose action this records (thread group id),
 *	0 if none (a kernel thread or an interrupt did it)
 * @comm: that process's name
 */
struct nicdiag_event {
	u64 seq;
	u64 mono_ns;
	u64 real_ns;
	u16 type;
	u16 cause;
	struct nicdiag_ident id;
	union {
		struct nicdiag_link_info link;
		struct nicdiag_setup_info setup;
		struct nicdiag_queue_info queue;
		struct nicdiag_aer_info aer;
		struct nicdiag_host_info host;
	};
	u32 pid;
	char comm[TASK_COMM_LEN];
};

/**
 * struct nicdiag_ring_stats - a consistent copy of the ring's counters
 * @recorded: events recorded since load
 * @overwritten: events pushed out of the full ring
 * @ntf_dropped: events not sent to the multicast group
 * @cleared: events dropped by HISTORY_CLEAR
 * @size: capacity
 * @used: events held
 * @first_seq: oldest held (0 if empty)
 * @last_seq: newest assigned (0 if none)
 * @type_recorded: per event type
 * @type_suppressed: per event type, folded into a summary event
 */
struct nicdiag_ring_stats {
	u64 recorded;
	u64 overwritten;
	u64 ntf_dropped;
	u64 cleared;
	u32 size;
	u32 used;
	u64 first_seq;
	u64 last_seq;
	u64 type_recorded[__NICDIAG_EV_MAX];
	u64 type_suppressed[__NICDIAG_EV_MAX];
};

/**
 * struct nicdiag_txq - the stall detector's view of one TX queue
 * @moving: jiffies when the queue was last known to move (not stopped,
 *	or a transmit since the previous look)
 * @trans: txq->trans_start at the previous look
 * @stall_start: jiffies the current stall is counted from
 * @stalled: a stall was reported and has not ended
 */
struct nicdiag_txq {
	unsigned long moving;
	unsigned long trans;
	unsigned long stall_start;
	bool stalled;
};

/**
 * struct nicdiag_dev - a watched device
 * @node: in the device table
 * @netdev: the kernel's device; dereference only under RTNL
 * @gone: removed from the table, work must not touch it
 * @id: identity
 * @pci_addr: the PCI function under it, or ""
 * @addr: permanent hardware address
 * @addr_len: its length
 * @admin_up: last seen IFF_UP
 * @carrier: last seen carrier
 * @operstate: last seen operstate
 * @mtu: last seen MTU
 * @carrier_up_count: last seen kernel counter
 * @carrier_down_count: last seen kernel counter
 * @n_admin: admin transitions
 * @n_carrier_up: carrier-on transitions
 * @n_carrier_down: carrier-off transitions
 * @n_oper: operstate changes
 * @n_mtu: MTU changes
 * @n_rename: renames
 * @n_flap: flapping episodes
 * @since_mono: when tracking began
 * @last_change_mono: last link-state change, CLOCK_MONOTONIC
 * @last_change_real: the same, CLOCK_REALTIME
 * @flap_ts: CLOCK_MONOTONIC of the latest carrier transitions (ring)
 * @flap_head: next slot of @flap_ts
 * @flap_n: valid entries in @flap_ts
 * @flapping: in a flapping episode
 * @flap_suppressed: carrier/operstate events suppressed in this episode
 * @flap_end_work: ends the episode once the link is stable
 * @txq: stall detector state per TX queue (stall.c), or NULL
 * @n_txq: entries in @txq
 * @n_stall: stalls found
 * @n_tx_timeout: kernel watchdog timeouts
 * @stalled_queues: queues stalled now
 * @needs_reset: DEVICE_NEEDS_RESET was reported and is still set
 * @vq_broken: virtqueues (by index, first 64) reported broken
 * @n_aer_cor: correctable AER errors on or above the NIC
 * @n_aer_nonfatal: uncorrectable non-fatal ones
 * @n_aer_fatal: uncorrectable fatal ones
 * @owner_pid: tap/tun: the process that last attached a queue, or 0
 * @owner_comm: its name
 * @master: the bridge the device is a port of, or ""
 * @port_state: its state as a bridge port (enum nicdiag_port_state)
 */
struct nicdiag_dev {
	struct list_head node;
	struct net_device *netdev;
	bool gone;
	struct nicdiag_ident id;
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	u8 addr[MAX_ADDR_LEN];
	u8 addr_len;

	u8 admin_up;
	u8 carrier;
	u8 operstate;
	u32 mtu;
	u32 carrier_up_count;
	u32 carrier_down_count;

	u32 n_admin;
	u32 n_carrier_up;
	u32 n_carrier_down;
	u32 n_oper;
	u32 n_mtu;
	u32 n_rename;
	u32 n_flap;
	u64 since_mono;
	u64 last_change_mono;
	u64 last_change_real;

	u64 flap_ts[NICDIAG_FLAP_THRESHOLD_MAX];
	u32 flap_head;
	u32 flap_n;
	bool flapping;
	u32 flap_suppressed;
	struct delayed_work flap_end_work;

	struct nicdiag_txq *txq;
	u32 n_txq;
	u32 n_stall;
	u32 n_tx_timeout;
	u32 stalled_queues;
	bool needs_reset;
	u64 vq_broken;
	u32 n_aer_cor;
	u32 n_aer_nonfatal;
	u32 n_aer_fatal;
	u32 owner_pid;
	char owner_comm[TASK_COMM_LEN];
	char master[IFNAMSIZ];
	u8 port_state;
};

/**
 * struct nicdiag_config - runtime configuration
 * @flap_threshold: transitions that make a flapping episode
 * @flap_window_ms: within this many milliseconds
 * @drivers: comma-separated match list
 * @stall_threshold_ms: a TX queue stopped this long without a transmit
 *	is stalled
 * @stall_interval_ms: how often the stall detector looks
 *
 * Written under RTNL; the integers may be read with READ_ONCE() anywhere,
 * @drivers only under RTNL.
 */
struct nicdiag_config {
	u32 flap_threshold;
	u32 flap_window_ms;
	char drivers[NICDIAG_DRIVERS_MAX + 1];
	u32 stall_threshold_ms;
	u32 stall_interval_ms;
};

/**
 * nicdiag_is_setup_event() - whether an event carries a setup snapshot
 * @type: enum nicdiag_event_type
 *
 * Return: true for probe and scan events.
 */
static inline bool nicdiag_is_setup_event(unsigned int type)
{
	return type == NICDIAG_EV_PROBE_OK || type == NICDIAG_EV_PROBE_FAIL ||
	       type == NICDIAG_EV_SETUP_SCAN;
}

/**
 * nicdiag_is_queue_event() - whether an event carries a queue
 * @type: enum nicdiag_event_type
 *
 * Return: true for stall, resume, watchdog, broken-queue and reset events.
 */
static inline bool nicdiag_is_queue_event(unsigned int type)
{
	return type >= NICDIAG_EV_TX_STALL && type <= NICDIAG_EV_NEEDS_RESET;
}

/**
 * nicdiag_is_host_event() - whether an event carries host-side details
 * @type: enum nicdiag_event_type
 *
 * Return: true for tap, vhost-net, bridge, PCI binding and vfio events.
 */
static inline bool nicdiag_is_host_event(unsigned int type)
{
	return type >= NICDIAG_EV_TAP_ATTACH && type <= NICDIAG_EV_VFIO_OPEN;
}

/**
 * nicdiag_actor() - note the current process as an event's cause
 * @pid: set to its thread group id, or 0 in a kernel thread
 * @comm: set to its thread group leader's name (TASK_COMM_LEN bytes)
 *
 * Any context; in interrupt context, or a kernel thread, there is no
 * process to name.
 */
static inline void nicdiag_actor(u32 *pid, char *comm)
{
	if (!in_task() || (current->flags & PF_KTHREAD)) {
		*pid = 0;
		comm[0] = '\0';
		return;
	}
	*pid = task_tgid_nr(current);
	strscpy_pad(comm, current->group_leader->comm, TASK_COMM_LEN);
}

extern struct nicdiag_config nicdiag_config;
extern struct mutex nicdiag_dev_lock;
extern struct list_head nicdiag_devs;

/* ring.c */
int nicdiag_ring_init(unsigned int size);
void nicdiag_ring_start(void);
void nicdiag_ring_stop(void);
void nicdiag_ring_exit(void);
u64 nicdiag_ring_record(struct nicdiag_event *ev);
void nicdiag_ring_suppressed(enum nicdiag_event_type type);
void nicdiag_ring_ntf_failed(void);
bool nicdiag_ring_get(u64 seq, struct nicdiag_event *ev);
u64 nicdiag_ring_first_seq(void);
u32 nicdiag_ring_size(void);
void nicdiag_ring_clear(void);
void nicdiag_ring_stats(struct nicdiag_ring_stats *st);

/* config.c */
int nicdiag_config_init(unsigned int flap_threshold,
			unsigned int flap_window_ms, const char *drivers,
			unsigned int stall_threshold_ms,
			unsigned int stall_interval_ms);
int nicdiag_drivers_validate(const char *list, const char **why);
bool nicdiag_match(struct net_device *dev, const struct nicdiag_ident *id,
		   const char *pci_addr);

/* linkstate.c */
int nicdiag_link_init(void);
void nicdiag_link_exit(void);
void nicdiag_link_rescan(void);
unsigned int nicdiag_dev_count(void);
struct nicdiag_dev *nicdiag_dev_find(struct net_device *netdev);

/* netlink.c */
int nicdiag_netlink_init(void);
void nicdiag_netlink_exit(void);
void nicdiag_netlink_notify(const struct nicdiag_event *ev);
bool nicdiag_netlink_has_listeners(void);

/* setup.c */
int nicdiag_setup_init(void);
void nicdiag_setup_exit(void);
void nicdiag_setup_scan(enum nicdiag_cause cause);

/* stall.c */
int nicdiag_stall_init(void);
void nicdiag_stall_exit(void);
void nicdiag_stall_kick(void);
void nicdiag_stall_stats(u64 *scans, u64 *last_ns, u64 *max_ns, u64 *lost);

/* aer.c */
int nicdiag_aer_init(void);
void nicdiag_aer_exit(void);

/* hostprobe.c */
int nicdiag_hostprobe_init(void);
void nicdiag_hostprobe_exit(void);
void nicdiag_hostprobe_stats(unsigned int *registered, u64 *missed,
			     u64 *lost);

/* bridge.c */
int nicdiag_bridge_init(void);
void nicdiag_bridge_exit(void);

/* pcibind.c */
int nicdiag_pcibind_init(void);
void nicdiag_pcibind_exit(void);
void nicdiag_vfio_opened(const char *pci_addr, u32 pid, const char *comm);
bool nicdiag_vfio_owner(const char *pci_addr, u32 *pid, char *comm);

/* debugfs.c */
void nicdiag_debugfs_init(void);
void nicdiag_debugfs_exit(void);

/* names.c */
const char *nicdiag_event_name(unsigned int type);
const char *nicdiag_cause_name(unsigned int cause);
const char *nicdiag_oper_name(unsigned int operstate);
const char *nicdiag_stage_name(unsigned int stage);
const char *nicdiag_irq_name(unsigned int mode);
const char *nicdiag_aer_severity_name(unsigned int sev);
const char *nicdiag_aer_relation_name(unsigned int rel);
const char *nicdiag_aer_recovery_name(unsigned int r);
const char *nicdiag_host_op_name(unsigned int op);
const char *nicdiag_port_state_name(unsigned int state);

#endif /* _NICDIAG_INTERNAL_H */
