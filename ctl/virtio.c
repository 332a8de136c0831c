// SPDX-License-Identifier: GPL-2.0
/* virtio-net evidence decoding; see virtio.h. */
#include <stdio.h>
#include <string.h>

#include "virtio.h"

/* Names as in include/uapi/linux/virtio_net.h and virtio_config.h, with the
 * QEMU virtio-net-pci property that turns each off or on. */
static const struct {
	unsigned int bit;
	const char *name;
	const char *prop;
} features[] = {
	{ 0, "VIRTIO_NET_F_CSUM", "csum" },
	{ 1, "VIRTIO_NET_F_GUEST_CSUM", "guest_csum" },
	{ 2, "VIRTIO_NET_F_CTRL_GUEST_OFFLOADS", "ctrl_guest_offloads" },
	{ 3, "VIRTIO_NET_F_MTU", "host_mtu" },
	{ 5, "VIRTIO_NET_F_MAC", "mac" },
	{ 6, "VIRTIO_NET_F_GSO", "gso" },
	{ 7, "VIRTIO_NET_F_GUEST_TSO4", "guest_tso4" },
	{ 8, "VIRTIO_NET_F_GUEST_TSO6", "guest_tso6" },
	{ 9, "VIRTIO_NET_F_GUEST_ECN", "guest_ecn" },
	{ 10, "VIRTIO_NET_F_GUEST_UFO", "guest_ufo" },
	{ 11, "VIRTIO_NET_F_HOST_TSO4", "host_tso4" },
	{ 12, "VIRTIO_NET_F_HOST_TSO6", "host_tso6" },
	{ 13, "VIRTIO_NET_F_HOST_ECN", "host_ecn" },
	{ 14, "VIRTIO_NET_F_HOST_UFO", "host_ufo" },
	{ 15, "VIRTIO_NET_F_MRG_RXBUF", "mrg_rxbuf" },
	{ 16, "VIRTIO_NET_F_STATUS", "status" },
	{ 17, "VIRTIO_NET_F_CTRL_VQ", "ctrl_vq" },
	{ 18, "VIRTIO_NET_F_CTRL_RX", "ctrl_rx" },
	{ 19, "VIRTIO_NET_F_CTRL_VLAN", "ctrl_vlan" },
	{ 20, "VIRTIO_NET_F_CTRL_RX_EXTRA", "ctrl_rx_extra" },
	{ 21, "VIRTIO_NET_F_GUEST_ANNOUNCE", "guest_announce" },
	{ 22, "VIRTIO_NET_F_MQ", "mq" },
	{ 23, "VIRTIO_NET_F_CTRL_MAC_ADDR", "ctrl_mac_addr" },
	{ 24, "VIRTIO_F_NOTIFY_ON_EMPTY", NULL },
	{ 27, "VIRTIO_F_ANY_LAYOUT", "any_layout" },
	{ 28, "VIRTIO_RING_F_INDIRECT_DESC", "indirect_desc" },
	{ 29, "VIRTIO_RING_F_EVENT_IDX", "event_idx" },
	{ 32, "VIRTIO_F_VERSION_1", "disable-modern" },
	{ 33, "VIRTIO_F_ACCESS_PLATFORM", "iommu_platform" },
	{ 34, "VIRTIO_F_RING_PACKED", "packed" },
	{ 35, "VIRTIO_F_IN_ORDER", NULL },
	{ 36, "VIRTIO_F_ORDER_PLATFORM", NULL },
	{ 37, "VIRTIO_F_SR_IOV", NULL },
	{ 38, "VIRTIO_F_NOTIFICATION_DATA", NULL },
	{ 40, "VIRTIO_F_RING_RESET", NULL },
	{ 53, "VIRTIO_NET_F_NOTF_COAL", NULL },
	{ 57, "VIRTIO_NET_F_HASH_REPORT", "hash" },
	{ 60, "VIRTIO_NET_F_RSS", "rss" },
	{ 61, "VIRTIO_NET_F_RSC_EXT", "guest_rsc_ext" },
	{ 62, "VIRTIO_NET_F_STANDBY", "failover" },
	{ 63, "VIRTIO_NET_F_SPEED_DUPLEX", NULL },
};

#define N_FEATURES (sizeof(features) / sizeof(features[0]))

const char *feature_name(unsigned int bit)
{
	static char buf[4][24];
	static unsigned int k;
	unsigned int i;

	for (i = 0; i < N_FEATURES; i++)
		if (features[i].bit == bit)
			return features[i].name;
	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "bit%u", bit);
	return buf[k];
}

const char *feature_qemu_prop(const char *name)
{
	unsigned int i;

	for (i = 0; i < N_FEATURES; i++)
		if (!strcmp(features[i].name, name))
			return features[i].prop;
	return NULL;
}

void features_str(uint64_t f, char *buf, size_t len)
{
	size_t o = 0;
	unsigned int bit;

	buf[0] = '\0';
	for (bit = 0; bit < 64 && o < len; bit++)
		if (f & (1ULL << bit))
			o += snprintf(buf + o, len - o, "%s%s", o ? " " : "",
				      feature_name(bit));
}

void status_str(unsigned int s, char *buf, size_t len)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} bits[] = {
		{ VSTAT_ACKNOWLEDGE, "ACKNOWLEDGE" },
		{ VSTAT_DRIVER, "DRIVER" },
		{ VSTAT_FEATURES_OK, "FEATURES_OK" },
		{ VSTAT_DRIVER_OK, "DRIVER_OK" },
		{ VSTAT_NEEDS_RESET, "NEEDS_RESET" },
		{ VSTAT_FAILED, "FAILED" },
	};
	size_t o = 0, i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(bits) / sizeof(bits[0]) && o < len; i++)
		if (s & bits[i].bit)
			o += snprintf(buf + o, len - o, "%s%s", o ? "|" : "", bits[i].name);
	if (!s)
		snprintf(buf, len, "RESET");
}

const char *errno_name(unsigned int err)
{
	static const char *const names[] = {
		[0] = "OK", [1] = "EPERM", [2] = "ENOENT", [5] = "EIO",
		[6] = "ENXIO", [7] = "E2BIG", [12] = "ENOMEM", [14] = "EFAULT",
		[16] = "EBUSY", [17] = "EEXIST", [19] = "ENODEV", [22] = "EINVAL",
		[28] = "ENOSPC", [34] = "ERANGE", [95] = "EOPNOTSUPP",
		[110] = "ETIMEDOUT",
	};
	static char buf[16];

	if (err < sizeof(names) / sizeof(names[0]) && names[err])
		return names[err];
	snprintf(buf, sizeof(buf), "errno %u", err);
	return buf;
}
