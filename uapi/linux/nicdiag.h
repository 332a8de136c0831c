/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * nicdiag: generic netlink ABI shared by the kernel module and nicctl.
 *
 * The family is described by uapi/nicdiag.yaml in the kernel's netlink
 * spec format; tests/unit/spec-check keeps the two in agreement.
 *
 * Rules of this ABI:
 *  - Enums only grow at the end; a value, once published, keeps its meaning.
 *  - Every event, whether read back with NICDIAG_CMD_EVENT_GET or received
 *    on the "events" multicast group, is one NICDIAG_A_EVENT nest in the
 *    same format.  Each event carries a 64-bit sequence number that grows by
 *    one per recorded event, so a reader can count what it missed.
 *  - Only devices in the initial network namespace are tracked, and the
 *    family is not visible from other network namespaces.
 *  - Reading needs no privilege, but a reader gets only what the kernel
 *    would show it elsewhere: kernel log lines and AER TLP headers (what
 *    dmesg shows) need CAP_SYSLOG, the processes behind events (pid,
 *    name, a tap's owner) need CAP_NET_ADMIN.  What is left out is named
 *    in NICDIAG_EVENT_A_WITHHELD / NICDIAG_DEV_A_WITHHELD.  Joining the
 *    "events" group needs CAP_NET_ADMIN where the kernel lets a family
 *    say so (GENL_MCAST_CAP_NET_ADMIN); notifications never carry kernel
 *    log lines or TLP headers, and carry processes only where the group
 *    is so restricted.  Changing state always needs CAP_NET_ADMIN.
 */
#ifndef _UAPI_LINUX_NICDIAG_H
#define _UAPI_LINUX_NICDIAG_H

#define NICDIAG_FAMILY_NAME	"nicdiag"
#define NICDIAG_FAMILY_VERSION	1
#define NICDIAG_MCGRP_EVENTS	"events"

/* Longest driver-match list accepted by NICDIAG_CONFIG_A_DRIVERS. */
#define NICDIAG_DRIVERS_MAX	255
/* Longest driver name and bus-info string reported. */
#define NICDIAG_DRIVER_LEN	32
#define NICDIAG_BUS_INFO_LEN	32

/**
 * enum nicdiag_cmd - generic netlink commands
 * @NICDIAG_CMD_UNSPEC: unused
 * @NICDIAG_CMD_DEV_GET: get one watched device (do, by NICDIAG_A_IFINDEX or
 *	NICDIAG_A_IFNAME) or all of them (dump); replies carry NICDIAG_A_DEV
 * @NICDIAG_CMD_EVENT_GET: dump the event history, oldest first, optionally
 *	from NICDIAG_A_SINCE_SEQ on and for one NICDIAG_A_IFINDEX; each reply
 *	carries one NICDIAG_A_EVENT
 * @NICDIAG_CMD_STATS_GET: get recording statistics (NICDIAG_A_STATS)
 * @NICDIAG_CMD_CONFIG_GET: get the configuration (NICDIAG_A_CONFIG)
 * @NICDIAG_CMD_CONFIG_SET: change the configuration; needs CAP_NET_ADMIN;
 *	all values are validated before any is applied
 * @NICDIAG_CMD_HISTORY_CLEAR: drop the recorded events (sequence numbers go
 *	on growing); needs CAP_NET_ADMIN
 * @NICDIAG_CMD_EVENT_NTF: notification sent to the "events" group, carrying
 *	one NICDIAG_A_EVENT
 * @NICDIAG_CMD_SETUP_SCAN: record a setup snapshot (NICDIAG_EV_SETUP_SCAN)
 *	of every virtio-net device now, bound or not; needs CAP_NET_ADMIN
 */
enum nicdiag_cmd {
	NICDIAG_CMD_UNSPEC,
	NICDIAG_CMD_DEV_GET,
	NICDIAG_CMD_EVENT_GET,
	NICDIAG_CMD_STATS_GET,
	NICDIAG_CMD_CONFIG_GET,
	NICDIAG_CMD_CONFIG_SET,
	NICDIAG_CMD_HISTORY_CLEAR,
	NICDIAG_CMD_EVENT_NTF,
	NICDIAG_CMD_SETUP_SCAN,

	__NICDIAG_CMD_MAX,
	NICDIAG_CMD_MAX = (__NICDIAG_CMD_MAX - 1)
};

/**
 * enum nicdiag_attr - top-level attributes
 * @NICDIAG_A_UNSPEC: unused
 * @NICDIAG_A_PAD: padding for 64-bit attributes
 * @NICDIAG_A_IFINDEX: u32, selects a device (request)
 * @NICDIAG_A_IFNAME: string, selects a device by name (request)
 * @NICDIAG_A_SINCE_SEQ: u64, EVENT_GET starts at this sequence number
 * @NICDIAG_A_DEV: nest, enum nicdiag_dev_attr
 * @NICDIAG_A_EVENT: nest, enum nicdiag_event_attr
 * @NICDIAG_A_STATS: nest, enum nicdiag_stats_attr
 * @NICDIAG_A_CONFIG: nest, enum nicdiag_config_attr
 */
enum nicdiag_attr {
	NICDIAG_A_UNSPEC,
	NICDIAG_A_PAD,
	NICDIAG_A_IFINDEX,
	NICDIAG_A_IFNAME,
	NICDIAG_A_SINCE_SEQ,
	NICDIAG_A_DEV,
	NICDIAG_A_EVENT,
	NICDIAG_A_STATS,
	NICDIAG_A_CONFIG,

	__NICDIAG_A_MAX,
	NICDIAG_A_MAX = (__NICDIAG_A_MAX - 1)
};

/**
 * enum nicdiag_event_type - what an event reports
 * @NICDIAG_EV_UNSPEC: unused
 * @NICDIAG_EV_DEV_ARRIVE: a watched device appeared (registered, matched
 *	after a configuration change, or present when the module loaded)
 * @NICDIAG_EV_DEV_DEPART: a watched device went away (unregistered, moved
 *	to another network namespace, or no longer matched)
 * @NICDIAG_EV_ADMIN_UP: administratively up (IFF_UP set)
 * @NICDIAG_EV_ADMIN_DOWN: administratively down (IFF_UP cleared)
 * @NICDIAG_EV_CARRIER_ON: carrier detected
 * @NICDIAG_EV_CARRIER_OFF: carrier lost
 * @NICDIAG_EV_OPERSTATE: RFC 2863 operational state changed
 * @NICDIAG_EV_MTU: MTU changed
 * @NICDIAG_EV_RENAME: interface renamed
 * @NICDIAG_EV_FLAPPING: carrier changed at least flap_threshold times in
 *	flap_window_ms; single carrier events are suppressed (and counted)
 *	until the link has been stable for one window
 * @NICDIAG_EV_FLAP_END: the link has been stable for one window after
 *	flapping; carries how many carrier events were suppressed
 * @NICDIAG_EV_PROBE_OK: a virtio-net device was probed successfully;
 *	carries the setup snapshot (NICDIAG_EVENT_A_SETUP)
 * @NICDIAG_EV_PROBE_FAIL: the virtio-net driver's probe of a device
 *	failed; carries the errno and the setup snapshot
 * @NICDIAG_EV_SETUP_SCAN: the setup state of a virtio-net device found by
 *	a scan (at load or on request), bound or not
 * @NICDIAG_EV_TX_STALL: nicdiag's detector found a TX queue stopped, with
 *	no transmit, for longer than stall_threshold_ms (NICDIAG_EVENT_A_QUEUE)
 * @NICDIAG_EV_TX_RESUME: a stalled TX queue moves again, or its device
 *	went down (cause link_down); carries the stall's duration
 * @NICDIAG_EV_TX_TIMEOUT: the kernel's TX watchdog fired for a queue
 *	(tracepoint net:net_dev_xmit_timeout); drivers without
 *	ndo_tx_timeout never get one
 * @NICDIAG_EV_VQ_BROKEN: a virtio-net virtqueue was marked broken: the
 *	driver no longer uses it
 * @NICDIAG_EV_NEEDS_RESET: a virtio device set DEVICE_NEEDS_RESET in its
 *	status byte: the device gave up until the driver resets it
 * @NICDIAG_EV_AER: a PCIe AER error reported on the NIC's PCI function or
 *	a port above it (NICDIAG_EVENT_A_AER); a report no watched NIC sits
 *	under is recorded with ifindex 0
 * @NICDIAG_EV_AER_RECOVERY: what the kernel's AER recovery did after an
 *	uncorrectable error, from its log (NICDIAG_AER_A_RECOVERY, _LOG)
 * @NICDIAG_EV_TAP_ATTACH: host side: a process attached a queue to a tap
 *	or tun device (TUNSETIFF, TUNSETQUEUE attach); NICDIAG_EVENT_A_HOST
 *	has the flags and the queue count, NICDIAG_EVENT_A_PID the process
 * @NICDIAG_EV_TAP_DETACH: host side: a queue was detached (TUNSETQUEUE)
 * @NICDIAG_EV_VHOST_SETUP: host side: a vhost-net setup step succeeded
 *	(owner set, backend set on a virtqueue)
 * @NICDIAG_EV_HOST_FAIL: host side: a setup step was refused: a tun, tap
 *	or vhost-net ioctl, a PCI driver's probe (e.g. vfio-pci), a vfio
 *	device open; NICDIAG_HOST_A_OP says which, NICDIAG_HOST_A_ERRNO why
 * @NICDIAG_EV_BRIDGE_JOIN: a watched device became a bridge port
 *	(NICDIAG_HOST_A_MASTER)
 * @NICDIAG_EV_BRIDGE_LEAVE: it stopped being one
 * @NICDIAG_EV_PORT_STATE: the bridge (STP) state of a watched port changed
 *	(NICDIAG_HOST_A_PORT_STATE, _OLD_PORT_STATE)
 * @NICDIAG_EV_PCI_BIND: a driver was bound to a network-class PCI function
 *	(identity: NICDIAG_EVENT_A_DRIVER and _BUS_INFO; no netdev)
 * @NICDIAG_EV_PCI_UNBIND: a driver was unbound from one
 * @NICDIAG_EV_VFIO_OPEN: a process opened a network-class PCI function
 *	through vfio-pci (device passthrough: the process is the VM)
 */
enum nicdiag_event_type {
	NICDIAG_EV_UNSPEC,
	NICDIAG_EV_DEV_ARRIVE,
	NICDIAG_EV_DEV_DEPART,
	NICDIAG_EV_ADMIN_UP,
	NICDIAG_EV_ADMIN_DOWN,
	NICDIAG_EV_CARRIER_ON,
	NICDIAG_EV_CARRIER_OFF,
	NICDIAG_EV_OPERSTATE,
	NICDIAG_EV_MTU,
	NICDIAG_EV_RENAME,
	NICDIAG_EV_FLAPPING,
	NICDIAG_EV_FLAP_END,
	NICDIAG_EV_PROBE_OK,
	NICDIAG_EV_PROBE_FAIL,
	NICDIAG_EV_SETUP_SCAN,
	NICDIAG_EV_TX_STALL,
	NICDIAG_EV_TX_RESUME,
	NICDIAG_EV_TX_TIMEOUT,
	NICDIAG_EV_VQ_BROKEN,
	NICDIAG_EV_NEEDS_RESET,
	NICDIAG_EV_AER,
	NICDIAG_EV_AER_RECOVERY,
	NICDIAG_EV_TAP_ATTACH,
	NICDIAG_EV_TAP_DETACH,
	NICDIAG_EV_VHOST_SETUP,
	NICDIAG_EV_HOST_FAIL,
	NICDIAG_EV_BRIDGE_JOIN,
	NICDIAG_EV_BRIDGE_LEAVE,
	NICDIAG_EV_PORT_STATE,
	NICDIAG_EV_PCI_BIND,
	NICDIAG_EV_PCI_UNBIND,
	NICDIAG_EV_VFIO_OPEN,

	__NICDIAG_EV_MAX,
	NICDIAG_EV_MAX = (__NICDIAG_EV_MAX - 1)
};

/**
 * enum nicdiag_cause - why a device arrived, departed or failed
 * @NICDIAG_CAUSE_UNSPEC: not known or not applicable
 * @NICDIAG_CAUSE_REGISTERED: the device was registered
 * @NICDIAG_CAUSE_PRESENT: the device existed when nicdiag loaded
 * @NICDIAG_CAUSE_UNREGISTERED: the device was unregistered
 * @NICDIAG_CAUSE_NETNS_MOVE: the device moved to or from another network
 *	namespace
 * @NICDIAG_CAUSE_CONFIG: the driver-match configuration changed
 * @NICDIAG_CAUSE_SCAN: found by a scan at load
 * @NICDIAG_CAUSE_SCAN_REQUEST: found by a scan that NICDIAG_CMD_SETUP_SCAN
 *	asked for
 * @NICDIAG_CAUSE_LINK_DOWN: a stall ended because the device went down,
 *	lost carrier or was detached, not because the queue moved
 */
enum nicdiag_cause {
	NICDIAG_CAUSE_UNSPEC,
	NICDIAG_CAUSE_REGISTERED,
	NICDIAG_CAUSE_PRESENT,
	NICDIAG_CAUSE_UNREGISTERED,
	NICDIAG_CAUSE_NETNS_MOVE,
	NICDIAG_CAUSE_CONFIG,
	NICDIAG_CAUSE_SCAN,
	NICDIAG_CAUSE_SCAN_REQUEST,
	NICDIAG_CAUSE_LINK_DOWN,

	__NICDIAG_CAUSE_MAX,
	NICDIAG_CAUSE_MAX = (__NICDIAG_CAUSE_MAX - 1)
};

/**
 * enum nicdiag_operstate - RFC 2863 operational state, as IF_OPER_* in
 *	<linux/if.h>
 */
enum nicdiag_operstate {
	NICDIAG_OPER_UNKNOWN,
	NICDIAG_OPER_NOTPRESENT,
	NICDIAG_OPER_DOWN,
	NICDIAG_OPER_LOWERLAYERDOWN,
	NICDIAG_OPER_TESTING,
	NICDIAG_OPER_DORMANT,
	NICDIAG_OPER_UP,
};

/**
 * enum nicdiag_dev_attr - a watched device (NICDIAG_A_DEV)
 * @NICDIAG_DEV_A_UNSPEC: unused
 * @NICDIAG_DEV_A_PAD: padding for 64-bit attributes
 * @NICDIAG_DEV_A_IFINDEX: u32
 * @NICDIAG_DEV_A_IFNAME: string
 * @NICDIAG_DEV_A_DRIVER: string, driver name as ethtool reports it
 * @NICDIAG_DEV_A_BUS_INFO: string, bus info as ethtool reports it
 * @NICDIAG_DEV_A_PCI_ADDR: string, the PCI device under it, if any
 * @NICDIAG_DEV_A_ADMIN_UP: u8, 1 if IFF_UP
 * @NICDIAG_DEV_A_CARRIER: u8, 1 if carrier is on
 * @NICDIAG_DEV_A_OPERSTATE: u8, enum nicdiag_operstate
 * @NICDIAG_DEV_A_MTU: u32
 * @NICDIAG_DEV_A_FLAPPING: u8, 1 while the link is flapping
 * @NICDIAG_DEV_A_N_ADMIN: u32, admin up/down transitions seen
 * @NICDIAG_DEV_A_N_CARRIER_UP: u32, carrier-on transitions seen (counted
 *	by the kernel, so none is missed when events coalesce)
 * @NICDIAG_DEV_A_N_CARRIER_DOWN: u32, carrier-off transitions seen
 * @NICDIAG_DEV_A_N_OPER: u32, operstate changes seen
 * @NICDIAG_DEV_A_N_MTU: u32, MTU changes seen
 * @NICDIAG_DEV_A_N_RENAME: u32, renames seen
 * @NICDIAG_DEV_A_N_FLAP: u32, flapping episodes seen
 * @NICDIAG_DEV_A_SINCE_MONO_NS: u64, CLOCK_MONOTONIC when tracking began
 * @NICDIAG_DEV_A_LAST_CHANGE_MONO_NS: u64, CLOCK_MONOTONIC of the last
 *	link-state change (0: none since tracking began)
 * @NICDIAG_DEV_A_LAST_CHANGE_REAL_NS: u64, CLOCK_REALTIME of the same
 * @NICDIAG_DEV_A_ADDRESS: binary, the permanent hardware address
 * @NICDIAG_DEV_A_N_STALL: u32, TX stalls found by nicdiag's detector
 * @NICDIAG_DEV_A_N_TX_TIMEOUT: u32, kernel TX watchdog timeouts seen
 * @NICDIAG_DEV_A_STALLED_QUEUES: u32, TX queues stalled now
 * @NICDIAG_DEV_A_N_AER_COR: u32, correctable AER errors on or above it
 * @NICDIAG_DEV_A_N_AER_NONFATAL: u32, uncorrectable non-fatal ones
 * @NICDIAG_DEV_A_N_AER_FATAL: u32, uncorrectable fatal ones
 * @NICDIAG_DEV_A_OWNER_PID: u32, tap/tun: the process that last attached a
 *	queue (the VM), 0 if none seen
 * @NICDIAG_DEV_A_OWNER_COMM: string, that process's name
 * @NICDIAG_DEV_A_MASTER: string, the bridge the device is a port of
 * @NICDIAG_DEV_A_PORT_STATE: u8, enum nicdiag_port_state, as a bridge port
 * @NICDIAG_DEV_A_WITHHELD: u32, NICDIAG_WITHHELD_* bits, as for events
 */
enum nicdiag_dev_attr {
	NICDIAG_DEV_A_UNSPEC,
	NICDIAG_DEV_A_PAD,
	NICDIAG_DEV_A_IFINDEX,
	NICDIAG_DEV_A_IFNAME,
	NICDIAG_DEV_A_DRIVER,
	NICDIAG_DEV_A_BUS_INFO,
	NICDIAG_DEV_A_PCI_ADDR,
	NICDIAG_DEV_A_ADMIN_UP,
	NICDIAG_DEV_A_CARRIER,
	NICDIAG_DEV_A_OPERSTATE,
	NICDIAG_DEV_A_MTU,
	NICDIAG_DEV_A_FLAPPING,
	NICDIAG_DEV_A_N_ADMIN,
	NICDIAG_DEV_A_N_CARRIER_UP,
	NICDIAG_DEV_A_N_CARRIER_DOWN,
	NICDIAG_DEV_A_N_OPER,
	NICDIAG_DEV_A_N_MTU,
	NICDIAG_DEV_A_N_RENAME,
	NICDIAG_DEV_A_N_FLAP,
	NICDIAG_DEV_A_SINCE_MONO_NS,
	NICDIAG_DEV_A_LAST_CHANGE_MONO_NS,
	NICDIAG_DEV_A_LAST_CHANGE_REAL_NS,
	NICDIAG_DEV_A_ADDRESS,
	NICDIAG_DEV_A_N_STALL,
	NICDIAG_DEV_A_N_TX_TIMEOUT,
	NICDIAG_DEV_A_STALLED_QUEUES,
	NICDIAG_DEV_A_N_AER_COR,
	NICDIAG_DEV_A_N_AER_NONFATAL,
	NICDIAG_DEV_A_N_AER_FATAL,
	NICDIAG_DEV_A_OWNER_PID,
	NICDIAG_DEV_A_OWNER_COMM,
	NICDIAG_DEV_A_MASTER,
	NICDIAG_DEV_A_PORT_STATE,
	NICDIAG_DEV_A_WITHHELD,

	__NICDIAG_DEV_A_MAX,
	NICDIAG_DEV_A_MAX = (__NICDIAG_DEV_A_MAX - 1)
};

/**
 * enum nicdiag_event_attr - one recorded event (NICDIAG_A_EVENT)
 * @NICDIAG_EVENT_A_UNSPEC: unused
 * @NICDIAG_EVENT_A_PAD: padding for 64-bit attributes
 * @NICDIAG_EVENT_A_SEQ: u64, sequence number, from 1, one per event
 * @NICDIAG_EVENT_A_MONO_NS: u64, CLOCK_MONOTONIC when it happened
 * @NICDIAG_EVENT_A_REAL_NS: u64, CLOCK_REALTIME when it happened
 * @NICDIAG_EVENT_A_TYPE: u32, enum nicdiag_event_type
 * @NICDIAG_EVENT_A_IFINDEX: u32, device identity at event time
 * @NICDIAG_EVENT_A_IFNAME: string
 * @NICDIAG_EVENT_A_DRIVER: string
 * @NICDIAG_EVENT_A_BUS_INFO: string
 * @NICDIAG_EVENT_A_CAUSE: u32, enum nicdiag_cause
 * @NICDIAG_EVENT_A_LINK: nest, enum nicdiag_link_attr: link state after
 *	the event (and before it, where it changed)
 * @NICDIAG_EVENT_A_SETUP: nest, enum nicdiag_setup_attr: how a virtio-net
 *	device was set up (PROBE_OK, PROBE_FAIL, SETUP_SCAN)
 * @NICDIAG_EVENT_A_QUEUE: nest, enum nicdiag_queue_attr: the TX queue of a
 *	stall, resume, watchdog, broken-queue or needs-reset event
 * @NICDIAG_EVENT_A_AER: nest, enum nicdiag_aer_attr: an AER report
 * @NICDIAG_EVENT_A_PID: u32, the process (thread group id) whose action
 *	the event records, when a user process caused it
 * @NICDIAG_EVENT_A_COMM: string, that process's name
 * @NICDIAG_EVENT_A_HOST: nest, enum nicdiag_host_attr: host-side details
 *	(tap, vhost-net, bridge port, PCI binding, vfio)
 * @NICDIAG_EVENT_A_WITHHELD: u32, NICDIAG_WITHHELD_* bits: what the event
 *	holds and this reader may not see (absent when nothing was left out)
 */
enum nicdiag_event_attr {
	NICDIAG_EVENT_A_UNSPEC,
	NICDIAG_EVENT_A_PAD,
	NICDIAG_EVENT_A_SEQ,
	NICDIAG_EVENT_A_MONO_NS,
	NICDIAG_EVENT_A_REAL_NS,
	NICDIAG_EVENT_A_TYPE,
	NICDIAG_EVENT_A_IFINDEX,
	NICDIAG_EVENT_A_IFNAME,
	NICDIAG_EVENT_A_DRIVER,
	NICDIAG_EVENT_A_BUS_INFO,
	NICDIAG_EVENT_A_CAUSE,
	NICDIAG_EVENT_A_LINK,
	NICDIAG_EVENT_A_SETUP,
	NICDIAG_EVENT_A_QUEUE,
	NICDIAG_EVENT_A_AER,
	NICDIAG_EVENT_A_PID,
	NICDIAG_EVENT_A_COMM,
	NICDIAG_EVENT_A_HOST,
	NICDIAG_EVENT_A_WITHHELD,

	__NICDIAG_EVENT_A_MAX,
	NICDIAG_EVENT_A_MAX = (__NICDIAG_EVENT_A_MAX - 1)
};

/**
 * enum nicdiag_link_attr - link state carried by link events
 * @NICDIAG_LINK_A_UNSPEC: unused
 * @NICDIAG_LINK_A_ADMIN_UP: u8
 * @NICDIAG_LINK_A_CARRIER: u8
 * @NICDIAG_LINK_A_OPERSTATE: u8, enum nicdiag_operstate
 * @NICDIAG_LINK_A_OLD_OPERSTATE: u8, before an OPERSTATE event
 * @NICDIAG_LINK_A_MTU: u32
 * @NICDIAG_LINK_A_OLD_MTU: u32, before an MTU event
 * @NICDIAG_LINK_A_OLD_IFNAME: string, before a RENAME event
 * @NICDIAG_LINK_A_CARRIER_UP_COUNT: u32, the kernel's carrier_up_count
 * @NICDIAG_LINK_A_CARRIER_DOWN_COUNT: u32, the kernel's carrier_down_count
 * @NICDIAG_LINK_A_FLAP_COUNT: u32, FLAPPING: transitions in the window;
 *	FLAP_END: carrier events suppressed during the episode
 * @NICDIAG_LINK_A_FLAP_WINDOW_MS: u32, the window used
 */
enum nicdiag_link_attr {
	NICDIAG_LINK_A_UNSPEC,
	NICDIAG_LINK_A_ADMIN_UP,
	NICDIAG_LINK_A_CARRIER,
	NICDIAG_LINK_A_OPERSTATE,
	NICDIAG_LINK_A_OLD_OPERSTATE,
	NICDIAG_LINK_A_MTU,
	NICDIAG_LINK_A_OLD_MTU,
	NICDIAG_LINK_A_OLD_IFNAME,
	NICDIAG_LINK_A_CARRIER_UP_COUNT,
	NICDIAG_LINK_A_CARRIER_DOWN_COUNT,
	NICDIAG_LINK_A_FLAP_COUNT,
	NICDIAG_LINK_A_FLAP_WINDOW_MS,

	__NICDIAG_LINK_A_MAX,
	NICDIAG_LINK_A_MAX = (__NICDIAG_LINK_A_MAX - 1)
};

/**
 * enum nicdiag_setup_stage - where a virtio device's setup stopped
 * @NICDIAG_STAGE_UNSPEC: not known
 * @NICDIAG_STAGE_FEATURES: feature validation or negotiation: the device
 *	never reached FEATURES_OK
 * @NICDIAG_STAGE_DRIVER: the driver's own probe, after FEATURES_OK:
 *	queue and interrupt-vector setup, netdev registration
 * @NICDIAG_STAGE_NO_DRIVER: no driver bound, and the device never failed
 *	(no driver for it, or it was unbound)
 * @NICDIAG_STAGE_DONE: DRIVER_OK: set up
 */
enum nicdiag_setup_stage {
	NICDIAG_STAGE_UNSPEC,
	NICDIAG_STAGE_FEATURES,
	NICDIAG_STAGE_DRIVER,
	NICDIAG_STAGE_NO_DRIVER,
	NICDIAG_STAGE_DONE,
};

/**
 * enum nicdiag_irq_mode - how the PCI function under a device interrupts
 * @NICDIAG_IRQ_UNKNOWN: not a PCI device, or not known
 * @NICDIAG_IRQ_INTX: legacy INTx
 * @NICDIAG_IRQ_MSI: MSI
 * @NICDIAG_IRQ_MSIX: MSI-X
 */
enum nicdiag_irq_mode {
	NICDIAG_IRQ_UNKNOWN,
	NICDIAG_IRQ_INTX,
	NICDIAG_IRQ_MSI,
	NICDIAG_IRQ_MSIX,
};

/**
 * enum nicdiag_setup_attr - a virtio-net device's setup (NICDIAG_EVENT_A_SETUP)
 * @NICDIAG_SETUP_A_UNSPEC: unused
 * @NICDIAG_SETUP_A_PAD: padding for 64-bit attributes
 * @NICDIAG_SETUP_A_VIRTIO_DEV: string, the virtio device (e.g. virtio1)
 * @NICDIAG_SETUP_A_PCI_ADDR: string, its PCI function, if any
 * @NICDIAG_SETUP_A_ERRNO: u32, the probe's errno (positive); absent when
 *	not known (a scan)
 * @NICDIAG_SETUP_A_STAGE: u32, enum nicdiag_setup_stage
 * @NICDIAG_SETUP_A_STATUS: u8, the device status byte (VIRTIO_CONFIG_S_*)
 * @NICDIAG_SETUP_A_FEATURES_OFFERED: u64, feature bits the device offers
 * @NICDIAG_SETUP_A_FEATURES_NEGOTIATED: u64, feature bits in use (as far
 *	as negotiation got)
 * @NICDIAG_SETUP_A_DRIVER_BOUND: u8, 1 if a driver is bound now
 * @NICDIAG_SETUP_A_IRQ_MODE: u8, enum nicdiag_irq_mode
 * @NICDIAG_SETUP_A_MSIX_VECTORS: u32, MSI-X table size of the function
 * @NICDIAG_SETUP_A_NUM_VQS: u32, virtqueues the driver set up
 * @NICDIAG_SETUP_A_MAX_QUEUE_PAIRS: u32, queue pairs the device offers
 *	(VIRTIO_NET_F_MQ)
 * @NICDIAG_SETUP_A_QUEUE_PAIRS: u32, TX queues of the netdev in use
 * @NICDIAG_SETUP_A_DEVICE_MTU: u32, the MTU the device asks for
 *	(VIRTIO_NET_F_MTU)
 * @NICDIAG_SETUP_A_LOG: string, repeated: kernel log lines that name the
 *	device, oldest first
 * @NICDIAG_SETUP_A_CPUS: u32, online CPUs (the driver uses at most one
 *	queue pair per CPU)
 */
enum nicdiag_setup_attr {
	NICDIAG_SETUP_A_UNSPEC,
	NICDIAG_SETUP_A_PAD,
	NICDIAG_SETUP_A_VIRTIO_DEV,
	NICDIAG_SETUP_A_PCI_ADDR,
	NICDIAG_SETUP_A_ERRNO,
	NICDIAG_SETUP_A_STAGE,
	NICDIAG_SETUP_A_STATUS,
	NICDIAG_SETUP_A_FEATURES_OFFERED,
	NICDIAG_SETUP_A_FEATURES_NEGOTIATED,
	NICDIAG_SETUP_A_DRIVER_BOUND,
	NICDIAG_SETUP_A_IRQ_MODE,
	NICDIAG_SETUP_A_MSIX_VECTORS,
	NICDIAG_SETUP_A_NUM_VQS,
	NICDIAG_SETUP_A_MAX_QUEUE_PAIRS,
	NICDIAG_SETUP_A_QUEUE_PAIRS,
	NICDIAG_SETUP_A_DEVICE_MTU,
	NICDIAG_SETUP_A_LOG,
	NICDIAG_SETUP_A_CPUS,

	__NICDIAG_SETUP_A_MAX,
	NICDIAG_SETUP_A_MAX = (__NICDIAG_SETUP_A_MAX - 1)
};

/**
 * enum nicdiag_queue_attr - a TX queue and, for virtio-net, its virtqueue
 *	(NICDIAG_EVENT_A_QUEUE)
 * @NICDIAG_QUEUE_A_UNSPEC: unused
 * @NICDIAG_QUEUE_A_PAD: padding for 64-bit attributes
 * @NICDIAG_QUEUE_A_INDEX: u32, TX queue index of the netdev
 * @NICDIAG_QUEUE_A_STOPPED_MS: u32, how long the queue had been stopped
 *	without a transmit when the event was taken
 * @NICDIAG_QUEUE_A_DURATION_MS: u32, TX_RESUME: how long the stall lasted
 * @NICDIAG_QUEUE_A_THRESHOLD_MS: u32, the stall threshold in force
 * @NICDIAG_QUEUE_A_TX_TIMEOUTS: u32, the kernel's watchdog count for the
 *	queue (sysfs queues/tx-N/tx_timeout)
 * @NICDIAG_QUEUE_A_VQ_NAME: string, virtqueue name (virtio-net only, as
 *	are the rest)
 * @NICDIAG_QUEUE_A_VQ_SIZE: u32, ring size in descriptors
 * @NICDIAG_QUEUE_A_VQ_FREE: u32, free descriptors: 0 means the device has
 *	not consumed what the driver posted
 * @NICDIAG_QUEUE_A_VQ_BROKEN: u8, 1 if the virtqueue is marked broken
 * @NICDIAG_QUEUE_A_STATUS: u8, the virtio device status byte
 * @NICDIAG_QUEUE_A_XOFF: u8, who stopped the queue: NICDIAG_XOFF_DRIVER
 *	(the driver: ring full), NICDIAG_XOFF_STACK (byte queue limits)
 * @NICDIAG_QUEUE_A_BQL_INFLIGHT: u32, bytes handed to the driver and not
 *	completed (byte queue limits)
 */
enum nicdiag_queue_attr {
	NICDIAG_QUEUE_A_UNSPEC,
	NICDIAG_QUEUE_A_PAD,
	NICDIAG_QUEUE_A_INDEX,
	NICDIAG_QUEUE_A_STOPPED_MS,
	NICDIAG_QUEUE_A_DURATION_MS,
	NICDIAG_QUEUE_A_THRESHOLD_MS,
	NICDIAG_QUEUE_A_TX_TIMEOUTS,
	NICDIAG_QUEUE_A_VQ_NAME,
	NICDIAG_QUEUE_A_VQ_SIZE,
	NICDIAG_QUEUE_A_VQ_FREE,
	NICDIAG_QUEUE_A_VQ_BROKEN,
	NICDIAG_QUEUE_A_STATUS,
	NICDIAG_QUEUE_A_XOFF,
	NICDIAG_QUEUE_A_BQL_INFLIGHT,

	__NICDIAG_QUEUE_A_MAX,
	NICDIAG_QUEUE_A_MAX = (__NICDIAG_QUEUE_A_MAX - 1)
};

/**
 * enum nicdiag_aer_severity - AER severity (NICDIAG_AER_A_SEVERITY)
 * @NICDIAG_AER_UNKNOWN: not one the kernel defines
 * @NICDIAG_AER_CORRECTABLE: corrected by the hardware
 * @NICDIAG_AER_NONFATAL: uncorrectable, the link still works
 * @NICDIAG_AER_FATAL: uncorrectable, the link is unreliable
 */
enum nicdiag_aer_severity {
	NICDIAG_AER_UNKNOWN,
	NICDIAG_AER_CORRECTABLE,
	NICDIAG_AER_NONFATAL,
	NICDIAG_AER_FATAL,
};

/**
 * enum nicdiag_aer_relation - where the reporter sits (NICDIAG_AER_A_RELATION)
 * @NICDIAG_AER_REL_NONE: no watched NIC under it
 * @NICDIAG_AER_REL_SELF: the NIC's own PCI function
 * @NICDIAG_AER_REL_UPSTREAM: a bridge or port above the NIC
 */
enum nicdiag_aer_relation {
	NICDIAG_AER_REL_NONE,
	NICDIAG_AER_REL_SELF,
	NICDIAG_AER_REL_UPSTREAM,
};

/**
 * enum nicdiag_aer_recovery - outcome of AER recovery (NICDIAG_AER_A_RECOVERY)
 * @NICDIAG_AER_RECOVERY_UNKNOWN: the kernel logged no outcome
 * @NICDIAG_AER_RECOVERY_OK: "device recovery successful"
 * @NICDIAG_AER_RECOVERY_FAILED: "device recovery failed"
 */
enum nicdiag_aer_recovery {
	NICDIAG_AER_RECOVERY_UNKNOWN,
	NICDIAG_AER_RECOVERY_OK,
	NICDIAG_AER_RECOVERY_FAILED,
};

/**
 * enum nicdiag_aer_attr - a PCIe AER report (NICDIAG_EVENT_A_AER)
 * @NICDIAG_AER_A_UNSPEC: unused
 * @NICDIAG_AER_A_PCI_ADDR: string, the PCI device that reported it
 * @NICDIAG_AER_A_SEVERITY: u8, enum nicdiag_aer_severity
 * @NICDIAG_AER_A_STATUS: u32, the AER status register: correctable or
 *	uncorrectable bits (PCI_ERR_COR_*, PCI_ERR_UNC_*) by severity
 * @NICDIAG_AER_A_TLP: binary, 16 bytes: the logged TLP header, four
 *	32-bit words in host order, when the hardware logged one
 * @NICDIAG_AER_A_DRIVER: string, the driver bound to the reporter
 * @NICDIAG_AER_A_HANDLERS: u8, 1 if that driver has AER error handlers
 *	(without them an uncorrectable error cannot be recovered)
 * @NICDIAG_AER_A_RELATION: u8, enum nicdiag_aer_relation
 * @NICDIAG_AER_A_RECOVERY: u8, enum nicdiag_aer_recovery (AER_RECOVERY)
 * @NICDIAG_AER_A_LOG: string, repeated: the kernel's recovery lines
 */
enum nicdiag_aer_attr {
	NICDIAG_AER_A_UNSPEC,
	NICDIAG_AER_A_PCI_ADDR,
	NICDIAG_AER_A_SEVERITY,
	NICDIAG_AER_A_STATUS,
	NICDIAG_AER_A_TLP,
	NICDIAG_AER_A_DRIVER,
	NICDIAG_AER_A_HANDLERS,
	NICDIAG_AER_A_RELATION,
	NICDIAG_AER_A_RECOVERY,
	NICDIAG_AER_A_LOG,

	__NICDIAG_AER_A_MAX,
	NICDIAG_AER_A_MAX = (__NICDIAG_AER_A_MAX - 1)
};

/**
 * enum nicdiag_host_op - the host-side step an event is about
 *	(NICDIAG_HOST_A_OP)
 * @NICDIAG_HOST_OP_UNSPEC: unused
 * @NICDIAG_HOST_OP_TUNSETIFF: TUNSETIFF on /dev/net/tun: create or attach
 *	a tap/tun device
 * @NICDIAG_HOST_OP_TUNSETQUEUE: TUNSETQUEUE: attach or detach a queue
 * @NICDIAG_HOST_OP_TUN_IOCTL: another ioctl on a tun/tap file
 * @NICDIAG_HOST_OP_TAP_IOCTL: an ioctl on a macvtap file (/dev/tapN)
 * @NICDIAG_HOST_OP_VHOST_SET_OWNER: VHOST_SET_OWNER on /dev/vhost-net
 * @NICDIAG_HOST_OP_VHOST_SET_BACKEND: VHOST_NET_SET_BACKEND: give a
 *	virtqueue its tap (NICDIAG_HOST_A_FD, _INDEX)
 * @NICDIAG_HOST_OP_VHOST_IOCTL: another vhost-net ioctl
 * @NICDIAG_HOST_OP_PCI_PROBE: a PCI driver's probe of a network-class
 *	function (NICDIAG_HOST_A_PCI_ADDR, _PCI_DRIVER)
 * @NICDIAG_HOST_OP_VFIO_OPEN: opening a vfio-pci device
 * @NICDIAG_HOST_OP_TAP_OPEN: opening a macvtap device (/dev/tapN), which
 *	attaches a queue
 */
enum nicdiag_host_op {
	NICDIAG_HOST_OP_UNSPEC,
	NICDIAG_HOST_OP_TUNSETIFF,
	NICDIAG_HOST_OP_TUNSETQUEUE,
	NICDIAG_HOST_OP_TUN_IOCTL,
	NICDIAG_HOST_OP_TAP_IOCTL,
	NICDIAG_HOST_OP_VHOST_SET_OWNER,
	NICDIAG_HOST_OP_VHOST_SET_BACKEND,
	NICDIAG_HOST_OP_VHOST_IOCTL,
	NICDIAG_HOST_OP_PCI_PROBE,
	NICDIAG_HOST_OP_VFIO_OPEN,
	NICDIAG_HOST_OP_TAP_OPEN,
};

/**
 * enum nicdiag_port_state - a bridge port's state, as BR_STATE_* in
 *	<linux/if_bridge.h>
 */
enum nicdiag_port_state {
	NICDIAG_PORT_DISABLED,
	NICDIAG_PORT_LISTENING,
	NICDIAG_PORT_LEARNING,
	NICDIAG_PORT_FORWARDING,
	NICDIAG_PORT_BLOCKING,
};

/**
 * enum nicdiag_host_attr - host-side details (NICDIAG_EVENT_A_HOST)
 * @NICDIAG_HOST_A_UNSPEC: unused
 * @NICDIAG_HOST_A_PAD: padding for 64-bit attributes
 * @NICDIAG_HOST_A_OP: u8, enum nicdiag_host_op
 * @NICDIAG_HOST_A_IOCTL: u32, the ioctl request number
 * @NICDIAG_HOST_A_ERRNO: u32, HOST_FAIL: the error returned, positive
 * @NICDIAG_HOST_A_FLAGS: u32, TUNSETIFF/TUNSETQUEUE: the IFF_* flags asked
 *	for (IFF_TAP, IFF_NO_PI, IFF_VNET_HDR, IFF_MULTI_QUEUE, ...)
 * @NICDIAG_HOST_A_IFNAME: string, TUNSETIFF: the name asked for
 * @NICDIAG_HOST_A_QUEUES: u32, TAP_ATTACH/DETACH: queues attached after it
 * @NICDIAG_HOST_A_FD: u32, VHOST_SET_BACKEND: the file descriptor passed
 *	(-1 detaches)
 * @NICDIAG_HOST_A_INDEX: u32, VHOST_SET_BACKEND: the virtqueue index
 * @NICDIAG_HOST_A_MASTER: string, the bridge (BRIDGE_*, PORT_STATE)
 * @NICDIAG_HOST_A_PORT_STATE: u8, enum nicdiag_port_state, now
 * @NICDIAG_HOST_A_OLD_PORT_STATE: u8, the state before (PORT_STATE)
 * @NICDIAG_HOST_A_PCI_ADDR: string, the PCI function (PCI_*, VFIO_OPEN,
 *	PCI_PROBE and VFIO_OPEN failures)
 * @NICDIAG_HOST_A_PCI_DRIVER: string, the PCI driver concerned
 * @NICDIAG_HOST_A_PCI_ID: u32, vendor << 16 | device of that function
 */
enum nicdiag_host_attr {
	NICDIAG_HOST_A_UNSPEC,
	NICDIAG_HOST_A_PAD,
	NICDIAG_HOST_A_OP,
	NICDIAG_HOST_A_IOCTL,
	NICDIAG_HOST_A_ERRNO,
	NICDIAG_HOST_A_FLAGS,
	NICDIAG_HOST_A_IFNAME,
	NICDIAG_HOST_A_QUEUES,
	NICDIAG_HOST_A_FD,
	NICDIAG_HOST_A_INDEX,
	NICDIAG_HOST_A_MASTER,
	NICDIAG_HOST_A_PORT_STATE,
	NICDIAG_HOST_A_OLD_PORT_STATE,
	NICDIAG_HOST_A_PCI_ADDR,
	NICDIAG_HOST_A_PCI_DRIVER,
	NICDIAG_HOST_A_PCI_ID,

	__NICDIAG_HOST_A_MAX,
	NICDIAG_HOST_A_MAX = (__NICDIAG_HOST_A_MAX - 1)
};

/**
 * enum nicdiag_stats_attr - recording statistics (NICDIAG_A_STATS)
 * @NICDIAG_STATS_A_UNSPEC: unused
 * @NICDIAG_STATS_A_PAD: padding for 64-bit attributes
 * @NICDIAG_STATS_A_RECORDED: u64, events recorded since load
 * @NICDIAG_STATS_A_OVERWRITTEN: u64, events pushed out of the full ring
 *	before anyone read them back (lost to EVENT_GET)
 * @NICDIAG_STATS_A_NTF_DROPPED: u64, events that could not be sent to the
 *	"events" group (no memory, or the ring overtook the sender)
 * @NICDIAG_STATS_A_CLEARED: u64, events dropped by HISTORY_CLEAR
 * @NICDIAG_STATS_A_RING_SIZE: u32, ring capacity (module parameter)
 * @NICDIAG_STATS_A_RING_USED: u32, events held now
 * @NICDIAG_STATS_A_FIRST_SEQ: u64, oldest sequence number held (0: empty)
 * @NICDIAG_STATS_A_LAST_SEQ: u64, newest sequence number assigned
 * @NICDIAG_STATS_A_DEVICES: u32, devices watched now
 * @NICDIAG_STATS_A_TYPE: nest, repeated, enum nicdiag_type_stats_attr
 */
enum nicdiag_stats_attr {
	NICDIAG_STATS_A_UNSPEC,
	NICDIAG_STATS_A_PAD,
	NICDIAG_STATS_A_RECORDED,
	NICDIAG_STATS_A_OVERWRITTEN,
	NICDIAG_STATS_A_NTF_DROPPED,
	NICDIAG_STATS_A_CLEARED,
	NICDIAG_STATS_A_RING_SIZE,
	NICDIAG_STATS_A_RING_USED,
	NICDIAG_STATS_A_FIRST_SEQ,
	NICDIAG_STATS_A_LAST_SEQ,
	NICDIAG_STATS_A_DEVICES,
	NICDIAG_STATS_A_TYPE,

	__NICDIAG_STATS_A_MAX,
	NICDIAG_STATS_A_MAX = (__NICDIAG_STATS_A_MAX - 1)
};

/**
 * enum nicdiag_type_stats_attr - per event type counters
 * @NICDIAG_TYPE_STATS_A_UNSPEC: unused
 * @NICDIAG_TYPE_STATS_A_PAD: padding for 64-bit attributes
 * @NICDIAG_TYPE_STATS_A_TYPE: u32, enum nicdiag_event_type
 * @NICDIAG_TYPE_STATS_A_RECORDED: u64, events of this type recorded
 * @NICDIAG_TYPE_STATS_A_SUPPRESSED: u64, events of this type folded into
 *	a summary (e.g. carrier events during a flapping episode)
 */
enum nicdiag_type_stats_attr {
	NICDIAG_TYPE_STATS_A_UNSPEC,
	NICDIAG_TYPE_STATS_A_PAD,
	NICDIAG_TYPE_STATS_A_TYPE,
	NICDIAG_TYPE_STATS_A_RECORDED,
	NICDIAG_TYPE_STATS_A_SUPPRESSED,

	__NICDIAG_TYPE_STATS_A_MAX,
	NICDIAG_TYPE_STATS_A_MAX = (__NICDIAG_TYPE_STATS_A_MAX - 1)
};

/**
 * enum nicdiag_config_attr - configuration (NICDIAG_A_CONFIG)
 * @NICDIAG_CONFIG_A_UNSPEC: unused
 * @NICDIAG_CONFIG_A_FLAP_THRESHOLD: u32, carrier transitions within the
 *	window that make a flapping episode, 2..64
 * @NICDIAG_CONFIG_A_FLAP_WINDOW_MS: u32, the window, 100..3600000
 * @NICDIAG_CONFIG_A_DRIVERS: string, comma-separated list of what to
 *	watch: driver or link-kind names, "pci" for any device on a PCI
 *	function, "*" for every device
 * @NICDIAG_CONFIG_A_RING_SIZE: u32, ring capacity (read-only: module
 *	parameter ring_size)
 * @NICDIAG_CONFIG_A_STALL_THRESHOLD_MS: u32, a TX queue stopped without
 *	a transmit for this long is a stall
 * @NICDIAG_CONFIG_A_STALL_INTERVAL_MS: u32, how often the detector looks;
 *	at most the threshold
 */
enum nicdiag_config_attr {
	NICDIAG_CONFIG_A_UNSPEC,
	NICDIAG_CONFIG_A_FLAP_THRESHOLD,
	NICDIAG_CONFIG_A_FLAP_WINDOW_MS,
	NICDIAG_CONFIG_A_DRIVERS,
	NICDIAG_CONFIG_A_RING_SIZE,
	NICDIAG_CONFIG_A_STALL_THRESHOLD_MS,
	NICDIAG_CONFIG_A_STALL_INTERVAL_MS,

	__NICDIAG_CONFIG_A_MAX,
	NICDIAG_CONFIG_A_MAX = (__NICDIAG_CONFIG_A_MAX - 1)
};

#define NICDIAG_FLAP_THRESHOLD_MIN	2
#define NICDIAG_FLAP_THRESHOLD_MAX	64
#define NICDIAG_FLAP_WINDOW_MS_MIN	100
#define NICDIAG_FLAP_WINDOW_MS_MAX	3600000
#define NICDIAG_STALL_THRESHOLD_MS_MIN	100
#define NICDIAG_STALL_THRESHOLD_MS_MAX	60000
#define NICDIAG_STALL_INTERVAL_MS_MIN	50
#define NICDIAG_STALL_INTERVAL_MS_MAX	10000
#define NICDIAG_XOFF_DRIVER		1
#define NICDIAG_XOFF_STACK		2
/* NICDIAG_EVENT_A_WITHHELD, NICDIAG_DEV_A_WITHHELD: what was left out. */
#define NICDIAG_WITHHELD_LOG		1	/* kernel log lines, TLP headers */
#define NICDIAG_WITHHELD_PROC		2	/* processes: pid, name, owner */

#endif /* _UAPI_LINUX_NICDIAG_H */
