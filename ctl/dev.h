/* SPDX-License-Identifier: GPL-2.0 */
/* The device printer for `nicctl show`. */
#ifndef NICCTL_DEV_H
#define NICCTL_DEV_H

#include <netlink/attr.h>

void print_dev_header(void);
void print_dev(struct nlattr *nest);

#endif
