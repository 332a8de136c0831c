# SPDX-License-Identifier: GPL-2.0
#
#   make            build kmod/nicdiag.ko (against KDIR) and ctl/nicctl
#   make check      install what the tests need, build, run every test
#   make demo       boot the lab and watch nicctl catch a flap and a bad NIC
#   make install    install the module for KDIR's kernel and nicctl
#   make matrix     every Debian kernel (5.10 6.1 6.12 7.2): build with W=1,
#                   run the lab tests in it, print a kernel x test table
#   make bench      benchmarks in the lab (printed figures, no assertions)
#   make tcg-race   count how guests die under each TCG configuration
#                   (TCG_RACE="SCENARIO KERNEL N [CONFIG...]", see
#                   tests/bench/tcg-race)
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
tools: tests/bin/nlraw tests/bin/jsoncheck tests/bin/elapsed

tests/bin/nlraw: tests/tools/nlraw.c
	mkdir -p tests/bin
	$(CC) -O2 -Wall -Wextra -Werror -o $@ $< -lmnl

tests/bin/jsoncheck: tests/tools/jsoncheck.c
	mkdir -p tests/bin
	$(CC) -O2 -Wall -Wextra -Werror -static -o $@ $<

tests/bin/elapsed: tests/tools/elapsed.c
	mkdir -p tests/bin
	$(CC) -O2 -Wall -Wextra -Werror -static -o $@ $<

deps:
	scripts/setup-deps

check: deps
	$(MAKE) all
	tests/run

matrix: deps
	scripts/setup-deps lint
	$(MAKE) ctl tools
	tests/matrix $(KERNELS)

bench: deps
	$(MAKE) ctl tools
	tests/bench/run stall-scan
	tests/bench/run report

demo: deps
	$(MAKE) all
	tests/lab/demo

TCG_RACE ?= patch 6.12 40
tcg-race: deps
	$(MAKE) ctl tools
	tests/bench/run tcg-race $(TCG_RACE)

install: all
	install -D -m 0644 kmod/nicdiag.ko $(DESTDIR)/lib/modules/$(KREL)/updates/nicdiag.ko
	install -D -m 0755 ctl/nicctl $(DESTDIR)$(PREFIX)/sbin/nicctl
	[ -n "$(DESTDIR)" ] || depmod -a $(KREL)

# DKMS: the module's source goes to /usr/src/nicdiag-VERSION; DKMS then
# builds and installs it for the running kernel now and for every kernel
# installed later.  DKMS_KERNELS overrides which kernels (default: running).
DKMS_SRC = $(DESTDIR)/usr/src/nicdiag-$(VERSION)
DKMS_KERNELS ?= $(shell uname -r)

dkms-source:
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)/kmod $(DKMS_SRC)/uapi/linux
	install -m 0644 $$(ls kmod/*.c kmod/*.h | grep -v '\.mod\.c$$') kmod/Kbuild kmod/Makefile $(DKMS_SRC)/kmod/
	install -m 0644 uapi/linux/nicdiag.h $(DKMS_SRC)/uapi/linux/
	install -m 0644 uapi/nicdiag_names.h uapi/nicdiag.yaml $(DKMS_SRC)/uapi/
	install -m 0644 VERSION COPYING $(DKMS_SRC)/
	sed 's/@VERSION@/$(VERSION)/' dkms.conf > $(DKMS_SRC)/dkms.conf

dkms-install: dkms-source
	dkms add -m nicdiag -v $(VERSION)
	for k in $(DKMS_KERNELS); do \
		dkms build -m nicdiag -v $(VERSION) -k $$k && \
		dkms install -m nicdiag -v $(VERSION) -k $$k || exit 1; \
	done

dkms-remove:
	-dkms remove -m nicdiag -v $(VERSION) --all
	rm -rf $(DKMS_SRC)

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

.PHONY: all module ctl tools deps check matrix bench demo tcg-race install lint clean \
	dkms-source dkms-install dkms-remove
