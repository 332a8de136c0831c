/* SPDX-License-Identifier: GPL-2.0 */
/* nicctl explain: root cause, evidence and fix per virtio-net device. */
#ifndef NICCTL_EXPLAIN_H
#define NICCTL_EXPLAIN_H

#include <netlink/attr.h>

struct nicctl_nl;

void explain_setup(const char *ifname, unsigned int type, struct nlattr *nest);
int explain_run(struct nicctl_nl *nl, const char *dev);

#endif
