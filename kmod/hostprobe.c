// SPDX-License-Identifier: GPL-2.0
/*
 * The host side of a VM's NIC: what QEMU (or any process) asked of tun,
 * macvtap, vhost-net, a PCI driver's probe and vfio-pci, and what the
 * kernel answered.
 *
 * One kretprobe per entry point, all of them called only at setup (an
 * ioctl, an open, a probe), never per packet:
 *
 *   tun_chr_ioctl     TUNSETIFF, TUNSETQUEUE and other setup ioctls
 *   tap_open          opening /dev/tapN attaches a macvtap queue
 *   tap_ioctl         setup ioctls on a macvtap file
 *   vhost_net_ioctl   VHOST_SET_OWNER, VHOST_NET_SET_BACKEND, the rest
 *   pci_device_probe  any PCI driver's probe of a network-class function
 *   vfio-pci's open   a process (the VM) takes a passed-through function
 *
 * The entry handler keeps the request (copied from user memory without
 * faulting), the return handler adds the result and the calling process
 * and leaves a record in a bounded buffer (tpsource.c); a work item turns
 * records into events in process context.  Successes of the steps that
 * build a VM's NIC are recorded (a queue attached, vhost-net owned, a
 * backend set, a device opened); every refusal is recorded with its
 * errno, except repeats: see hp_refusal_kept().  Probes whose code is in a
 * module are registered when the module comes and unregistered when it
 * goes.  Only the initial network namespace's devices are recorded (a tun
 * or macvtap file's namespace, the caller's for the rest), as the family
 * serves only that one.
 */

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/if_tun.h>
#include <linux/jhash.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/ratelimit.h>
#include <linux/uaccess.h>
#include <linux/vhost.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "internal.h"
#include "tpsource.h"

/**
 * struct hp_call - what an entry handler keeps for the return handler
 * @op: enum nicdiag_host_op
 * @cmd: the ioctl request
 * @have_ifr: @ifr was read
 * @have_vf: @vf was read
 * @ifr: TUNSETIFF/TUNSETQUEUE's argument
 * @vf: VHOST_NET_SET_BACKEND's argument
 * @file: tap_open's file name (tapN)
 * @pci_addr: PCI probe, vfio open: the function
 * @pci_driver: PCI probe: the driver
 * @pci_id: vendor << 16 | device
 * @arg: the ioctl's argument
 * @filp: tap_open's file, looked at when it returns
 */
struct hp_call {
	u8 op;
	const struct file *filp;
	u32 cmd;
	unsigned long arg;
	bool have_ifr;
	bool have_vf;
	struct ifreq ifr;
	struct vhost_vring_file vf;
	char file[IFNAMSIZ];
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	char pci_driver[NICDIAG_DRIVER_LEN];
	u32 pci_id;
};

/**
 * struct hp_rec - one finished call, for the work item
 * @call: the request
 * @ret: its return value (every probed function returns an int's worth:
 *	0 or a negative errno on the paths recorded)
 * @pid: the calling process (thread group id)
 * @comm: its name
 * @queues: TUNSETIFF: the tap's queues right after the call, 0 if unknown
 */
struct hp_rec {
	struct hp_call call;
	int ret;
	u32 pid;
	char comm[TASK_COMM_LEN];
	u32 queues;
};

static void hp_handle(void *records, unsigned int n);

static struct nicdiag_tp hp_src = {
	.name = NULL,		/* a buffer and a work item, no tracepoint */
	.type = NICDIAG_EV_HOST_FAIL,
	.size = sizeof(struct hp_rec),
	.handle = hp_handle,
};

/* ---- in the probed call ---------------------------------------------- */

static bool hp_our_netns(void)
{
	return current->nsproxy && net_eq(current->nsproxy->net_ns, &init_net);
}

/*
 * Whether a tun or macvtap file is the initial namespace's.  Not the
 * caller's namespace: tun creates and finds devices in the one its file
 * was opened in, and a file opened elsewhere can be passed to a process
 * here.  Both keep a struct sock first in file->private_data (struct
 * tun_file, struct tap_queue; 5.10 to 7.2), allocated in that namespace
 * (a macvtap queue: its device's).  The caller holds the file.
 */
