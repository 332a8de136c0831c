// SPDX-License-Identifier: GPL-2.0
/*
 * Which driver holds each network-class PCI function: a host NIC driver,
 * virtio-pci, or vfio-pci for passthrough to a VM.  A PCI bus notifier
 * records every bind and unbind, with the process that asked (a write to
 * sysfs bind/driver_override, or modprobe).  A failed probe is recorded
 * by hostprobe.c with its errno.
 *
 * The owners of passed-through functions are remembered: when a process
 * opens a function through vfio-pci (VFIO_OPEN) it is the VM, and AER
 * reports on that function are tied to it (aer.c).  The table is bounded;
 * an unbind forgets the function.
 */

#include <linux/mutex.h>
#include <linux/pci.h>

#include "internal.h"

#define VFIO_OWNERS_MAX	64

/**
 * struct vfio_owner - a function some process opened through vfio-pci
 * @pci_addr: the function, "" for a free slot
 * @pid: the process (thread group id)
 * @comm: its name
 */
struct vfio_owner {
	char pci_addr[NICDIAG_BUS_INFO_LEN];
	u32 pid;
	char comm[TASK_COMM_LEN];
};

static DEFINE_MUTEX(owners_lock);
static struct vfio_owner owners[VFIO_OWNERS_MAX];
static unsigned int owners_next;

static struct vfio_owner *owner_find(const char *pci_addr)
{
	unsigned int i;

	for (i = 0; i < VFIO_OWNERS_MAX; i++)
		if (owners[i].pci_addr[0] && !strcmp(owners[i].pci_addr, pci_addr))
			return &owners[i];
	return NULL;
}

/**
 * nicdiag_vfio_opened() - remember the process that opened a function
 * @pci_addr: the function
 * @pid: the process
 * @comm: its name
 *
 * When the table is full the oldest entry makes room.
 */
void nicdiag_vfio_opened(const char *pci_addr, u32 pid, const char *comm)
{
	struct vfio_owner *o;

	mutex_lock(&owners_lock);
	o = owner_find(pci_addr);
	if (!o) {
		o = &owners[owners_next];
		owners_next = (owners_next + 1) % VFIO_OWNERS_MAX;
		strscpy(o->pci_addr, pci_addr, sizeof(o->pci_addr));
	}
	o->pid = pid;
	strscpy(o->comm, comm, sizeof(o->comm));
	mutex_unlock(&owners_lock);
}

/**
 * nicdiag_vfio_owner() - the process that took a function through vfio
 * @pci_addr: the function
 * @pid: set to the process, if known
 * @comm: set to its name (TASK_COMM_LEN bytes), if known
 *
 * Return: true if a process opened @pci_addr through vfio-pci since it
 * was last bound.
 */
bool nicdiag_vfio_owner(const char *pci_addr, u32 *pid, char *comm)
{
	struct vfio_owner *o;
	bool found;

	mutex_lock(&owners_lock);
	o = owner_find(pci_addr);
	found = o && o->pid;
	if (found) {
		*pid = o->pid;
		strscpy(comm, o->comm, TASK_COMM_LEN);
	}
	mutex_unlock(&owners_lock);
	return found;
}

static void owner_forget(const char *pci_addr)
{
	struct vfio_owner *o;

	mutex_lock(&owners_lock);
	o = owner_find(pci_addr);
	if (o)
		memset(o, 0, sizeof(*o));
	mutex_unlock(&owners_lock);
}

static void bind_record(struct pci_dev *pdev, enum nicdiag_event_type type)
{
	struct nicdiag_event *ev = kzalloc(sizeof(*ev), GFP_KERNEL);
	const char *drv = pdev->dev.driver ? pdev->dev.driver->name : "";

	if (!ev) {
		nicdiag_ring_suppressed(type);
		return;
	}
	ev->type = type;
	strscpy(ev->id.bus_info, pci_name(pdev), sizeof(ev->id.bus_info));
	strscpy(ev->id.driver, drv, sizeof(ev->id.driver));
	strscpy(ev->host.pci_addr, pci_name(pdev), sizeof(ev->host.pci_addr));
	strscpy(ev->host.pci_driver, drv, sizeof(ev->host.pci_driver));
	ev->host.pci_id = (u32)pdev->vendor << 16 | pdev->device;
	nicdiag_actor(&ev->pid, ev->comm);
	nicdiag_ring_record(ev);
	kfree(ev);
}

static int pcibind_event(struct notifier_block *nb, unsigned long action,
			 void *data)
{
	struct device *dev = data;
	struct pci_dev *pdev = to_pci_dev(dev);

	if ((pdev->class >> 16) != PCI_BASE_CLASS_NETWORK)
		return NOTIFY_DONE;
	switch (action) {
	case BUS_NOTIFY_BOUND_DRIVER:
		owner_forget(pci_name(pdev));
		bind_record(pdev, NICDIAG_EV_PCI_BIND);
		break;
	case BUS_NOTIFY_UNBIND_DRIVER:
		/* Before the unbind: the driver is still known. */
		bind_record(pdev, NICDIAG_EV_PCI_UNBIND);
		owner_forget(pci_name(pdev));
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block pcibind_nb = {
	.notifier_call = pcibind_event,
};

/**
 * nicdiag_pcibind_init() - follow drivers binding network PCI functions
 *
 * Return: 0 or a negative errno.
 */
int nicdiag_pcibind_init(void)
{
	return bus_register_notifier(&pci_bus_type, &pcibind_nb);
}

/**
 * nicdiag_pcibind_exit() - stop following them
 */
void nicdiag_pcibind_exit(void)
{
	bus_unregister_notifier(&pci_bus_type, &pcibind_nb);
}
