// SPDX-License-Identifier: GPL-2.0
/*
 * The "nicdiag" generic netlink family: requests, dumps and the "events"
 * multicast group.
 *
 * Every request is validated against a strict per-command policy before
 * any handler runs; each handler rejects what the policy cannot express
 * with an extack message naming the attribute.  Commands that change state
 * check CAP_NET_ADMIN themselves (rather than with GENL_ADMIN_PERM) so the
 * refusal carries a message too.  Readers get what their capabilities
 * allow (reader_show(); the rules are in the uapi header).  The family is
 * not netns-aware: it exists in the initial network namespace only, as do
 * the devices it reports.
 */

#include <linux/capability.h>
#include <linux/rtnetlink.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "internal.h"
#include "nlmsg.h"

static struct netlink_range_validation flap_window_range = {
	.min = NICDIAG_FLAP_WINDOW_MS_MIN,
	.max = NICDIAG_FLAP_WINDOW_MS_MAX,
};

static struct netlink_range_validation stall_threshold_range = {
	.min = NICDIAG_STALL_THRESHOLD_MS_MIN,
	.max = NICDIAG_STALL_THRESHOLD_MS_MAX,
};

static struct netlink_range_validation stall_interval_range = {
	.min = NICDIAG_STALL_INTERVAL_MS_MIN,
	.max = NICDIAG_STALL_INTERVAL_MS_MAX,
};

static const struct nla_policy config_policy[NICDIAG_CONFIG_A_MAX + 1] = {
	[NICDIAG_CONFIG_A_FLAP_THRESHOLD] =
		NLA_POLICY_RANGE(NLA_U32, NICDIAG_FLAP_THRESHOLD_MIN,
				 NICDIAG_FLAP_THRESHOLD_MAX),
	[NICDIAG_CONFIG_A_FLAP_WINDOW_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &flap_window_range),
	[NICDIAG_CONFIG_A_DRIVERS] = { .type = NLA_NUL_STRING,
				       .len = NICDIAG_DRIVERS_MAX },
	[NICDIAG_CONFIG_A_RING_SIZE] = { .type = NLA_U32 },
	[NICDIAG_CONFIG_A_STALL_THRESHOLD_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &stall_threshold_range),
	[NICDIAG_CONFIG_A_STALL_INTERVAL_MS] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &stall_interval_range),
};

static const struct nla_policy dev_get_policy[NICDIAG_A_IFNAME + 1] = {
	[NICDIAG_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[NICDIAG_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static const struct nla_policy event_get_policy[NICDIAG_A_SINCE_SEQ + 1] = {
	[NICDIAG_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[NICDIAG_A_SINCE_SEQ] = { .type = NLA_U64 },
};

static const struct nla_policy config_set_policy[NICDIAG_A_CONFIG + 1] = {
	[NICDIAG_A_CONFIG] = NLA_POLICY_NESTED(config_policy),
};

/* Requests that take no attributes: any attribute is refused. */
static const struct nla_policy empty_policy[NICDIAG_A_PAD + 1] = {
	[NICDIAG_A_PAD] = { .type = NLA_REJECT },
};

static struct genl_family nicdiag_family;

static bool require_admin(struct sk_buff *skb, struct genl_info *info)
{
	if (netlink_capable(skb, CAP_NET_ADMIN))
		return true;
	GENL_SET_ERR_MSG(info, "nicdiag: CAP_NET_ADMIN is required to change state");
	return false;
}

/* What the requester may see (nlmsg.h), from the socket opener's creds. */
static unsigned int reader_show(const struct sk_buff *skb)
{
	unsigned int show = 0;

	if (netlink_capable(skb, CAP_SYSLOG))
		show |= NICDIAG_SHOW_LOG;
	if (netlink_capable(skb, CAP_NET_ADMIN))
		show |= NICDIAG_SHOW_PROC;
	return show;
}

/*
 * Notifications go to every listener alike: never kernel log lines (a
 * listener may lack CAP_SYSLOG), processes only where the group needs
 * CAP_NET_ADMIN to join.
 */
#ifdef HAVE_GENL_MCAST_CAPS
#define NTF_SHOW	NICDIAG_SHOW_PROC
#else
#define NTF_SHOW	0
#endif

static struct sk_buff *reply_new(struct genl_info *info, u8 cmd, void **hdr)
{
	struct sk_buff *skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);

	if (!skb)
		return NULL;
	*hdr = genlmsg_put_reply(skb, info, &nicdiag_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(skb);
		return NULL;
	}
	return skb;
}

/* ---- DEV_GET ---------------------------------------------------------- */

static int dev_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *ifindex = info->attrs[NICDIAG_A_IFINDEX];
	struct nlattr *ifname = info->attrs[NICDIAG_A_IFNAME];
	struct nicdiag_dev *nd, *found = NULL;
	struct sk_buff *msg;
	void *hdr;
	int err;

	if (!ifindex && !ifname) {
		GENL_SET_ERR_MSG(info, "nicdiag: NICDIAG_A_IFINDEX or NICDIAG_A_IFNAME required");
		nicdiag_set_err_attr_miss(info, NICDIAG_A_IFINDEX);
		return -EINVAL;
	}
	msg = reply_new(info, NICDIAG_CMD_DEV_GET, &hdr);
	if (!msg)
		return -ENOMEM;

	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		if (ifindex && nd->id.ifindex != (int)nla_get_u32(ifindex))
			continue;
		if (ifname && nla_strcmp(ifname, nd->id.ifname))
			continue;
		found = nd;
		break;
	}
	err = found ? nicdiag_fill_dev(msg, found, reader_show(skb)) : -ENODEV;
	mutex_unlock(&nicdiag_dev_lock);

	if (err == -ENODEV) {
		NL_SET_ERR_MSG_ATTR(info->extack, ifindex ? ifindex : ifname,
				    "nicdiag: no such device is watched");
	} else if (err) {
		GENL_SET_ERR_MSG(info, "nicdiag: reply too large");
	}
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/*
 * Dump position: cb->args[0] is the number of devices already sent.  The
 * table may change between parts of a dump; a device may then be skipped
 * or repeated, as with other netlink dumps.
 */
static int dev_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	unsigned int show = reader_show(cb->skb);
	struct nicdiag_dev *nd;
	long idx = 0;
	int err = 0;

	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		void *hdr;

		if (idx++ < cb->args[0])
			continue;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &nicdiag_family,
				  NLM_F_MULTI, NICDIAG_CMD_DEV_GET);
		if (!hdr) {
			err = -EMSGSIZE;
			break;
		}
		err = nicdiag_fill_dev(skb, nd, show);
		if (err) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
		cb->args[0] = idx;
	}
	mutex_unlock(&nicdiag_dev_lock);

	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ? err : skb->len;
}