static bool hp_file_init_net(const struct file *file)
{
	const struct sock *sk = file ? file->private_data : NULL;

	return sk && net_eq(sock_net(sk), &init_net);
}

static bool is_net_class(struct pci_dev *pdev)
{
	return (pdev->class >> 16) == PCI_BASE_CLASS_NETWORK;
}

/* tun ioctls whose failure is a setup failure (not a capability probe). */
static bool tun_setup_cmd(unsigned int cmd)
{
	switch (cmd) {
	case TUNSETIFF:
	case TUNSETQUEUE:
	case TUNSETPERSIST:
	case TUNSETOWNER:
	case TUNSETGROUP:
	case TUNSETSNDBUF:
	case TUNSETVNETHDRSZ:
		return true;
	}
	return false;
}

/* An ioctl on a tun/tap file (@macvtap false) or a macvtap file. */
static int tun_ioctl_entry(struct kretprobe_instance *ri, struct pt_regs *regs,
			   bool macvtap)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	struct file *file = (struct file *)regs_get_kernel_argument(regs, 0);
	unsigned int cmd = regs_get_kernel_argument(regs, 1);
	void __user *arg = (void __user *)regs_get_kernel_argument(regs, 2);

	if (!tun_setup_cmd(cmd) || !hp_file_init_net(file))
		return 1;
	memset(c, 0, sizeof(*c));
	c->cmd = cmd;
	c->arg = (unsigned long)arg;
	if (macvtap)
		c->op = NICDIAG_HOST_OP_TAP_IOCTL;
	else
		c->op = cmd == TUNSETIFF ? NICDIAG_HOST_OP_TUNSETIFF :
			cmd == TUNSETQUEUE ? NICDIAG_HOST_OP_TUNSETQUEUE :
			NICDIAG_HOST_OP_TUN_IOCTL;
	if (cmd == TUNSETIFF || (!macvtap && cmd == TUNSETQUEUE))
		c->have_ifr = !copy_from_user_nofault(&c->ifr, arg,
						      sizeof(c->ifr));
	/* User memory: the name need not be terminated. */
	c->ifr.ifr_name[IFNAMSIZ - 1] = '\0';
	return 0;
}

static int tun_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	return tun_ioctl_entry(ri, regs, false);
}

static int tap_ioctl_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	return tun_ioctl_entry(ri, regs, true);
}

static int tap_open_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	struct file *file = (struct file *)regs_get_kernel_argument(regs, 1);

	if (!hp_our_netns())
		return 1;
	memset(c, 0, sizeof(*c));
	c->op = NICDIAG_HOST_OP_TAP_OPEN;
	/* Its queue, and so its namespace, exists once tap_open() returns. */
	c->filp = file;
	if (file && file->f_path.dentry)
		strscpy(c->file, file->f_path.dentry->d_name.name,
			sizeof(c->file));
	return 0;
}

static int vhost_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	unsigned int cmd = regs_get_kernel_argument(regs, 1);
	void __user *arg = (void __user *)regs_get_kernel_argument(regs, 2);

	if (!hp_our_netns())
		return 1;
	memset(c, 0, sizeof(*c));
	c->cmd = cmd;
	c->op = cmd == VHOST_SET_OWNER ? NICDIAG_HOST_OP_VHOST_SET_OWNER :
		cmd == VHOST_NET_SET_BACKEND ?
		NICDIAG_HOST_OP_VHOST_SET_BACKEND : NICDIAG_HOST_OP_VHOST_IOCTL;
	if (cmd == VHOST_NET_SET_BACKEND)
		c->have_vf = !copy_from_user_nofault(&c->vf, arg,
						     sizeof(c->vf));
	return 0;
}

static void pci_of(struct hp_call *c, struct device *dev)
{
	struct pci_dev *pdev = to_pci_dev(dev);

	strscpy(c->pci_addr, pci_name(pdev), sizeof(c->pci_addr));
	if (dev->driver)
		strscpy(c->pci_driver, dev->driver->name, sizeof(c->pci_driver));
	c->pci_id = (u32)pdev->vendor << 16 | pdev->device;
}

static int pci_probe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	struct device *dev = (struct device *)regs_get_kernel_argument(regs, 0);

	if (!dev || !dev_is_pci(dev) || !is_net_class(to_pci_dev(dev)))
		return 1;
	memset(c, 0, sizeof(*c));
	c->op = NICDIAG_HOST_OP_PCI_PROBE;
	pci_of(c, dev);
	return 0;
}

