// SPDX-License-Identifier: GPL-2.0
/*
 * PCIe AER reports, tied to the NICs they hit.
 *
 * The kernel's AER driver reports every error it handles through the
 * tracepoint ras:aer_event (not exported to modules: found by name).  The
 * probe copies the report into a small fixed buffer (overflow counted) and
 * a work item, in process context, finds the PCI device, whether its
 * driver can recover from errors, and every watched netdev it carries: a
 * NIC on that function (virtio-net through its virtio child), or any NIC
 * below it when the reporter is a port.
 *
 * The kernel reports recovery's outcome only in its log ("AER: device
 * recovery failed", "can't recover (no error_detected callback)"): two
 * seconds after an uncorrectable report, the newest such lines naming the
 * reporter or its root port are recorded as an AER_RECOVERY event.
 */

#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <ras/ras_event.h>

#include "internal.h"
#include "tpsource.h"

#define OUTCOME_MAX		16
#define OUTCOME_DELAY_MS	2000

/* What the probe saw, for the work item. */
struct aer_pending {
	char name[NICDIAG_BUS_INFO_LEN];
	u32 status;
	u8 severity;
	u8 tlp_valid;
	u32 tlp[4];
};

/* Reporters whose recovery outcome is still to be read from the log. */
struct aer_outcome {
	char reporter[NICDIAG_BUS_INFO_LEN];
	char port[NICDIAG_BUS_INFO_LEN];
};

static DEFINE_MUTEX(outcome_lock);
static struct aer_outcome outcomes[OUTCOME_MAX];
static unsigned int n_outcomes;
static struct delayed_work outcome_work;

/* The kernel's AER_NONFATAL/AER_FATAL/AER_CORRECTABLE as nicdiag's values. */
static u8 severity_of(u8 kernel_severity)
{
	switch (kernel_severity) {
	case 0:
		return NICDIAG_AER_NONFATAL;
	case 1:
		return NICDIAG_AER_FATAL;
	case 2:
		return NICDIAG_AER_CORRECTABLE;
	default:
		return NICDIAG_AER_UNKNOWN;
	}
}

/* Tracepoint ras:aer_event; the prototype is the kernel's (compat.h). */
static NICDIAG_AER_PROBE(aer_probe)
{
	struct aer_pending p = {};

	strscpy(p.name, dev_name, sizeof(p.name));
	p.status = status;
	p.severity = severity_of(severity);
	p.tlp_valid = tlp_header_valid && tlp;
	if (p.tlp_valid)
		nicdiag_tlp_words(tlp, p.tlp);
	nicdiag_tp_push(data, &p);
}

static struct pci_dev *pci_by_name(const char *name)
{
	struct device *d = bus_find_device_by_name(&pci_bus_type, NULL, name);

	return d ? to_pci_dev(d) : NULL;
}

/**
 * relation() - how a reporting PCI device relates to a NIC's function
 * @reporter: the device the AER report names
 * @nic_pci: the NIC's PCI function, by name
 *
 * Return: NICDIAG_AER_REL_SELF, NICDIAG_AER_REL_UPSTREAM (a bridge or port
 * above the NIC) or 0.
 */
static u8 relation(struct pci_dev *reporter, const char *nic_pci)
{
	struct pci_dev *nic, *up;
	u8 rel = 0;

	if (!strcmp(pci_name(reporter), nic_pci))
		return NICDIAG_AER_REL_SELF;
	nic = pci_by_name(nic_pci);
	if (!nic)
		return 0;
	for (up = pci_upstream_bridge(nic); up; up = pci_upstream_bridge(up))
		if (up == reporter) {
			rel = NICDIAG_AER_REL_UPSTREAM;
			break;
		}
	pci_dev_put(nic);
	return rel;
}

