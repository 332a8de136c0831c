// SPDX-License-Identifier: GPL-2.0
/*
 * Runtime configuration and the rule that decides which devices to watch.
 */

#include <linux/ctype.h>
#include <linux/rtnetlink.h>
#include <linux/string.h>
#include <net/rtnetlink.h>

#include "internal.h"

struct nicdiag_config nicdiag_config;

/**
 * nicdiag_drivers_validate() - check a driver-match list
 * @list: comma-separated names: driver or link kind, "pci" or "*"
 * @why: set to a message for the user when the list is refused
 *
 * Names are 1..31 characters of [A-Za-z0-9_.-], or exactly "*".
 *
 * Return: 0, or -EINVAL with @why set.
 */
int nicdiag_drivers_validate(const char *list, const char **why)
{
	size_t len = 0, names = 0;
	const char *p;

	if (strlen(list) > NICDIAG_DRIVERS_MAX) {
		*why = "nicdiag: driver list too long";
		return -EINVAL;
	}
	for (p = list; ; p++) {
		if (*p == ',' || *p == '\0') {
			if (!len) {
				*why = "nicdiag: empty name in driver list";
				return -EINVAL;
			}
			names++;
			len = 0;
			if (*p == '\0')
				break;
			continue;
		}
		if (*p == '*' && (p[1] == ',' || p[1] == '\0') &&
		    (p == list || p[-1] == ',')) {
			len++;
			continue;
		}
		if (!isalnum(*p) && *p != '_' && *p != '-' && *p != '.') {
			*why = "nicdiag: driver names are [A-Za-z0-9_.-] or \"*\"";
			return -EINVAL;
		}
		if (++len >= NICDIAG_DRIVER_LEN) {
			*why = "nicdiag: driver name too long";
			return -EINVAL;
		}
	}
	if (!names) {
		*why = "nicdiag: empty driver list";
		return -EINVAL;
	}
	return 0;
}

/**
 * nicdiag_config_init() - set the configuration from module parameters
 * @flap_threshold: see struct nicdiag_config
 * @flap_window_ms: see struct nicdiag_config
 * @drivers: see struct nicdiag_config
 * @stall_threshold_ms: see struct nicdiag_config
 * @stall_interval_ms: see struct nicdiag_config
 *
 * Return: 0, or -EINVAL (and a message in the log) for a bad value.
 */
int nicdiag_config_init(unsigned int flap_threshold,
			unsigned int flap_window_ms, const char *drivers,
			unsigned int stall_threshold_ms,
			unsigned int stall_interval_ms)
{
	const char *why = NULL;

	if (flap_threshold < NICDIAG_FLAP_THRESHOLD_MIN ||
	    flap_threshold > NICDIAG_FLAP_THRESHOLD_MAX) {
		pr_err("flap_threshold must be %d..%d\n",
		       NICDIAG_FLAP_THRESHOLD_MIN, NICDIAG_FLAP_THRESHOLD_MAX);
		return -EINVAL;
	}
	if (flap_window_ms < NICDIAG_FLAP_WINDOW_MS_MIN ||
	    flap_window_ms > NICDIAG_FLAP_WINDOW_MS_MAX) {
		pr_err("flap_window_ms must be %d..%d\n",
		       NICDIAG_FLAP_WINDOW_MS_MIN, NICDIAG_FLAP_WINDOW_MS_MAX);
		return -EINVAL;
	}
	if (stall_threshold_ms < NICDIAG_STALL_THRESHOLD_MS_MIN ||
	    stall_threshold_ms > NICDIAG_STALL_THRESHOLD_MS_MAX) {
		pr_err("stall_threshold_ms must be %d..%d\n",
		       NICDIAG_STALL_THRESHOLD_MS_MIN,
		       NICDIAG_STALL_THRESHOLD_MS_MAX);
		return -EINVAL;
	}
	if (stall_interval_ms < NICDIAG_STALL_INTERVAL_MS_MIN ||
	    stall_interval_ms > NICDIAG_STALL_INTERVAL_MS_MAX ||
	    stall_interval_ms > stall_threshold_ms) {
		pr_err("stall_interval_ms must be %d..%d and at most stall_threshold_ms\n",
		       NICDIAG_STALL_INTERVAL_MS_MIN,
		       NICDIAG_STALL_INTERVAL_MS_MAX);
		return -EINVAL;
	}
	if (nicdiag_drivers_validate(drivers, &why)) {
		pr_err("drivers: %s\n", why ? why : "invalid");
		return -EINVAL;
	}
	nicdiag_config.flap_threshold = flap_threshold;
	nicdiag_config.flap_window_ms = flap_window_ms;
	nicdiag_config.stall_threshold_ms = stall_threshold_ms;
	nicdiag_config.stall_interval_ms = stall_interval_ms;
	strscpy(nicdiag_config.drivers, drivers, sizeof(nicdiag_config.drivers));
	return 0;
}

static bool name_matches(const char *name, const char *list)
{
	size_t n = strlen(name);
	const char *p = list;

	if (!n)
		return false;
	while (*p) {
		size_t len = strcspn(p, ",");

		if (len == n && !strncmp(p, name, n))
			return true;
		p += len;
		if (*p == ',')
			p++;
	}
	return false;
}

/**
 * nicdiag_match() - whether a device is to be watched
 * @dev: the device; caller holds RTNL
 * @id: its identity (driver name from ethtool)
 * @pci_addr: its PCI function, or ""
 *
 * Return: true if the configured list names its driver, its link kind,
 * "pci" and it sits on a PCI function, or "*".
 */
bool nicdiag_match(struct net_device *dev, const struct nicdiag_ident *id,
		   const char *pci_addr)
{
	const char *list = nicdiag_config.drivers;

	ASSERT_RTNL();
	if (name_matches("*", list) || name_matches(id->driver, list))
		return true;
	if (dev->rtnl_link_ops && dev->rtnl_link_ops->kind &&
	    name_matches(dev->rtnl_link_ops->kind, list))
		return true;
	return pci_addr[0] && name_matches("pci", list);
}