static int vfio_open_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	struct device *dev;

	dev = nicdiag_vfio_open_dev(regs_get_kernel_argument(regs, 0));
	if (!dev || !dev_is_pci(dev) || !is_net_class(to_pci_dev(dev)))
		return 1;
	memset(c, 0, sizeof(*c));
	c->op = NICDIAG_HOST_OP_VFIO_OPEN;
	pci_of(c, dev);
	return 0;
}

/* Successes worth an event; every failure is one. */
static bool hp_keep_success(const struct hp_call *c)
{
	switch (c->op) {
	case NICDIAG_HOST_OP_TUNSETIFF:
	case NICDIAG_HOST_OP_TUNSETQUEUE:
	case NICDIAG_HOST_OP_TAP_OPEN:
	case NICDIAG_HOST_OP_VHOST_SET_OWNER:
	case NICDIAG_HOST_OP_VHOST_SET_BACKEND:
	case NICDIAG_HOST_OP_VFIO_OPEN:
		return true;
	}
	return false;
}

/*
 * The queues attached to tap @name now, in the probed call: the work item
 * runs later, when the next queue may already be there.
 */
static u32 hp_queues_now(const char *name)
{
	struct net_device *dev;
	u32 n = 0;

	rcu_read_lock();
	dev = dev_get_by_name_rcu(&init_net, name);
	if (dev)
		n = dev->real_num_tx_queues;
	rcu_read_unlock();
	return n;
}

/*
 * Refusals.  Any local user can make them (udev leaves /dev/net/tun
 * world-writable), so they must not be a way to wipe the history:
 *
 *  - the same refusal (operation, ioctl, errno, user, asked-for name or
 *    device) again within HP_REPEAT_WINDOW is not recorded;
 *  - callers without CAP_NET_ADMIN have HP_UNPRIV_BURST refusals
 *    recorded per HP_UNPRIV_WINDOW, all of them together.
 *
 * What is left out is counted as suppressed host_fail events (STATS_GET),
 * never dropped silently.  A table slot per hash: a collision only makes
 * a repeat count as new.
 */
#define HP_REPEAT_WINDOW	(10 * HZ)
#define HP_UNPRIV_WINDOW	(10 * HZ)
#define HP_UNPRIV_BURST		20
#define HP_SEEN_SLOTS		64

static DEFINE_SPINLOCK(hp_seen_lock);
static struct {
	u32 key;
	unsigned long at;
} hp_seen[HP_SEEN_SLOTS];
static DEFINE_RATELIMIT_STATE(hp_unpriv_rs, HP_UNPRIV_WINDOW, HP_UNPRIV_BURST);

static u32 hp_refusal_key(const struct hp_call *c, int ret)
{
	u32 k[4] = { c->op, c->cmd, (u32)ret,
		     from_kuid(&init_user_ns, current_uid()) };
	u32 h = jhash2(k, ARRAY_SIZE(k), 0);

	if (c->have_ifr)
		h = jhash(c->ifr.ifr_name, strnlen(c->ifr.ifr_name, IFNAMSIZ), h);
	h = jhash(c->file, strnlen(c->file, sizeof(c->file)), h);
	return jhash(c->pci_addr, strnlen(c->pci_addr, sizeof(c->pci_addr)), h);
}

/* Whether a refusal is recorded; counts it as suppressed if not.  Atomic. */
static bool hp_refusal_kept(const struct hp_call *c, int ret)
{
	u32 key = hp_refusal_key(c, ret);
	unsigned int slot = key % HP_SEEN_SLOTS;
	unsigned long now = jiffies, flags;
	bool repeat;

	spin_lock_irqsave(&hp_seen_lock, flags);
	repeat = hp_seen[slot].at && hp_seen[slot].key == key &&
		 time_before(now, hp_seen[slot].at + HP_REPEAT_WINDOW);
	if (!repeat) {
		hp_seen[slot].key = key;
		hp_seen[slot].at = now ?: 1;
	}
	spin_unlock_irqrestore(&hp_seen_lock, flags);
	/* The credentials' own bits: no LSM hook, no audit, atomic-safe. */
	if (!repeat && !cap_raised(current_cred()->cap_effective, CAP_NET_ADMIN))
		repeat = !__ratelimit(&hp_unpriv_rs);
	if (repeat)
		nicdiag_ring_suppressed(NICDIAG_EV_HOST_FAIL);
	return !repeat;
}

