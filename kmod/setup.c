// SPDX-License-Identifier: GPL-2.0
/*
 * The setup watcher: why a virtio-net device did (not) come up.
 *
 * A kretprobe on virtio_dev_probe() sees every virtio driver probe and its
 * return value; for devices of type net it queues the device for a
 * snapshot.  virtio_dev_probe lives in the virtio module on some kernels:
 * the probe is then registered when that module comes up (module
 * notifier) and unregistered when it goes.  A scan, at load and on
 * request, snapshots virtio-net devices that are already there, bound or
 * not, so a device whose probe failed before nicdiag loaded is still
 * explained.
 *
 * The snapshot is taken in process context, with the PCI parent's device
 * lock held so the device cannot go away underneath, and never calls
 * anything that assumes a bound driver (virtio_has_feature() BUG()s on a
 * device whose probe failed): feature words, the status byte and config
 * space are read through the transport only.  It records the evidence
 * (errno, status, offered and negotiated features, interrupt mode and
 * vectors, queues, MTU, the kernel log lines naming the device);
 * nicctl turns it into a diagnosis.
 */

#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/cpumask.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_net.h>
#include <linux/workqueue.h>

#include "internal.h"

#define SETUP_MAX_PENDING	256
#define VIRTIO_PCI_VENDOR	0x1af4
#define VIRTIO_PCI_NET_LEGACY	0x1000
#define VIRTIO_PCI_NET_MODERN	0x1041

/* Snapshots are taken one at a time, in order, on this queue. */
static struct workqueue_struct *setup_wq;
static atomic_t setup_pending = ATOMIC_INIT(0);
/* Serialises (un)registration of the kretprobe. */
static DEFINE_MUTEX(setup_kp_lock);
static bool setup_kp_registered;

/**
 * struct setup_work - one device to snapshot
 * @work: on setup_wq
 * @dev: the virtio device (a reference is held)
 * @parent: its transport, e.g. the PCI function (a reference is held)
 * @type: the event type to record
 * @cause: its cause
 * @err: the probe's return value (PROBE_* only)
 */
struct setup_work {
	struct work_struct work;
	struct device *dev;
	struct device *parent;
	enum nicdiag_event_type type;
	enum nicdiag_cause cause;
	int err;
};

static bool is_virtio_net(struct device *dev)
{
	return dev->bus && !strcmp(dev->bus->name, "virtio") &&
	       dev_to_virtio(dev)->id.device == VIRTIO_ID_NET;
}

/* Keep the latest lines of the kernel log that name the device. */
static void collect_log(struct nicdiag_setup_info *si, const char *name)
{
	struct nicdiag_kmsg_iter iter;
	char pat[24], *line;
	size_t len;

	line = kmalloc(1024, GFP_KERNEL);
	if (!line)
		return;
	snprintf(pat, sizeof(pat), " %s", name);
	nicdiag_kmsg_rewind(&iter);
	while (nicdiag_kmsg_get_line(&iter, line, 1024, &len)) {
		char *hit;
		unsigned int slot;

		line[min_t(size_t, len, 1023)] = '\0';
		hit = strstr(line, pat);
		/* "virtio1" must not match "virtio10". */
		if (!hit || isalnum(hit[strlen(pat)]))
			continue;
		strim(line);
		if (si->nlog == NICDIAG_LOG_LINES) {
			memmove(si->log[0], si->log[1],
				sizeof(si->log[0]) * (NICDIAG_LOG_LINES - 1));
			si->nlog--;
		}
		slot = si->nlog++;
		strscpy(si->log[slot], line, sizeof(si->log[slot]));
	}
	kfree(line);
}

/* The netdev the device carries, if any: its identity and queues in use. */
static void collect_netdev(struct nicdiag_event *ev, struct device *dev)
{
	struct net_device *netdev;

	rtnl_lock();
	for_each_netdev(&init_net, netdev) {
		if (netdev->dev.parent != dev)
			continue;
		ev->id.ifindex = netdev->ifindex;
		strscpy(ev->id.ifname, netdev->name, sizeof(ev->id.ifname));
		ev->setup.qp = netdev->real_num_tx_queues;
		break;
	}
	rtnl_unlock();
}

static void collect_pci(struct nicdiag_setup_info *si, struct pci_dev *pdev)
{
	int n;

	strscpy(si->pci_addr, pci_name(pdev), sizeof(si->pci_addr));
	if (pdev->msix_enabled)
		si->irq_mode = NICDIAG_IRQ_MSIX;
	else if (pdev->msi_enabled)
		si->irq_mode = NICDIAG_IRQ_MSI;
	else
		si->irq_mode = NICDIAG_IRQ_INTX;
	n = pci_msix_vec_count(pdev);
	si->msix_vectors = n > 0 ? n : 0;
}

