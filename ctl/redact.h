/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Redaction for public bug trackers: MAC addresses, IPv4 and IPv6
 * addresses and the host's name become tokens (mac-1, ip4-1, ip6-1,
 * host-1), the same input always the same token.  PCI addresses, time
 * stamps, versions and TLP words are not personal data and stay.
 */
#ifndef NICCTL_REDACT_H
#define NICCTL_REDACT_H

struct redactor;

/* @hostname: the name to hide (and its first label), or NULL. */
struct redactor *redact_new(const char *hostname);
/* A redacted copy of @in (free() it), or NULL when out of memory. */
char *redact(struct redactor *r, const char *in);
void redact_free(struct redactor *r);

#endif
