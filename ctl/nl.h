/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicctl's generic netlink plumbing over libnl-genl-3: family resolution
 * with the ABI version check, requests and dumps with extended-ack error
 * messages, and the exit codes errors map to.
 */
#ifndef NICCTL_NL_H
#define NICCTL_NL_H

#include <stdbool.h>
#include <stddef.h>

#include <netlink/genl/genl.h>

/* Exit codes (documented in nicctl --help and ctl/README.md). */
enum {
	EXIT_OK = 0,
	EXIT_USAGE = 1,
	EXIT_NOT_LOADED = 2,
	EXIT_PERM = 3,
	EXIT_NODEV = 4,
	EXIT_ABI = 5,
	EXIT_ERROR = 6,
};

struct nicctl_nl {
	struct nl_sock *sk;
	int family;
};

/* Called once per reply message with its top-level attributes. */
typedef int (*reply_cb)(struct nlattr **tb, void *arg);

int nicctl_open(struct nicctl_nl *nl);
int nicctl_try_open(struct nicctl_nl *nl, char *why, size_t len);
void nicctl_close(struct nicctl_nl *nl);
/* Send cmd (with attributes added by fill) and feed replies to cb;
 * returns an exit code, having printed any error. */
int nl_request(struct nicctl_nl *nl, int cmd, bool dump,
	       int (*fill)(struct nl_msg *msg, void *arg), reply_cb cb,
	       void *arg);
int nl_exit_code(int err);
/* The extack message in an NLMSG_ERROR, or NULL. */
const char *extack_msg(const struct nlmsghdr *nlh);
int nl_parse_reply(struct nl_msg *msg, struct nlattr **tb);

#endif
