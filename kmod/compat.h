/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every difference between the kernels nicdiag supports (Debian's 5.10,
 * 6.1, 6.12 and 7.2) lives here, named for the feature, never for the
 * version: the rest of the module asks for the feature.
 */
#ifndef _NICDIAG_COMPAT_H
#define _NICDIAG_COMPAT_H

#include <linux/aer.h>
#include <linux/kmsg_dump.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/version.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <net/genetlink.h>
#include <net/netlink.h>

/* nla_strlcpy() became nla_strscpy() in 5.11. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 11, 0)
#define COMPAT_NLA_STRLCPY
#endif

/* NL_SET_ERR_ATTR_MISS() (which attribute is missing) arrived in 6.0. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0)
#define HAVE_NL_SET_ERR_ATTR_MISS
#endif

/*
 * A multicast group that only CAP_NET_ADMIN may join (6.7, and the 6.1
 * stable series); 5.10 has no way to restrict a group.
 */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define HAVE_GENL_MCAST_CAPS
#define NICDIAG_MCGRP_FLAGS	GENL_MCAST_CAP_NET_ADMIN
#else
#define NICDIAG_MCGRP_FLAGS	0
#endif

/* The kmsg_dump iterator became its own struct in 5.13. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(5, 13, 0)
#define COMPAT_KMSG_DUMPER_ITER
#endif

/*
 * Virtio features beyond 64 bits: transports gained get_extended_features
 * (and may leave get_features NULL) after 6.12; 7.2 has them.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define HAVE_VIRTIO_EXTENDED_FEATURES
#endif

/*
 * ras:aer_event: 5.10 and 6.1 pass the TLP header as struct
 * aer_header_log_regs, 6.12 as struct pcie_tlp_log; 7.2 adds bus_type.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 16, 0)
#define HAVE_AER_EVENT_BUS_TYPE
#endif
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define HAVE_PCIE_TLP_LOG
#endif

#ifdef HAVE_PCIE_TLP_LOG
#define NICDIAG_TLP_LOG_PTR struct pcie_tlp_log *
/* The four header words of a logged TLP. */
static inline void nicdiag_tlp_words(const struct pcie_tlp_log *tlp, u32 *dw)
{
	memcpy(dw, tlp->dw, 4 * sizeof(u32));
}
#else
#define NICDIAG_TLP_LOG_PTR struct aer_header_log_regs *
static inline void nicdiag_tlp_words(const struct aer_header_log_regs *tlp,
				     u32 *dw)
{
	dw[0] = tlp->dw0;
	dw[1] = tlp->dw1;
	dw[2] = tlp->dw2;
	dw[3] = tlp->dw3;
}
#endif

/* A probe for ras:aer_event with the running kernel's prototype. */
#ifdef HAVE_AER_EVENT_BUS_TYPE
#define NICDIAG_AER_PROBE(fn)						\
	void fn(void *data, const char *dev_name, const u32 status,	\
		const u8 severity, const u8 tlp_header_valid,		\
		NICDIAG_TLP_LOG_PTR tlp, const char *bus_type)
#else
#define NICDIAG_AER_PROBE(fn)						\
	void fn(void *data, const char *dev_name, const u32 status,	\
		const u8 severity, const u8 tlp_header_valid,		\
		NICDIAG_TLP_LOG_PTR tlp)
#endif

/* Lockless TX moved from NETIF_F_LLTX to the dev->lltx bit in 6.12. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#define HAVE_NETDEV_LLTX_BIT
#endif

/*
 * txq->trans_timeout is a plain unsigned long in 5.10 and an atomic_long_t
 * by 6.1.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 0, 0)
#define COMPAT_TRANS_TIMEOUT_ULONG
#endif

/**
 * nicdiag_dev_lltx() - whether a device transmits without the TX lock
 * @dev: the device
 *
 * The core does not refresh txq->trans_start for such devices.
 *
 * Return: true for lockless-TX devices (tun, veth, ...).
 */
static inline bool nicdiag_dev_lltx(const struct net_device *dev)
{
#ifdef HAVE_NETDEV_LLTX_BIT
	return dev->lltx;
#else
	return dev->features & NETIF_F_LLTX;
#endif
}

/**
 * nicdiag_txq_timeouts() - the kernel's TX watchdog count for a queue
 * @txq: the queue
 *
 * Return: what sysfs shows as queues/tx-N/tx_timeout.
 */
static inline unsigned long nicdiag_txq_timeouts(struct netdev_queue *txq)
{
#ifdef COMPAT_TRANS_TIMEOUT_ULONG
	return READ_ONCE(txq->trans_timeout);
#else
	return atomic_long_read(&txq->trans_timeout);
#endif
}

#ifdef COMPAT_KMSG_DUMPER_ITER
/* 5.10 reads records only through an "active" dumper. */
struct nicdiag_kmsg_iter {
	struct kmsg_dumper dumper;
};

static inline void nicdiag_kmsg_rewind(struct nicdiag_kmsg_iter *it)
{
	memset(it, 0, sizeof(*it));
	it->dumper.active = true;
	kmsg_dump_rewind(&it->dumper);
}