/* ---- EVENT_GET -------------------------------------------------------- */

/* cb->args[0]: next sequence number; cb->args[1]: ifindex filter or 0. */
static int event_get_start(struct netlink_callback *cb)
{
	struct nlattr *tb[NICDIAG_A_SINCE_SEQ + 1];
	u64 since = 0;
	int err;

	err = nlmsg_parse(cb->nlh, GENL_HDRLEN, tb, NICDIAG_A_SINCE_SEQ,
			  event_get_policy, cb->extack);
	if (err)
		return err;
	if (tb[NICDIAG_A_SINCE_SEQ])
		since = nla_get_u64(tb[NICDIAG_A_SINCE_SEQ]);
	cb->args[0] = max(since, nicdiag_ring_first_seq());
	cb->args[1] = tb[NICDIAG_A_IFINDEX] ?
		      nla_get_u32(tb[NICDIAG_A_IFINDEX]) : 0;
	return 0;
}

static int event_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	unsigned int show = reader_show(cb->skb);
	struct nicdiag_event *ev;
	int err = 0;
	u64 seq;

	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		return -ENOMEM;

	/* Events overwritten since the last part are skipped: a gap. */
	seq = max_t(u64, cb->args[0], nicdiag_ring_first_seq());
	for (; nicdiag_ring_get(seq, ev); seq++) {
		void *hdr;

		if (cb->args[1] && ev->id.ifindex != cb->args[1])
			continue;
		hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, &nicdiag_family,
				  NLM_F_MULTI, NICDIAG_CMD_EVENT_GET);
		if (!hdr) {
			err = -EMSGSIZE;
			break;
		}
		err = nicdiag_fill_event(skb, ev, show);
		if (err) {
			genlmsg_cancel(skb, hdr);
			break;
		}
		genlmsg_end(skb, hdr);
	}
	cb->args[0] = seq;
	kfree(ev);

	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ? err : skb->len;
}

static int event_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	GENL_SET_ERR_MSG(info, "nicdiag: EVENT_GET is a dump: set NLM_F_DUMP");
	return -EOPNOTSUPP;
}

/* ---- STATS_GET, CONFIG_GET -------------------------------------------- */

