/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding of virtio-net setup evidence: feature bits, status bits, and
 * the QEMU/libvirt terms an operator changes to fix them.
 */
#ifndef NICCTL_VIRTIO_H
#define NICCTL_VIRTIO_H

#include <stddef.h>
#include <stdint.h>

/* Feature bit numbers nicctl reasons about (virtio spec). */
enum {
	VNET_F_MTU = 3,
	VNET_F_STATUS = 16,
	VNET_F_CTRL_VQ = 17,
	VNET_F_MQ = 22,
	VIRTIO_F_VERSION_1_BIT = 32,
};

/* Status bits (VIRTIO_CONFIG_S_*). */
enum {
	VSTAT_ACKNOWLEDGE = 0x01,
	VSTAT_DRIVER = 0x02,
	VSTAT_DRIVER_OK = 0x04,
	VSTAT_FEATURES_OK = 0x08,
	VSTAT_NEEDS_RESET = 0x40,
	VSTAT_FAILED = 0x80,
};

const char *feature_name(unsigned int bit);
/* QEMU virtio-net-pci property for a feature name such as
 * "VIRTIO_NET_F_CTRL_VQ", or NULL. */
const char *feature_qemu_prop(const char *name);
/* Space-separated names of the bits set in @features. */
void features_str(uint64_t features, char *buf, size_t len);
/* "ACKNOWLEDGE|DRIVER|FAILED" */
void status_str(unsigned int status, char *buf, size_t len);
const char *errno_name(unsigned int err);

#endif