static void aer_record(const struct nicdiag_dev *nd, const struct aer_pending *p,
		       const char *driver, bool handlers, u8 rel)
{
	struct nicdiag_event ev;

	memset(&ev, 0, sizeof(ev));
	ev.type = NICDIAG_EV_AER;
	if (nd) {
		ev.id = nd->id;
	} else {
		strscpy(ev.id.bus_info, p->name, sizeof(ev.id.bus_info));
		strscpy(ev.id.driver, driver, sizeof(ev.id.driver));
		/* Passed through to a VM: the error is that VM's. */
		nicdiag_vfio_owner(p->name, &ev.pid, ev.comm);
	}
	strscpy(ev.aer.pci_addr, p->name, sizeof(ev.aer.pci_addr));
	strscpy(ev.aer.driver, driver, sizeof(ev.aer.driver));
	ev.aer.severity = p->severity;
	ev.aer.status = p->status;
	ev.aer.tlp_valid = p->tlp_valid;
	memcpy(ev.aer.tlp, p->tlp, sizeof(ev.aer.tlp));
	ev.aer.handlers = handlers;
	ev.aer.relation = rel;
	nicdiag_ring_record(&ev);
}

static void count(struct nicdiag_dev *nd, u8 severity)
{
	if (severity == NICDIAG_AER_CORRECTABLE)
		nd->n_aer_cor++;
	else if (severity == NICDIAG_AER_NONFATAL)
		nd->n_aer_nonfatal++;
	else if (severity == NICDIAG_AER_FATAL)
		nd->n_aer_fatal++;
}

static void outcome_queue(struct pci_dev *pdev)
{
	struct pci_dev *rp = pcie_find_root_port(pdev);
	unsigned int i;

	mutex_lock(&outcome_lock);
	for (i = 0; i < n_outcomes; i++)
		if (!strcmp(outcomes[i].reporter, pci_name(pdev)))
			break;
	if (i == n_outcomes && n_outcomes < OUTCOME_MAX) {
		strscpy(outcomes[i].reporter, pci_name(pdev),
			sizeof(outcomes[i].reporter));
		strscpy(outcomes[i].port, rp ? pci_name(rp) : "",
			sizeof(outcomes[i].port));
		n_outcomes++;
	}
	mutex_unlock(&outcome_lock);
	/* Only the report work queues this; exit cancels that first. */
	mod_delayed_work(system_power_efficient_wq, &outcome_work,
			 msecs_to_jiffies(OUTCOME_DELAY_MS));
}

/* "<name>:" as a whole device name in a log line. */
static bool names(const char *line, const char *name)
{
	const char *hit = name[0] ? strstr(line, name) : NULL;

	return hit && hit > line && hit[-1] == ' ' &&
	       hit[strlen(name)] == ':';
}

/* The newest recovery lines for @o; returns enum nicdiag_aer_recovery. */
static u8 outcome_read(const struct aer_outcome *o, struct nicdiag_aer_info *a)
{
	struct nicdiag_kmsg_iter iter;
	u8 result = NICDIAG_AER_RECOVERY_UNKNOWN;
	size_t len;
	char *line;

	line = kmalloc(1024, GFP_KERNEL);
	if (!line)
		return result;
	nicdiag_kmsg_rewind(&iter);
	while (nicdiag_kmsg_get_line(&iter, line, 1024, &len)) {
		line[min_t(size_t, len, 1023)] = '\0';
		if (!strstr(line, "AER: ") ||
		    (!names(line, o->reporter) && !names(line, o->port)))
			continue;
		if (strstr(line, "recovery successful"))
			result = NICDIAG_AER_RECOVERY_OK;
		else if (strstr(line, "recovery failed") ||
			 strstr(line, "can't recover"))
			result = NICDIAG_AER_RECOVERY_FAILED;
		else
			continue;
		strim(line);
		if (a->nlog == ARRAY_SIZE(a->log)) {
			memmove(a->log[0], a->log[1], sizeof(a->log[0]));
			a->nlog--;
		}
		strscpy(a->log[a->nlog++], line, sizeof(a->log[0]));
	}
	kfree(line);
	return result;
}