static int stats_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nicdiag_ring_stats *st;
	struct sk_buff *msg;
	void *hdr;
	int err;

	st = kmalloc(sizeof(*st), GFP_KERNEL);
	if (!st)
		return -ENOMEM;
	nicdiag_ring_stats(st);
	msg = reply_new(info, NICDIAG_CMD_STATS_GET, &hdr);
	if (!msg) {
		kfree(st);
		return -ENOMEM;
	}
	err = nicdiag_fill_stats(msg, st, nicdiag_dev_count());
	kfree(st);
	if (err) {
		GENL_SET_ERR_MSG(info, "nicdiag: reply too large");
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int config_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = reply_new(info, NICDIAG_CMD_CONFIG_GET, &hdr);
	if (!msg)
		return -ENOMEM;
	rtnl_lock();
	err = nicdiag_fill_config(msg, &nicdiag_config);
	rtnl_unlock();
	if (err) {
		GENL_SET_ERR_MSG(info, "nicdiag: reply too large");
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* ---- CONFIG_SET, HISTORY_CLEAR ---------------------------------------- */

static int config_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[NICDIAG_CONFIG_A_MAX + 1];
	struct nlattr *nest = info->attrs[NICDIAG_A_CONFIG];
	const char *why = NULL;
	bool rescan = false;
	u32 thresh, interval;
	int err;

	if (!require_admin(skb, info))
		return -EPERM;
	if (!nest) {
		GENL_SET_ERR_MSG(info, "nicdiag: NICDIAG_A_CONFIG is required");
		nicdiag_set_err_attr_miss(info, NICDIAG_A_CONFIG);
		return -EINVAL;
	}
	/* Already validated against config_policy; parse to reach members. */
	err = nla_parse_nested(tb, NICDIAG_CONFIG_A_MAX, nest, config_policy,
			       info->extack);
	if (err)
		return err;
	if (tb[NICDIAG_CONFIG_A_RING_SIZE]) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[NICDIAG_CONFIG_A_RING_SIZE],
				    "nicdiag: ring_size is fixed at load (module parameter ring_size)");
		return -EINVAL;
	}
	if (tb[NICDIAG_CONFIG_A_DRIVERS] &&
	    nicdiag_drivers_validate(nla_data(tb[NICDIAG_CONFIG_A_DRIVERS]),
				     &why)) {
		nicdiag_set_err_msg_attr(info->extack,
					 tb[NICDIAG_CONFIG_A_DRIVERS], why);
		return -EINVAL;
	}
	if (!tb[NICDIAG_CONFIG_A_FLAP_THRESHOLD] &&
	    !tb[NICDIAG_CONFIG_A_FLAP_WINDOW_MS] &&
	    !tb[NICDIAG_CONFIG_A_DRIVERS] &&
	    !tb[NICDIAG_CONFIG_A_STALL_THRESHOLD_MS] &&
	    !tb[NICDIAG_CONFIG_A_STALL_INTERVAL_MS]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "nicdiag: nothing to set");
		return -EINVAL;
	}

	/* Everything is valid: apply it all at once. */
	rtnl_lock();
	thresh = tb[NICDIAG_CONFIG_A_STALL_THRESHOLD_MS] ?
		 nla_get_u32(tb[NICDIAG_CONFIG_A_STALL_THRESHOLD_MS]) :
		 nicdiag_config.stall_threshold_ms;
	interval = tb[NICDIAG_CONFIG_A_STALL_INTERVAL_MS] ?
		   nla_get_u32(tb[NICDIAG_CONFIG_A_STALL_INTERVAL_MS]) :
		   nicdiag_config.stall_interval_ms;
	if (interval > thresh) {
		rtnl_unlock();
		NL_SET_ERR_MSG_ATTR(info->extack,
				    tb[NICDIAG_CONFIG_A_STALL_INTERVAL_MS] ?:
				    tb[NICDIAG_CONFIG_A_STALL_THRESHOLD_MS],
				    "nicdiag: stall_interval_ms must not exceed stall_threshold_ms");
		return -EINVAL;
	}
	WRITE_ONCE(nicdiag_config.stall_threshold_ms, thresh);
	WRITE_ONCE(nicdiag_config.stall_interval_ms, interval);
	if (tb[NICDIAG_CONFIG_A_FLAP_THRESHOLD])
		WRITE_ONCE(nicdiag_config.flap_threshold,
			   nla_get_u32(tb[NICDIAG_CONFIG_A_FLAP_THRESHOLD]));
	if (tb[NICDIAG_CONFIG_A_FLAP_WINDOW_MS])
		WRITE_ONCE(nicdiag_config.flap_window_ms,
			   nla_get_u32(tb[NICDIAG_CONFIG_A_FLAP_WINDOW_MS]));
	if (tb[NICDIAG_CONFIG_A_DRIVERS] &&
	    nla_strcmp(tb[NICDIAG_CONFIG_A_DRIVERS], nicdiag_config.drivers)) {
		nla_strscpy(nicdiag_config.drivers, tb[NICDIAG_CONFIG_A_DRIVERS],
			    sizeof(nicdiag_config.drivers));
		rescan = true;
	}
	if (rescan)
		nicdiag_link_rescan();
	rtnl_unlock();
	if (tb[NICDIAG_CONFIG_A_STALL_INTERVAL_MS])
		nicdiag_stall_kick();
	return 0;
}

