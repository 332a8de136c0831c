/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Encoding of devices, events, statistics and configuration as netlink
 * attributes: one encoder per object, shared by replies, dumps and
 * notifications so they never differ.
 */
#ifndef _NICDIAG_NLMSG_H
#define _NICDIAG_NLMSG_H

#include <linux/skbuff.h>

#include "internal.h"

int nicdiag_fill_dev(struct sk_buff *skb, const struct nicdiag_dev *nd);
int nicdiag_fill_event(struct sk_buff *skb, const struct nicdiag_event *ev);
int nicdiag_fill_stats(struct sk_buff *skb,
		       const struct nicdiag_ring_stats *st,
		       unsigned int devices);
int nicdiag_fill_config(struct sk_buff *skb,
			const struct nicdiag_config *cfg);

#endif /* _NICDIAG_NLMSG_H */