static void outcome_fn(struct work_struct *work)
{
	struct aer_outcome *batch;
	struct nicdiag_event *ev;
	struct nicdiag_dev *nd;
	struct pci_dev *pdev;
	unsigned int n, i;

	batch = kmalloc_array(OUTCOME_MAX, sizeof(*batch), GFP_KERNEL);
	ev = kmalloc(sizeof(*ev), GFP_KERNEL);
	if (!batch || !ev)
		goto out;
	mutex_lock(&outcome_lock);
	n = n_outcomes;
	memcpy(batch, outcomes, n * sizeof(*batch));
	n_outcomes = 0;
	mutex_unlock(&outcome_lock);

	for (i = 0; i < n; i++) {
		memset(ev, 0, sizeof(*ev));
		ev->type = NICDIAG_EV_AER_RECOVERY;
		strscpy(ev->aer.pci_addr, batch[i].reporter,
			sizeof(ev->aer.pci_addr));
		ev->aer.recovery = outcome_read(&batch[i], &ev->aer);
		pdev = pci_by_name(batch[i].reporter);
		mutex_lock(&nicdiag_dev_lock);
		list_for_each_entry(nd, &nicdiag_devs, node) {
			if (!pdev || !nd->pci_addr[0])
				continue;
			ev->aer.relation = relation(pdev, nd->pci_addr);
			if (!ev->aer.relation)
				continue;
			ev->id = nd->id;
			nicdiag_ring_record(ev);
		}
		mutex_unlock(&nicdiag_dev_lock);
		pci_dev_put(pdev);
	}
out:
	kfree(ev);
	kfree(batch);
}

static void aer_one(const struct aer_pending *p)
{
	struct pci_dev *pdev = pci_by_name(p->name);
	char driver[NICDIAG_DRIVER_LEN] = "";
	bool handlers = false;
	struct nicdiag_dev *nd;
	unsigned int hits = 0;
	u8 rel;

	if (pdev) {
		device_lock(&pdev->dev);
		if (pdev->dev.driver) {
			const struct pci_driver *drv = to_pci_driver(pdev->dev.driver);

			strscpy(driver, pdev->dev.driver->name, sizeof(driver));
			handlers = drv->err_handler &&
				   drv->err_handler->error_detected;
		}
		device_unlock(&pdev->dev);
	}

	mutex_lock(&nicdiag_dev_lock);
	list_for_each_entry(nd, &nicdiag_devs, node) {
		if (!pdev || !nd->pci_addr[0])
			continue;
		rel = relation(pdev, nd->pci_addr);
		if (!rel)
			continue;
		count(nd, p->severity);
		aer_record(nd, p, driver, handlers, rel);
		hits++;
	}
	/* No watched NIC under it: still an event, named by the PCI device. */
	if (!hits)
		aer_record(NULL, p, driver, handlers, 0);
	mutex_unlock(&nicdiag_dev_lock);
	if (hits && pdev && p->severity != NICDIAG_AER_CORRECTABLE)
		outcome_queue(pdev);
	pci_dev_put(pdev);
}

static void aer_handle(void *records, unsigned int n)
{
	struct aer_pending *p = records;
	unsigned int i;

	for (i = 0; i < n; i++)
		aer_one(&p[i]);
}

/*
 * The probe is registered through a void pointer: have the compiler hold
 * it against the kernel's own prototype of the tracepoint.
 */
static void __maybe_unused aer_probe_type_check(void)
{
	check_trace_callback_type_aer_event(aer_probe);
}

static struct nicdiag_tp aer_tp = {
	.name = "aer_event",
	.probe = aer_probe,
	.type = NICDIAG_EV_AER,
	.size = sizeof(struct aer_pending),
	.handle = aer_handle,
};

/**
 * nicdiag_aer_init() - attach to ras:aer_event
 *
 * A kernel without the tracepoint (no CONFIG_PCIEAER) runs without AER
 * events.
 *
 * Return: 0 or a negative errno from the registration.
 */
int nicdiag_aer_init(void)
{
	INIT_DELAYED_WORK(&outcome_work, outcome_fn);
	n_outcomes = 0;
	return nicdiag_tp_attach(&aer_tp);
}

/**
 * nicdiag_aer_exit() - detach; no report is handled after this returns
 */
void nicdiag_aer_exit(void)
{
	nicdiag_tp_detach(&aer_tp);
	cancel_delayed_work_sync(&outcome_work);
}
