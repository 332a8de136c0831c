# SPDX-License-Identifier: GPL-2.0
#
#   make            build kmod/nicdiag.ko (against KDIR) and ctl/nicctl
#   make check      install what the tests need, build, run every test
#   make demo       boot the lab and watch nicctl catch a flap and a bad NIC
#   make install    install the module for KDIR's kernel and nicctl
#
# KDIR defaults to the running kernel's build tree; where that does not
# exist (a machine that cannot load modules), to the lab kernel's headers.

VERSION := $(shell cat $(CURDIR)/VERSION)
KDIR ?= $(shell d=/lib/modules/$$(uname -r)/build; \
		if [ -d $$d ]; then echo $$d; else $(CURDIR)/tests/lab/lab kdir; fi)
KREL = $(shell $(MAKE) -s -C $(KDIR) kernelrelease 2>/dev/null)
PREFIX ?= /usr/local

all: module ctl tools

module:
	$(MAKE) -C kmod KDIR=$(KDIR)

ctl:
	$(MAKE) -C ctl

# Test tools the lab puts in its guests.
tools: tests/bin/nlraw

tests/bin/nlraw: tests/tools/nlraw.c
	mkdir -p tests/bin
	$(CC) -O2 -Wall -Wextra -Werror -o $@ $< -lmnl

deps:
	scripts/setup-deps

check: deps
	$(MAKE) all
	tests/run

demo: deps
	$(MAKE) all
	tests/lab/demo

install: all
	install -D -m 0644 kmod/nicdiag.ko $(DESTDIR)/lib/modules/$(KREL)/updates/nicdiag.ko
	install -D -m 0755 ctl/nicctl $(DESTDIR)$(PREFIX)/sbin/nicctl
	[ -n "$(DESTDIR)" ] || depmod -a $(KREL)

# Kernel style: checkpatch --strict (from linux-source-6.1) and sparse.
# compat.h exists to hold LINUX_VERSION_CODE tests: those two checks are
# off for it alone.
CHECKPATCH ?= /usr/src/linux-source-6.1/scripts/checkpatch.pl
lint:
	[ -x $(CHECKPATCH) ] || scripts/setup-deps lint
	cd kmod && $(CHECKPATCH) --strict --no-tree --terse -f \
		$$(ls *.c *.h | grep -v -e '\.mod\.c$$' -e '^compat\.h$$')
	cd kmod && $(CHECKPATCH) --strict --no-tree --terse -f \
		--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON compat.h
	$(MAKE) -C kmod KDIR=$(KDIR) clean
	$(MAKE) -C kmod KDIR=$(KDIR) C=1 W=1

clean:
	$(MAKE) -C kmod KDIR=$(KDIR) clean || true
	$(MAKE) -C ctl clean
	rm -rf tests/bin tests/lab/build tests/out

.PHONY: all module ctl tools deps check demo install lint clean