static int history_clear_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (!require_admin(skb, info))
		return -EPERM;
	nicdiag_ring_clear();
	return 0;
}

static int setup_scan_doit(struct sk_buff *skb, struct genl_info *info)
{
	if (!require_admin(skb, info))
		return -EPERM;
	nicdiag_setup_scan(NICDIAG_CAUSE_SCAN_REQUEST);
	return 0;
}

static const struct genl_ops nicdiag_ops[] = {
	{
		.cmd = NICDIAG_CMD_DEV_GET,
		.doit = dev_get_doit,
		.dumpit = dev_get_dumpit,
		.policy = dev_get_policy,
		.maxattr = ARRAY_SIZE(dev_get_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_EVENT_GET,
		.doit = event_get_doit,
		.start = event_get_start,
		.dumpit = event_get_dumpit,
		.policy = event_get_policy,
		.maxattr = ARRAY_SIZE(event_get_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_STATS_GET,
		.doit = stats_get_doit,
		.policy = empty_policy,
		.maxattr = ARRAY_SIZE(empty_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_CONFIG_GET,
		.doit = config_get_doit,
		.policy = empty_policy,
		.maxattr = ARRAY_SIZE(empty_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_CONFIG_SET,
		.doit = config_set_doit,
		.policy = config_set_policy,
		.maxattr = ARRAY_SIZE(config_set_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_HISTORY_CLEAR,
		.doit = history_clear_doit,
		.policy = empty_policy,
		.maxattr = ARRAY_SIZE(empty_policy) - 1,
	},
	{
		.cmd = NICDIAG_CMD_SETUP_SCAN,
		.doit = setup_scan_doit,
		.policy = empty_policy,
		.maxattr = ARRAY_SIZE(empty_policy) - 1,
	},
};

enum nicdiag_mcgrp {
	NICDIAG_MCGRP_EVENTS_ID,
};

static const struct genl_multicast_group nicdiag_mcgrps[] = {
	[NICDIAG_MCGRP_EVENTS_ID] = { .name = NICDIAG_MCGRP_EVENTS,
				      .flags = NICDIAG_MCGRP_FLAGS },
};

static struct genl_family nicdiag_family __ro_after_init = {
	.name = NICDIAG_FAMILY_NAME,
	.version = NICDIAG_FAMILY_VERSION,
	.maxattr = NICDIAG_A_MAX,
	.netnsok = false,
	.module = THIS_MODULE,
	.ops = nicdiag_ops,
	.n_ops = ARRAY_SIZE(nicdiag_ops),
	.mcgrps = nicdiag_mcgrps,
	.n_mcgrps = ARRAY_SIZE(nicdiag_mcgrps),
};

/**
 * nicdiag_netlink_has_listeners() - whether anyone joined "events"
 *
 * Return: true if a socket in init_net is subscribed.
 */
bool nicdiag_netlink_has_listeners(void)
{
	return genl_has_listeners(&nicdiag_family, &init_net,
				  NICDIAG_MCGRP_EVENTS_ID);
}

/**
 * nicdiag_netlink_notify() - send one event to the "events" group
 * @ev: the event
 *
 * Process context.  A notification that cannot be built is counted as
 * dropped; a listener whose socket is full sees ENOBUFS on it.
 */
void nicdiag_netlink_notify(const struct nicdiag_event *ev)
{
	struct sk_buff *skb;
	void *hdr;

	skb = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!skb)
		goto drop;
	hdr = genlmsg_put(skb, 0, 0, &nicdiag_family, 0, NICDIAG_CMD_EVENT_NTF);
	if (!hdr)
		goto free;
	if (nicdiag_fill_event(skb, ev, NTF_SHOW))
		goto free;
	genlmsg_end(skb, hdr);
	genlmsg_multicast(&nicdiag_family, skb, 0, NICDIAG_MCGRP_EVENTS_ID,
			  GFP_KERNEL);
	return;
free:
	nlmsg_free(skb);
drop:
	nicdiag_ring_ntf_failed();
}

/**
 * nicdiag_netlink_init() - register the family
 *
 * Return: 0 or a negative errno.
 */
int nicdiag_netlink_init(void)
{
	return genl_register_family(&nicdiag_family);
}

/**
 * nicdiag_netlink_exit() - unregister the family; subscribers are dropped
 */
void nicdiag_netlink_exit(void)
{
	genl_unregister_family(&nicdiag_family);
}
