/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Names of the ABI's values.  Unknown values decode as "type#N" and the
 * like, so a newer module never breaks an older nicctl.
 */
#ifndef NICCTL_DECODE_H
#define NICCTL_DECODE_H

const char *event_type_name(unsigned int type);
const char *cause_name(unsigned int cause);
const char *cause_text(unsigned int cause);
const char *oper_name(unsigned int oper);

#endif