static int hp_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct hp_call *c = (struct hp_call *)ri->data;
	struct hp_rec rec;

	/* int-returning functions leave the upper half of the register. */
	rec.ret = (int)regs_return_value(regs);
	if (!rec.ret && !hp_keep_success(c))
		return 0;
	/* A macvtap device of another namespace opened from this one. */
	if (!rec.ret && c->op == NICDIAG_HOST_OP_TAP_OPEN &&
	    !hp_file_init_net(c->filp))
		return 0;
	/* A driver that declines a device, or defers, has not failed it. */
	if (c->op == NICDIAG_HOST_OP_PCI_PROBE &&
	    (rec.ret == -ENODEV || rec.ret == -ENXIO ||
	     rec.ret == -EPROBE_DEFER))
		return 0;
	if (rec.ret && !hp_refusal_kept(c, rec.ret))
		return 0;
	rec.call = *c;
	rec.queues = 0;
	/* TUNSETIFF wrote back the name it gave ("tap%d" asked). */
	if (!rec.ret && c->op == NICDIAG_HOST_OP_TUNSETIFF && c->have_ifr) {
		rec.call.have_ifr = !copy_from_user_nofault(&rec.call.ifr,
				(void __user *)c->arg, sizeof(rec.call.ifr));
		rec.call.ifr.ifr_name[IFNAMSIZ - 1] = '\0';
		rec.queues = hp_queues_now(rec.call.ifr.ifr_name);
	}
	nicdiag_actor(&rec.pid, rec.comm);
	nicdiag_tp_push(&hp_src, &rec);
	return 0;
}

/**
 * struct hp_probe - one probed function
 * @module: the module it lives in, NULL if built into the kernel
 * @krp: the kretprobe
 * @registered: @krp is registered
 */
struct hp_probe {
	const char *module;
	struct kretprobe krp;
	bool registered;
};

#define HP_PROBE(mod, sym, entry) {					\
	.module = mod,							\
	.krp = {							\
		.kp.symbol_name = sym,					\
		.entry_handler = entry,					\
		.handler = hp_return,					\
		.data_size = sizeof(struct hp_call),			\
		.maxactive = 16,					\
	},								\
}

static struct hp_probe hp_probes[] = {
	HP_PROBE("tun", "tun_chr_ioctl", tun_entry),
	HP_PROBE("tap", "tap_open", tap_open_entry),
	HP_PROBE("tap", "tap_ioctl", tap_ioctl_entry),
	HP_PROBE("vhost_net", "vhost_net_ioctl", vhost_entry),
	HP_PROBE(NULL, "pci_device_probe", pci_probe_entry),
	HP_PROBE("vfio_pci", NICDIAG_VFIO_OPEN_SYMBOL, vfio_open_entry),
};

/* Serialises (un)registration; taken by the module notifier and exit. */
static DEFINE_MUTEX(hp_lock);
static bool hp_stopping;

static void hp_register(struct hp_probe *p)
{
	int err;

	if (p->registered)
		return;
	/* Registering again after an unregister needs these reset. */
	p->krp.kp.addr = NULL;
	p->krp.kp.flags = 0;
	p->krp.nmissed = 0;
	err = register_kretprobe(&p->krp);
	if (!err)
		p->registered = true;
	else if (err != -ENOENT && err != -EINVAL)
		pr_warn("cannot probe %s: %d\n", p->krp.kp.symbol_name, err);
}

static void hp_unregister(struct hp_probe *p)
{
	if (!p->registered)
		return;
	unregister_kretprobe(&p->krp);
	p->registered = false;
}

static int hp_module_event(struct notifier_block *nb, unsigned long action,
			   void *data)
{
	struct module *mod = data;
	unsigned int i;

	if (action != MODULE_STATE_COMING && action != MODULE_STATE_GOING)
		return NOTIFY_DONE;
	mutex_lock(&hp_lock);
	for (i = 0; i < ARRAY_SIZE(hp_probes) && !hp_stopping; i++) {
		struct hp_probe *p = &hp_probes[i];

		if (!p->module || strcmp(p->module, mod->name))
			continue;
		/* Probes go in before the module's init runs its probes. */
		if (action == MODULE_STATE_COMING)
			hp_register(p);
		else
			hp_unregister(p);
	}
	mutex_unlock(&hp_lock);
	return NOTIFY_DONE;
}

