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

/*
 * What a reader may see beyond the rest (the uapi header's rules): a mask
 * of NICDIAG_WITHHELD_* bits, set where the reader has the capability.
 */
#define NICDIAG_SHOW_LOG	NICDIAG_WITHHELD_LOG	/* CAP_SYSLOG */
#define NICDIAG_SHOW_PROC	NICDIAG_WITHHELD_PROC	/* CAP_NET_ADMIN */

int nicdiag_fill_dev(struct sk_buff *skb, const struct nicdiag_dev *nd,
		     unsigned int show);
int nicdiag_fill_event(struct sk_buff *skb, const struct nicdiag_event *ev,
		       unsigned int show);
int nicdiag_fill_stats(struct sk_buff *skb,
		       const struct nicdiag_ring_stats *st,
		       unsigned int devices);
int nicdiag_fill_config(struct sk_buff *skb,
			const struct nicdiag_config *cfg);

#endif /* _NICDIAG_NLMSG_H */