static inline bool nicdiag_kmsg_get_line(struct nicdiag_kmsg_iter *it,
					 char *line, size_t size, size_t *len)
{
	return kmsg_dump_get_line(&it->dumper, false, line, size, len);
}
#else
struct nicdiag_kmsg_iter {
	struct kmsg_dump_iter iter;
};

static inline void nicdiag_kmsg_rewind(struct nicdiag_kmsg_iter *it)
{
	memset(it, 0, sizeof(*it));
	kmsg_dump_rewind(&it->iter);
}

static inline bool nicdiag_kmsg_get_line(struct nicdiag_kmsg_iter *it,
					 char *line, size_t size, size_t *len)
{
	return kmsg_dump_get_line(&it->iter, false, line, size, len);
}
#endif

/**
 * nicdiag_virtio_offered() - the feature bits a virtio device offers
 * @vdev: the device; need not have a driver bound
 *
 * Return: the device's feature word, read through the transport.
 */
static inline u64 nicdiag_virtio_offered(struct virtio_device *vdev)
{
#ifdef HAVE_VIRTIO_EXTENDED_FEATURES
	u64 f[VIRTIO_FEATURES_U64S];

	/* The first 64 bits: all virtio-net features known to nicdiag. */
	virtio_get_features(vdev, f);
	return f[0];
#else
	return vdev->config->get_features(vdev);
#endif
}

/**
 * nicdiag_virtio_negotiated() - the feature bits in use
 * @vdev: the device; need not have a driver bound
 *
 * Return: the feature word as far as negotiation got.
 */
static inline u64 nicdiag_virtio_negotiated(struct virtio_device *vdev)
{
	return vdev->features;
}

#ifdef COMPAT_NLA_STRLCPY
static inline ssize_t nla_strscpy(char *dst, const struct nlattr *nla,
				  size_t dstsize)
{
	return nla_strlcpy(dst, nla, dstsize);
}
#endif

/**
 * nicdiag_set_err_attr_miss() - tell the requester which attribute is missing
 * @info: the request
 * @attr: the missing top-level attribute
 *
 * The message itself is set by the caller; kernels without the missing
 * attribute report get the message alone.
 */
static inline void nicdiag_set_err_attr_miss(struct genl_info *info, int attr)
{
#ifdef HAVE_NL_SET_ERR_ATTR_MISS
	NL_SET_ERR_ATTR_MISS(info->extack, NULL, attr);
#endif
}

/**
 * nicdiag_set_err_msg_attr() - extack message that is not a literal
 * @extack: the request's extended ack, may be NULL
 * @attr: the attribute at fault
 * @msg: a string that outlives the request (static storage)
 *
 * NL_SET_ERR_MSG_ATTR() takes only string literals.
 */
static inline void nicdiag_set_err_msg_attr(struct netlink_ext_ack *extack,
					    const struct nlattr *attr,
					    const char *msg)
{
	if (!extack)
		return;
	extack->_msg = msg;
	extack->bad_attr = attr;
}

/*
 * vfio-pci's open callback: vfio_pci_open(void *device_data) until 5.15,
 * where device_data is vfio-pci's private struct vfio_pci_device, whose
 * first member is the pci_dev; since 5.15 vfio_pci_open_device(struct
 * vfio_device *), whose ->dev is the PCI function.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 15, 0)
#include <linux/vfio.h>
#define NICDIAG_VFIO_OPEN_SYMBOL	"vfio_pci_open_device"

/**
 * nicdiag_vfio_open_dev() - the PCI function vfio-pci's open is for
 * @arg: the open callback's first argument
 *
 * Return: its struct device, or NULL.
 */
static inline struct device *nicdiag_vfio_open_dev(unsigned long arg)
{
	struct vfio_device *vdev = (struct vfio_device *)arg;

	return vdev ? vdev->dev : NULL;
}
#else
#define NICDIAG_VFIO_OPEN_SYMBOL	"vfio_pci_open"

static inline struct device *nicdiag_vfio_open_dev(unsigned long arg)
{
	struct pci_dev *pdev = arg ? *(struct pci_dev **)arg : NULL;

	return pdev ? &pdev->dev : NULL;
}
#endif

/*
 * br_port_get_stp_state() (a bridge port's state, for switch drivers)
 * arrived in 5.11.  It is reached through symbol_get() so that nicdiag
 * does not load the bridge module.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 11, 0)
#include <linux/if_bridge.h>
#include <linux/module.h>

/**
 * nicdiag_br_port_state() - a bridge port's state now
 * @dev: the port; caller holds RTNL
 * @state: set to BR_STATE_*
 *
 * Return: 0, or -EOPNOTSUPP when the kernel cannot tell (bridge module
 * not loaded, or too old a kernel).
 */
static inline int nicdiag_br_port_state(const struct net_device *dev,
					u8 *state)
{
	u8 (*get_state)(const struct net_device *dev);

	get_state = symbol_get(br_port_get_stp_state);
	if (!get_state)
		return -EOPNOTSUPP;
	*state = get_state(dev);
	symbol_put(br_port_get_stp_state);
	return 0;
}
#else
static inline int nicdiag_br_port_state(const struct net_device *dev,
					u8 *state)
{
	return -EOPNOTSUPP;
}
#endif

#endif /* _NICDIAG_COMPAT_H */