static struct notifier_block hp_module_nb = {
	.notifier_call = hp_module_event,
};

/* ---- in process context ---------------------------------------------- */

/*
 * Identity and stored state of the netdev a record names (held).  No RTNL:
 * a refusal any user can make must not take it; the watched device's
 * identity comes from nicdiag's own table.
 */
static void hp_ident(struct nicdiag_event *ev, struct net_device *netdev,
		     const struct hp_rec *r)
{
	struct nicdiag_dev *nd;

	ev->id.ifindex = netdev->ifindex;
	strscpy(ev->id.ifname, netdev->name, sizeof(ev->id.ifname));
	mutex_lock(&nicdiag_dev_lock);
	nd = nicdiag_dev_find(netdev);
	if (nd) {
		ev->id = nd->id;
		if (!r->ret && (ev->type == NICDIAG_EV_TAP_ATTACH ||
				ev->type == NICDIAG_EV_TAP_DETACH)) {
			nd->owner_pid = r->pid;
			memcpy(nd->owner_comm, r->comm, sizeof(nd->owner_comm));
		}
	} else if (netdev->rtnl_link_ops && netdev->rtnl_link_ops->kind) {
		strscpy(ev->id.driver, netdev->rtnl_link_ops->kind,
			sizeof(ev->id.driver));
	}
	mutex_unlock(&nicdiag_dev_lock);
	ev->host.queues = r->queues;
}

/* The netdev a tun or macvtap record is about, with a reference; or NULL. */
static struct net_device *hp_netdev(const struct hp_rec *r)
{
	const struct hp_call *c = &r->call;
	int ifindex;

	if (c->op == NICDIAG_HOST_OP_TAP_OPEN) {
		/* macvtap's character devices are named tap<ifindex>. */
		if (sscanf(c->file, "tap%d", &ifindex) != 1)
			return NULL;
		return dev_get_by_index(&init_net, ifindex);
	}
	if (c->op == NICDIAG_HOST_OP_TUNSETIFF && c->have_ifr &&
	    c->ifr.ifr_name[0] && !strchr(c->ifr.ifr_name, '%'))
		return dev_get_by_name(&init_net, c->ifr.ifr_name);
	return NULL;
}

static enum nicdiag_event_type hp_type(const struct hp_rec *r)
{
	const struct hp_call *c = &r->call;

	if (r->ret)
		return NICDIAG_EV_HOST_FAIL;
	switch (c->op) {
	case NICDIAG_HOST_OP_TUNSETQUEUE:
		return c->have_ifr && (c->ifr.ifr_flags & IFF_DETACH_QUEUE) ?
		       NICDIAG_EV_TAP_DETACH : NICDIAG_EV_TAP_ATTACH;
	case NICDIAG_HOST_OP_TUNSETIFF:
	case NICDIAG_HOST_OP_TAP_OPEN:
		return NICDIAG_EV_TAP_ATTACH;
	case NICDIAG_HOST_OP_VFIO_OPEN:
		return NICDIAG_EV_VFIO_OPEN;
	default:
		return NICDIAG_EV_VHOST_SETUP;
	}
}

