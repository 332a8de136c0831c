/* SPDX-License-Identifier: GPL-2.0 */
/* Decoding of PCIe AER reports: status bits by name, the logged TLP. */
#ifndef NICCTL_AER_H
#define NICCTL_AER_H

#include <stddef.h>
#include <stdint.h>

/* "Poisoned TLP|Completion Timeout" for the bits of @status; unknown bits
 * by number.  @severity is enum nicdiag_aer_severity. */
void aer_status_str(unsigned int severity, uint32_t status, char *buf, size_t len);
/* "MWr64 requester 0000:01:00.0 tag 0x12 address 0xfee00000" */
void aer_tlp_str(const uint32_t dw[4], char *buf, size_t len);
const char *aer_severity_name(unsigned int severity);
const char *aer_relation_name(unsigned int rel);
const char *aer_recovery_name(unsigned int r);

#endif
