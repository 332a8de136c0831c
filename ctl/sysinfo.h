/* SPDX-License-Identifier: GPL-2.0 */
/* The system a report comes from: kernel, module, nicctl, taint, command line. */
#ifndef NICCTL_SYSINFO_H
#define NICCTL_SYSINFO_H

#include <stddef.h>

/* "P|O|E" style: the kernel's taint letters with their meaning. */
void taint_str(unsigned long taint, char *buf, size_t len);
/* The system section's content, text and JSON (print.c). */
void sysinfo_print(void);

#endif