/* Config-space fields, read through the transport only. */
static void collect_config(struct nicdiag_setup_info *si,
			   struct virtio_device *vdev)
{
	bool le = si->offered & BIT_ULL(VIRTIO_F_VERSION_1);
	__u16 v16;

	if (!vdev->config->get)
		return;
	if (si->offered & BIT_ULL(VIRTIO_NET_F_MQ)) {
		vdev->config->get(vdev, offsetof(struct virtio_net_config,
						 max_virtqueue_pairs),
				  &v16, sizeof(v16));
		si->max_qp = le ? le16_to_cpu((__force __le16)v16) : v16;
	}
	if (si->offered & BIT_ULL(VIRTIO_NET_F_MTU)) {
		vdev->config->get(vdev, offsetof(struct virtio_net_config, mtu),
				  &v16, sizeof(v16));
		si->mtu = le ? le16_to_cpu((__force __le16)v16) : v16;
	}
}

static u8 stage_of(u8 status, bool bound)
{
	if (status & VIRTIO_CONFIG_S_DRIVER_OK)
		return NICDIAG_STAGE_DONE;
	if (!(status & VIRTIO_CONFIG_S_FAILED))
		return bound ? NICDIAG_STAGE_UNSPEC : NICDIAG_STAGE_NO_DRIVER;
	if (status & VIRTIO_CONFIG_S_FEATURES_OK)
		return NICDIAG_STAGE_DRIVER;
	return NICDIAG_STAGE_FEATURES;
}

static void setup_snapshot(struct setup_work *sw, struct nicdiag_event *ev)
{
	struct virtio_device *vdev = dev_to_virtio(sw->dev);
	struct nicdiag_setup_info *si = &ev->setup;
	struct virtqueue *vq;

	si->has_errno = sw->type != NICDIAG_EV_SETUP_SCAN;
	si->err = sw->err < 0 ? -sw->err : sw->err;
	strscpy(si->virtio_dev, dev_name(sw->dev), sizeof(si->virtio_dev));
	si->bound = !!sw->dev->driver;
	si->status = vdev->config->get_status(vdev);
	si->offered = nicdiag_virtio_offered(vdev);
	si->negotiated = nicdiag_virtio_negotiated(vdev);
	si->stage = stage_of(si->status, si->bound);
	list_for_each_entry(vq, &vdev->vqs, list)
		si->num_vqs++;
	si->cpus = num_online_cpus();
	if (sw->dev->parent && dev_is_pci(sw->dev->parent))
		collect_pci(si, to_pci_dev(sw->dev->parent));
	collect_config(si, vdev);
	strscpy(ev->id.driver, "virtio_net", sizeof(ev->id.driver));
	strscpy(ev->id.bus_info, si->pci_addr[0] ? si->pci_addr :
		si->virtio_dev, sizeof(ev->id.bus_info));
}

static void setup_work_fn(struct work_struct *work)
{
	struct setup_work *sw = container_of(work, struct setup_work, work);
	struct device *parent = sw->parent;
	struct nicdiag_event *ev;
	bool taken = false;

	ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	if (!ev)
		goto out;
	ev->type = sw->type;
	ev->cause = sw->cause;

	/*
	 * The transport's lock keeps it from being removed (we hold a
	 * reference on it: a hot-unplugged PCI function is freed with its
	 * last one); the device's own lock keeps the driver from unbinding
	 * or freezing, which frees the virtqueues, while they are counted.
	 * The driver core takes them in the same order.
	 */
	if (parent)
		device_lock(parent);
	device_lock(sw->dev);
	if (device_is_registered(sw->dev) && is_virtio_net(sw->dev)) {
		setup_snapshot(sw, ev);
		taken = true;
	}
	device_unlock(sw->dev);
	if (parent)
		device_unlock(parent);
	if (taken) {
		collect_netdev(ev, sw->dev);
		collect_log(&ev->setup, ev->setup.virtio_dev);
		nicdiag_ring_record(ev);
	}
	kfree(ev);
out:
	put_device(sw->parent);
	put_device(sw->dev);
	kfree(sw);
	atomic_dec(&setup_pending);
}

/* Queue a snapshot of @dev; any context.  Bounded: excess is dropped. */
static void setup_queue(struct device *dev, enum nicdiag_event_type type,
			enum nicdiag_cause cause, int err, gfp_t gfp)
{
	struct setup_work *sw;

	if (atomic_inc_return(&setup_pending) > SETUP_MAX_PENDING)
		goto drop;
	sw = kzalloc(sizeof(*sw), gfp);
	if (!sw)
		goto drop;
	INIT_WORK(&sw->work, setup_work_fn);
	sw->dev = get_device(dev);
	sw->parent = get_device(dev->parent);
	sw->type = type;
	sw->cause = cause;
	sw->err = err;
	queue_work(setup_wq, &sw->work);
	return;
drop:
	atomic_dec(&setup_pending);
	nicdiag_ring_suppressed(type);
}