static void hp_one(const struct hp_rec *r)
{
	const struct hp_call *c = &r->call;
	struct net_device *netdev;
	struct nicdiag_event *ev;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev) {
		nicdiag_ring_suppressed(hp_type(r));
		return;
	}
	ev->type = hp_type(r);
	ev->pid = r->pid;
	memcpy(ev->comm, r->comm, sizeof(ev->comm));
	ev->host.op = c->op;
	ev->host.ioctl = c->cmd;
	ev->host.err = r->ret < 0 ? -r->ret : 0;
	if (c->have_ifr) {
		ev->host.flags = (u16)c->ifr.ifr_flags;
		if (c->op != NICDIAG_HOST_OP_TUNSETQUEUE)
			strscpy(ev->host.ifname, c->ifr.ifr_name,
				sizeof(ev->host.ifname));
	}
	ev->host.fd = c->have_vf ? c->vf.fd : -1;
	ev->host.index = c->have_vf ? c->vf.index : 0;
	memcpy(ev->host.pci_addr, c->pci_addr, sizeof(ev->host.pci_addr));
	memcpy(ev->host.pci_driver, c->pci_driver, sizeof(ev->host.pci_driver));
	ev->host.pci_id = c->pci_id;

	if (c->pci_addr[0]) {
		strscpy(ev->id.bus_info, c->pci_addr, sizeof(ev->id.bus_info));
		strscpy(ev->id.driver, c->op == NICDIAG_HOST_OP_VFIO_OPEN ?
			"vfio-pci" : c->pci_driver, sizeof(ev->id.driver));
		if (ev->type == NICDIAG_EV_VFIO_OPEN)
			nicdiag_vfio_opened(c->pci_addr, r->pid, r->comm);
	} else if (c->op == NICDIAG_HOST_OP_TAP_OPEN ||
		   c->op == NICDIAG_HOST_OP_TAP_IOCTL) {
		strscpy(ev->id.driver, "macvtap", sizeof(ev->id.driver));
		strscpy(ev->host.ifname, c->file, sizeof(ev->host.ifname));
	} else if (c->op <= NICDIAG_HOST_OP_TUN_IOCTL) {
		strscpy(ev->id.driver, "tun", sizeof(ev->id.driver));
		strscpy(ev->id.ifname, ev->host.ifname, sizeof(ev->id.ifname));
	} else {
		strscpy(ev->id.driver, "vhost_net", sizeof(ev->id.driver));
	}

	netdev = hp_netdev(r);
	if (netdev) {
		hp_ident(ev, netdev, r);
		dev_put(netdev);
	}
	nicdiag_ring_record(ev);
	kfree(ev);
}

static void hp_handle(void *records, unsigned int n)
{
	struct hp_rec *r = records;
	unsigned int i;

	for (i = 0; i < n; i++)
		hp_one(&r[i]);
}

/**
 * nicdiag_hostprobe_stats() - figures for debugfs
 * @registered: probes registered now
 * @missed: calls not seen because every kretprobe instance was busy
 * @lost: records that found the buffer full
 */
void nicdiag_hostprobe_stats(unsigned int *registered, u64 *missed, u64 *lost)
{
	unsigned int i;

	*registered = 0;
	*missed = 0;
	mutex_lock(&hp_lock);
	for (i = 0; i < ARRAY_SIZE(hp_probes); i++) {
		if (!hp_probes[i].registered)
			continue;
		(*registered)++;
		*missed += hp_probes[i].krp.nmissed;
	}
	mutex_unlock(&hp_lock);
	*lost = nicdiag_tp_lost(&hp_src);
}

/**
 * nicdiag_hostprobe_init() - probe the host-side setup calls
 *
 * Probes into modules not loaded yet are registered when they load.
 *
 * Return: 0 or a negative errno.
 */
int nicdiag_hostprobe_init(void)
{
	unsigned int i;
	int err;

	err = nicdiag_tp_attach(&hp_src);
	if (err)
		return err;
	hp_stopping = false;
	/* Suppressed refusals are counted in the stats, not logged. */
	ratelimit_set_flags(&hp_unpriv_rs, RATELIMIT_MSG_ON_RELEASE);
	err = register_module_notifier(&hp_module_nb);
	if (err) {
		nicdiag_tp_detach(&hp_src);
		return err;
	}
	mutex_lock(&hp_lock);
	for (i = 0; i < ARRAY_SIZE(hp_probes); i++)
		hp_register(&hp_probes[i]);
	mutex_unlock(&hp_lock);
	return 0;
}

/**
 * nicdiag_hostprobe_exit() - unregister every probe, finish the records
 */
void nicdiag_hostprobe_exit(void)
{
	unsigned int i;

	unregister_module_notifier(&hp_module_nb);
	mutex_lock(&hp_lock);
	hp_stopping = true;
	for (i = 0; i < ARRAY_SIZE(hp_probes); i++)
		hp_unregister(&hp_probes[i]);
	mutex_unlock(&hp_lock);
	/* unregister_kretprobe() waited for running handlers. */
	nicdiag_tp_detach(&hp_src);
}
