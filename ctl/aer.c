// SPDX-License-Identifier: GPL-2.0
/*
 * PCIe AER decoding.  Bit names follow the PCIe specification's AER
 * status registers as the kernel's own AER driver prints them.
 */
#include <stdio.h>
#include <string.h>

#include <linux/nicdiag.h>
#include <nicdiag_names.h>

#include "aer.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const unc_names[32] = {
	[0] = "Undefined",
	[4] = "Data Link Protocol",
	[5] = "Surprise Down Error",
	[12] = "Poisoned TLP",
	[13] = "Flow Control Protocol",
	[14] = "Completion Timeout",
	[15] = "Completer Abort",
	[16] = "Unexpected Completion",
	[17] = "Receiver Overflow",
	[18] = "Malformed TLP",
	[19] = "ECRC",
	[20] = "Unsupported Request",
	[21] = "ACS Violation",
	[22] = "Uncorrectable Internal Error",
	[23] = "MC Blocked TLP",
	[24] = "AtomicOp Egress Blocked",
	[25] = "TLP Prefix Blocked",
	[26] = "Poisoned TLP Egress Blocked",
};

static const char *const cor_names[32] = {
	[0] = "Receiver Error",
	[6] = "Bad TLP",
	[7] = "Bad DLLP",
	[8] = "REPLAY_NUM Rollover",
	[12] = "Replay Timer Timeout",
	[13] = "Advisory Non-Fatal",
	[14] = "Corrected Internal Error",
	[15] = "Header Log Overflow",
};

void aer_status_str(unsigned int severity, uint32_t status, char *buf, size_t len)
{
	const char *const *names = severity == NICDIAG_AER_CORRECTABLE ? cor_names : unc_names;
	size_t o = 0;
	unsigned int b;

	buf[0] = '\0';
	for (b = 0; b < 32 && o < len; b++) {
		if (!(status & (1u << b)))
			continue;
		if (names[b])
			o += snprintf(buf + o, len - o, "%s%s", o ? "|" : "", names[b]);
		else
			o += snprintf(buf + o, len - o, "%sbit%u", o ? "|" : "", b);
	}
	/* The kernel does not read an endpoint's registers over a link that
	 * a fatal error made unreliable ("type=Inaccessible"). */
	if (!buf[0])
		snprintf(buf, len, "status not read (device inaccessible)");
}

/* TLP Fmt[2:0] Type[4:0] (PCIe base spec, TLP header DW0). */
static const char *tlp_kind(unsigned int fmt, unsigned int type, int *addr64)
{
	*addr64 = fmt & 1;
	switch (type) {
	case 0x00:
		return fmt & 2 ? (fmt & 1 ? "MWr64" : "MWr32") : (fmt & 1 ? "MRd64" : "MRd32");
	case 0x01:
		return fmt & 1 ? "MRdLk64" : "MRdLk32";
	case 0x02:
		return fmt & 2 ? "IOWr" : "IORd";
	case 0x04:
		return fmt & 2 ? "CfgWr0" : "CfgRd0";
	case 0x05:
		return fmt & 2 ? "CfgWr1" : "CfgRd1";
	case 0x0a:
		*addr64 = -1;
		return fmt & 2 ? "CplD" : "Cpl";
	case 0x0b:
		*addr64 = -1;
		return fmt & 2 ? "CplDLk" : "CplLk";
	default:
		if ((type & 0x18) == 0x10) {
			*addr64 = -1;
			return fmt & 2 ? "MsgD" : "Msg";
		}
		*addr64 = -1;
		return "TLP";
	}
}

void aer_tlp_str(const uint32_t dw[4], char *buf, size_t len)
{
	unsigned int fmt = (dw[0] >> 29) & 7, type = (dw[0] >> 24) & 0x1f;
	int addr64;
	const char *kind = tlp_kind(fmt, type, &addr64);
	int cpl = type == 0x0a || type == 0x0b;
	/* Requests carry requester ID and tag in DW1, completions in DW2. */
	unsigned int req = (cpl ? dw[2] : dw[1]) >> 16;
	unsigned int tag = ((cpl ? dw[2] : dw[1]) >> 8) & 0xff;
	size_t o;

	snprintf(buf, len, "%s requester %02x:%02x.%u tag 0x%02x", kind, req >> 8,
		 (req >> 3) & 0x1f, req & 7, tag);
	o = strlen(buf);
	if (addr64 == 1)
		snprintf(buf + o, len - o, " address 0x%08x%08x", dw[2], dw[3] & ~3u);
	else if (addr64 == 0)
		snprintf(buf + o, len - o, " address 0x%08x", dw[2] & ~3u);
	else if (cpl)
		snprintf(buf + o, len - o, " completer %02x:%02x.%u", dw[1] >> 24,
			 (dw[1] >> 19) & 0x1f, (dw[1] >> 16) & 7);
	o = strlen(buf);
	snprintf(buf + o, len - o, " [%08x %08x %08x %08x]", dw[0], dw[1], dw[2], dw[3]);
}

const char *aer_severity_name(unsigned int severity)
{
	return severity < N(nicdiag_aer_severity_names) ? nicdiag_aer_severity_names[severity] : "unknown";
}

const char *aer_recovery_name(unsigned int r)
{
	return r < N(nicdiag_aer_recovery_names) ? nicdiag_aer_recovery_names[r] : "unknown";
}

const char *aer_relation_name(unsigned int rel)
{
	return rel < N(nicdiag_aer_relation_names) ? nicdiag_aer_relation_names[rel] : "none";
}