/* ---- the kretprobe ------------------------------------------------------- */

static int probe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct device *dev = (struct device *)regs_get_kernel_argument(regs, 0);

	/* Called for every virtio driver probe: keep only net devices. */
	if (!dev || dev_to_virtio(dev)->id.device != VIRTIO_ID_NET)
		return 1;
	*(struct device **)ri->data = dev;
	return 0;
}

static int probe_return(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct device *dev = *(struct device **)ri->data;
	int err = (int)regs_return_value(regs);

	setup_queue(dev, err ? NICDIAG_EV_PROBE_FAIL : NICDIAG_EV_PROBE_OK,
		    NICDIAG_CAUSE_REGISTERED, err, GFP_ATOMIC);
	return 0;
}

static struct kretprobe setup_kp = {
	.kp.symbol_name = "virtio_dev_probe",
	.entry_handler = probe_entry,
	.handler = probe_return,
	.data_size = sizeof(struct device *),
	.maxactive = 16,
};

static void setup_kp_register(void)
{
	int err;

	mutex_lock(&setup_kp_lock);
	if (!setup_kp_registered) {
		/* Registering again after an unregister needs these reset. */
		setup_kp.kp.addr = NULL;
		setup_kp.kp.flags = 0;
		err = register_kretprobe(&setup_kp);
		if (!err)
			setup_kp_registered = true;
		else if (err != -ENOENT && err != -EINVAL)
			pr_warn("cannot watch virtio probes: %d\n", err);
	}
	mutex_unlock(&setup_kp_lock);
}

static void setup_kp_unregister(void)
{
	mutex_lock(&setup_kp_lock);
	if (setup_kp_registered) {
		unregister_kretprobe(&setup_kp);
		setup_kp_registered = false;
	}
	mutex_unlock(&setup_kp_lock);
}

static int setup_module_event(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	struct module *mod = data;

	if (strcmp(mod->name, "virtio"))
		return NOTIFY_DONE;
	/*
	 * COMING, not LIVE: a module waiting for virtio may see it live and
	 * probe before a LIVE notifier has run.
	 */
	if (action == MODULE_STATE_COMING)
		setup_kp_register();
	else if (action == MODULE_STATE_GOING)
		setup_kp_unregister();
	return NOTIFY_DONE;
}

static struct notifier_block setup_module_nb = {
	.notifier_call = setup_module_event,
};

/* ---- the scan ---------------------------------------------------------- */

struct scan_ctx {
	enum nicdiag_cause cause;
};

static int scan_child(struct device *dev, void *data)
{
	struct scan_ctx *ctx = data;

	if (is_virtio_net(dev))
		setup_queue(dev, NICDIAG_EV_SETUP_SCAN, ctx->cause, 0, GFP_KERNEL);
	return 0;
}

/**
 * nicdiag_setup_scan() - snapshot every virtio-net device on PCI now
 * @cause: NICDIAG_CAUSE_SCAN (at load) or NICDIAG_CAUSE_SCAN_REQUEST
 *
 * Bound or not, failed or healthy: each gets a NICDIAG_EV_SETUP_SCAN
 * event.  The snapshots are taken asynchronously, in order.
 */
void nicdiag_setup_scan(enum nicdiag_cause cause)
{
	struct scan_ctx ctx = { .cause = cause };
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev) {
		if (pdev->vendor != VIRTIO_PCI_VENDOR ||
		    (pdev->device != VIRTIO_PCI_NET_LEGACY &&
		     pdev->device != VIRTIO_PCI_NET_MODERN))
			continue;
		device_for_each_child(&pdev->dev, &ctx, scan_child);
	}
}

/**
 * nicdiag_setup_init() - start watching virtio-net setup; scan what exists
 *
 * Return: 0 or a negative errno.
 */
int nicdiag_setup_init(void)
{
	int err;

	setup_wq = alloc_ordered_workqueue("nicdiag_setup", 0);
	if (!setup_wq)
		return -ENOMEM;
	err = register_module_notifier(&setup_module_nb);
	if (err)
		goto err_notifier;
	/* Built in, or its module already loaded: register now. */
	setup_kp_register();
	nicdiag_setup_scan(NICDIAG_CAUSE_SCAN);
	return 0;

err_notifier:
	destroy_workqueue(setup_wq);
	return err;
}

/**
 * nicdiag_setup_exit() - stop watching; wait for queued snapshots
 */
void nicdiag_setup_exit(void)
{
	unregister_module_notifier(&setup_module_nb);
	setup_kp_unregister();
	/*
	 * No new work can be queued now (the family, whose scan request
	 * queues work too, is gone already); finish what is queued.
	 */
	destroy_workqueue(setup_wq);
	setup_wq = NULL;
}
