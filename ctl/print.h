/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One output layer for text and JSON, after iproute2's print_*():
 * every value is printed by one call that names its JSON key and its text
 * format, so the two outputs never drift apart.  JSON is one object per
 * line.
 */
#ifndef NICCTL_PRINT_H
#define NICCTL_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

void out_init(FILE *fp, bool json);
bool out_json(void);
void out_obj_open(void);
void out_obj_close(void);
/* JSON: the next out_obj_open() is the value of this key (text: nothing). */
void out_key(const char *key);
void out_nest_open(const char *key);
void out_nest_close(void);
/* A key/value pair: JSON always; text only when fmt is not NULL. */
void out_str(const char *key, const char *fmt, const char *val);
void out_u64(const char *key, const char *fmt, uint64_t val);
void out_bool(const char *key, const char *fmt, bool val);
/* A JSON array of strings (text: nothing). */
void out_arr_open(const char *key);
void out_arr_str(const char *val);
void out_arr_close(void);
/* Text only (no-op in JSON mode). */
void out_text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void json_escape(FILE *fp, const char *s);
void iso_time(char *buf, size_t len, uint64_t real_ns);

#endif
