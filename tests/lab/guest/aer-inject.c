// SPDX-License-Identifier: GPL-2.0
/*
 * aer-inject DOMAIN:BUS:DEV.FN cor|uncor STATUS [H0 H1 H2 H3]: inject an
 * AER error through the kernel's aer_inject module (/dev/aer_inject), for
 * what QEMU cannot inject (correctable errors).  The kernel then handles
 * it as if the device had reported it.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* drivers/pci/pcie/aer_inject.c */
struct aer_error_inj {
	uint8_t bus;
	uint8_t dev;
	uint8_t fn;
	uint32_t uncor_status;
	uint32_t cor_status;
	uint32_t header_log0;
	uint32_t header_log1;
	uint32_t header_log2;
	uint32_t header_log3;
	uint32_t domain;
};

int main(int argc, char **argv)
{
	struct aer_error_inj e = { 0 };
	unsigned int dom, bus, dev, fn;
	uint32_t status;
	int fd;

	if (argc < 4 || sscanf(argv[1], "%x:%x:%x.%x", &dom, &bus, &dev, &fn) != 4) {
		fprintf(stderr, "usage: aer-inject DOMAIN:BUS:DEV.FN cor|uncor STATUS [H0 H1 H2 H3]\n");
		return 2;
	}
	status = strtoul(argv[3], NULL, 0);
	e.domain = dom;
	e.bus = bus;
	e.dev = dev;
	e.fn = fn;
	if (!strcmp(argv[2], "cor"))
		e.cor_status = status;
	else
		e.uncor_status = status;
	if (argc >= 8) {
		e.header_log0 = strtoul(argv[4], NULL, 0);
		e.header_log1 = strtoul(argv[5], NULL, 0);
		e.header_log2 = strtoul(argv[6], NULL, 0);
		e.header_log3 = strtoul(argv[7], NULL, 0);
	}
	fd = open("/dev/aer_inject", O_WRONLY);
	if (fd < 0) {
		perror("aer-inject: /dev/aer_inject");
		return 1;
	}
	if (write(fd, &e, sizeof(e)) != sizeof(e)) {
		perror("aer-inject: write");
		return 1;
	}
	close(fd);
	return 0;
}
