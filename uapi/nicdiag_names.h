/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Names of nicdiag's enum values, shared by the module (debugfs, log) and
 * nicctl (text and JSON output), so both print the same words.  Part of
 * the user-visible interface: names, once published, do not change.
 */
#ifndef _NICDIAG_NAMES_H
#define _NICDIAG_NAMES_H

/* Include <linux/nicdiag.h> (or the kernel's uapi path to it) first. */

static const char *const nicdiag_event_names[__NICDIAG_EV_MAX] = {
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
	[NICDIAG_EV_PROBE_OK] = "probe_ok",
	[NICDIAG_EV_PROBE_FAIL] = "probe_fail",
	[NICDIAG_EV_SETUP_SCAN] = "setup_scan",
	[NICDIAG_EV_TX_STALL] = "tx_stall",
	[NICDIAG_EV_TX_RESUME] = "tx_resume",
	[NICDIAG_EV_TX_TIMEOUT] = "tx_timeout",
	[NICDIAG_EV_VQ_BROKEN] = "vq_broken",
	[NICDIAG_EV_NEEDS_RESET] = "needs_reset",
	[NICDIAG_EV_AER] = "aer",
	[NICDIAG_EV_AER_RECOVERY] = "aer_recovery",
	[NICDIAG_EV_TAP_ATTACH] = "tap_attach",
	[NICDIAG_EV_TAP_DETACH] = "tap_detach",
	[NICDIAG_EV_VHOST_SETUP] = "vhost_setup",
	[NICDIAG_EV_HOST_FAIL] = "host_fail",
	[NICDIAG_EV_BRIDGE_JOIN] = "bridge_join",
	[NICDIAG_EV_BRIDGE_LEAVE] = "bridge_leave",
	[NICDIAG_EV_PORT_STATE] = "port_state",
	[NICDIAG_EV_PCI_BIND] = "pci_bind",
	[NICDIAG_EV_PCI_UNBIND] = "pci_unbind",
	[NICDIAG_EV_VFIO_OPEN] = "vfio_open",
};

static const char *const nicdiag_cause_names[__NICDIAG_CAUSE_MAX] = {
	[NICDIAG_CAUSE_UNSPEC] = "unspec",
	[NICDIAG_CAUSE_REGISTERED] = "registered",
	[NICDIAG_CAUSE_PRESENT] = "present",
	[NICDIAG_CAUSE_UNREGISTERED] = "unregistered",
	[NICDIAG_CAUSE_NETNS_MOVE] = "netns_move",
	[NICDIAG_CAUSE_CONFIG] = "config",
	[NICDIAG_CAUSE_SCAN] = "scan",
	[NICDIAG_CAUSE_SCAN_REQUEST] = "scan_request",
	[NICDIAG_CAUSE_LINK_DOWN] = "link_down",
};

static const char *const nicdiag_oper_names[NICDIAG_OPER_UP + 1] = {
	[NICDIAG_OPER_UNKNOWN] = "unknown",
	[NICDIAG_OPER_NOTPRESENT] = "notpresent",
	[NICDIAG_OPER_DOWN] = "down",
	[NICDIAG_OPER_LOWERLAYERDOWN] = "lowerlayerdown",
	[NICDIAG_OPER_TESTING] = "testing",
	[NICDIAG_OPER_DORMANT] = "dormant",
	[NICDIAG_OPER_UP] = "up",
};

static const char *const nicdiag_stage_names[NICDIAG_STAGE_DONE + 1] = {
	[NICDIAG_STAGE_UNSPEC] = "unknown",
	[NICDIAG_STAGE_FEATURES] = "features",
	[NICDIAG_STAGE_DRIVER] = "driver_probe",
	[NICDIAG_STAGE_NO_DRIVER] = "no_driver",
	[NICDIAG_STAGE_DONE] = "done",
};

static const char *const nicdiag_irq_names[NICDIAG_IRQ_MSIX + 1] = {
	[NICDIAG_IRQ_UNKNOWN] = "unknown",
	[NICDIAG_IRQ_INTX] = "intx",
	[NICDIAG_IRQ_MSI] = "msi",
	[NICDIAG_IRQ_MSIX] = "msix",
};

static const char *const nicdiag_aer_severity_names[NICDIAG_AER_FATAL + 1] = {
	[NICDIAG_AER_UNKNOWN] = "unknown",
	[NICDIAG_AER_CORRECTABLE] = "correctable",
	[NICDIAG_AER_NONFATAL] = "nonfatal",
	[NICDIAG_AER_FATAL] = "fatal",
};

static const char *const nicdiag_aer_recovery_names[NICDIAG_AER_RECOVERY_FAILED + 1] = {
	[NICDIAG_AER_RECOVERY_UNKNOWN] = "unknown",
	[NICDIAG_AER_RECOVERY_OK] = "ok",
	[NICDIAG_AER_RECOVERY_FAILED] = "failed",
};

static const char *const nicdiag_aer_relation_names[NICDIAG_AER_REL_UPSTREAM + 1] = {
	[NICDIAG_AER_REL_NONE] = "none",
	[NICDIAG_AER_REL_SELF] = "self",
	[NICDIAG_AER_REL_UPSTREAM] = "upstream",
};

static const char *const nicdiag_host_op_names[NICDIAG_HOST_OP_TAP_OPEN + 1] = {
	[NICDIAG_HOST_OP_UNSPEC] = "unspec",
	[NICDIAG_HOST_OP_TUNSETIFF] = "TUNSETIFF",
	[NICDIAG_HOST_OP_TUNSETQUEUE] = "TUNSETQUEUE",
	[NICDIAG_HOST_OP_TUN_IOCTL] = "tun_ioctl",
	[NICDIAG_HOST_OP_TAP_IOCTL] = "macvtap_ioctl",
	[NICDIAG_HOST_OP_VHOST_SET_OWNER] = "VHOST_SET_OWNER",
	[NICDIAG_HOST_OP_VHOST_SET_BACKEND] = "VHOST_NET_SET_BACKEND",
	[NICDIAG_HOST_OP_VHOST_IOCTL] = "vhost_ioctl",
	[NICDIAG_HOST_OP_PCI_PROBE] = "pci_probe",
	[NICDIAG_HOST_OP_VFIO_OPEN] = "vfio_open",
	[NICDIAG_HOST_OP_TAP_OPEN] = "macvtap_open",
};

static const char *const nicdiag_port_state_names[NICDIAG_PORT_BLOCKING + 1] = {
	[NICDIAG_PORT_DISABLED] = "disabled",
	[NICDIAG_PORT_LISTENING] = "listening",
	[NICDIAG_PORT_LEARNING] = "learning",
	[NICDIAG_PORT_FORWARDING] = "forwarding",
	[NICDIAG_PORT_BLOCKING] = "blocking",
};

#endif /* _NICDIAG_NAMES_H */
