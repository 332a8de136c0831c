// SPDX-License-Identifier: GPL-2.0
/* Generic netlink plumbing for nicctl; see nl.h. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <linux/nicdiag.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/family.h>

#include "nl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/**
 * extack_msg() - the extended-ack message of an NLMSG_ERROR
 * @nlh: the error message
 *
 * The TLVs follow the echoed request: all of it, or only its header when
 * NLM_F_CAPPED is set.  Returns NULL when there is no message.
 */
const char *extack_msg(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err = NLMSG_DATA(nlh);
	const char *end = (const char *)nlh + nlh->nlmsg_len;
	const struct nlattr *a;
	size_t off;

	if (nlh->nlmsg_type != NLMSG_ERROR || !(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*err)))
		return NULL;
	off = (nlh->nlmsg_flags & NLM_F_CAPPED) ? sizeof(*err) :
	      sizeof(err->error) + NLMSG_ALIGN(err->msg.nlmsg_len);
	a = (const struct nlattr *)((const char *)err + NLMSG_ALIGN(off));
	while ((const char *)a + sizeof(*a) <= end && a->nla_len >= sizeof(*a) &&
	       (const char *)a + a->nla_len <= end) {
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG &&
		    a->nla_len > sizeof(*a)) {
			const char *s = (const char *)a + NLA_HDRLEN;

			if (memchr(s, '\0', a->nla_len - NLA_HDRLEN))
				return s;
		}
		a = (const struct nlattr *)((const char *)a + NLA_ALIGN(a->nla_len));
	}
	return NULL;
}

int nl_exit_code(int err)
{
	switch (err < 0 ? -err : err) {
	case 0:
		return EXIT_OK;
	case EPERM:
	case EACCES:
		return EXIT_PERM;
	case ENODEV:
		return EXIT_NODEV;
	default:
		return EXIT_ERROR;
	}
}

/**
 * nicctl_try_open() - open the nicdiag family without printing anything
 * @nl: filled in on success
 * @why: on failure, why, in words (may be NULL)
 * @len: size of @why
 *
 * Return: EXIT_OK, or the exit code of the failure (EXIT_NOT_LOADED when
 * the family does not exist here).
 */
int nicctl_try_open(struct nicctl_nl *nl, char *why, size_t len)
{
	struct nl_cache *cache = NULL;
	struct genl_family *fam;
	int one = 1, version;
	char dummy[8];

	if (!why) {
		why = dummy;
		len = sizeof(dummy);
	}
	nl->sk = nl_socket_alloc();
	if (!nl->sk || genl_connect(nl->sk)) {
		snprintf(why, len, "cannot open a generic netlink socket");
		goto fail;
	}
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_CAP_ACK,
		   &one, sizeof(one));
	if (genl_ctrl_alloc_cache(nl->sk, &cache)) {
		snprintf(why, len, "cannot list generic netlink families");
		goto fail;
	}
	fam = genl_ctrl_search_by_name(cache, NICDIAG_FAMILY_NAME);
	if (!fam) {
		nl_cache_free(cache);
		snprintf(why, len, "nicdiag module not loaded");
		nicctl_close(nl);
		return EXIT_NOT_LOADED;
	}
	nl->family = genl_family_get_id(fam);
	version = genl_family_get_version(fam);
	genl_family_put(fam);
	nl_cache_free(cache);
	if (version != NICDIAG_FAMILY_VERSION) {
		snprintf(why, len,
			 "ABI version mismatch: module speaks version %d, this nicctl version %d; install matching versions",
			 version, NICDIAG_FAMILY_VERSION);
		nicctl_close(nl);
		return EXIT_ABI;
	}
	return EXIT_OK;
fail:
	nicctl_close(nl);
	return EXIT_ERROR;
}

int nicctl_open(struct nicctl_nl *nl)
{
	char why[256];
	int r = nicctl_try_open(nl, why, sizeof(why));

	if (r == EXIT_NOT_LOADED)
		fprintf(stderr,
			"nicctl: nicdiag module not loaded: run 'modprobe nicdiag' (or 'insmod nicdiag.ko').\n"
			"        (nicdiag serves the initial network namespace only; from any other one it is not visible.)\n");
	else if (r)
		fprintf(stderr, "nicctl: %s\n", why);
	return r;
}

void nicctl_close(struct nicctl_nl *nl)
{
	if (nl->sk)
		nl_socket_free(nl->sk);
	nl->sk = NULL;
}

int nl_parse_reply(struct nl_msg *msg, struct nlattr **tb)
{
	return genlmsg_parse(nlmsg_hdr(msg), 0, tb, NICDIAG_A_MAX, NULL);
}

struct req_ctx {
	reply_cb cb;
	void *arg;
	int err;
	int cb_ret;
	bool done;
	char extack[256];
};

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct req_ctx *ctx = arg;
	struct nlattr *tb[NICDIAG_A_MAX + 1];

	if (nl_parse_reply(msg, tb))
		return NL_SKIP;
	ctx->cb_ret = ctx->cb ? ctx->cb(tb, ctx->arg) : 0;
	return ctx->cb_ret ? NL_STOP : NL_OK;
}

static int on_finish(struct nl_msg *msg, void *arg)
{
	struct req_ctx *ctx = arg;

	ctx->done = true;
	return NL_STOP;
}

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *err, void *arg)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)((char *)err - NLMSG_HDRLEN);
	struct req_ctx *ctx = arg;
	const char *m = extack_msg(nlh);

	ctx->err = err->error;
	ctx->done = true;
	if (m)
		snprintf(ctx->extack, sizeof(ctx->extack), "%s", m);
	return NL_STOP;
}

int nl_request(struct nicctl_nl *nl, int cmd, bool dump,
	       int (*fill)(struct nl_msg *msg, void *arg), reply_cb cb,
	       void *arg)
{
	struct req_ctx ctx = { .cb = cb, .arg = arg };
	struct nl_msg *msg = nlmsg_alloc();
	struct nl_cb *nlcb = nl_cb_alloc(NL_CB_DEFAULT);
	int r;

	if (!msg || !nlcb)
		return EXIT_ERROR;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
		    dump ? NLM_F_DUMP : 0, cmd, NICDIAG_FAMILY_VERSION);
	if (fill && fill(msg, arg)) {
		nlmsg_free(msg);
		nl_cb_put(nlcb);
		return EXIT_USAGE;
	}
	nl_cb_set(nlcb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &ctx);
	nl_cb_set(nlcb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, &ctx);
	nl_cb_set(nlcb, NL_CB_ACK, NL_CB_CUSTOM, on_finish, &ctx);
	nl_cb_err(nlcb, NL_CB_CUSTOM, on_error, &ctx);
	r = nl_send_auto(nl->sk, msg);
	nlmsg_free(msg);
	while (r >= 0 && !ctx.done && !ctx.cb_ret)
		r = nl_recvmsgs(nl->sk, nlcb);
	nl_cb_put(nlcb);
	if (ctx.cb_ret)
		return ctx.cb_ret;
	if (r < 0 && !ctx.err) {
		fprintf(stderr, "nicctl: netlink: %s\n", nl_geterror(r));
		return EXIT_ERROR;
	}
	if (ctx.err) {
		if (ctx.extack[0])
			fprintf(stderr, "nicctl: netlink error: %s (%s)\n",
				ctx.extack, strerror(-ctx.err));
		else
			fprintf(stderr, "nicctl: netlink error: %s\n",
				strerror(-ctx.err));
		return nl_exit_code(ctx.err);
	}
	return EXIT_OK;
}
