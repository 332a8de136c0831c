// SPDX-License-Identifier: GPL-2.0
/*
 * flood IFNAME SECONDS [SIZE] - send raw broadcast Ethernet frames on
 * IFNAME for SECONDS through AF_PACKET, as fast as the queue takes them.
 * Source MAC is locally administered, EtherType is the local experimental
 * 0x88b5: nothing leaves the guest that anything would answer. Prints the
 * frames sent and the send errors (ENOBUFS when the qdisc is full).
 *
 * The socket's send buffer is forced to 64 MiB: with the default (~180
 * frames in flight, fewer than the TX ring holds) the socket, not the
 * device, runs out first and the queue never stops.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	unsigned char frame[1514];
	struct sockaddr_ll sll = { 0 };
	unsigned long sent = 0, errs = 0, enobufs = 0;
	double end;
	int sndbuf = 64 << 20;
	size_t size;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: flood IFNAME SECONDS [SIZE]\n");
		return 2;
	}
	size = argc > 3 ? strtoul(argv[3], NULL, 0) : 1000;
	if (size < 60 || size > sizeof(frame))
		size = 1000;
	fd = socket(AF_PACKET, SOCK_RAW, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &sndbuf, sizeof(sndbuf)) < 0)
		perror("flood: SO_SNDBUFFORCE");
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = if_nametoindex(argv[1]);
	sll.sll_halen = ETH_ALEN;
	if (!sll.sll_ifindex) {
		fprintf(stderr, "flood: no interface %s\n", argv[1]);
		return 1;
	}
	memset(frame, 0xff, ETH_ALEN);
	memcpy(frame + ETH_ALEN, "\x02\x00\x00\xde\xad\x01", ETH_ALEN);
	frame[12] = 0x88;
	frame[13] = 0xb5;
	memset(frame + 14, 0x5a, sizeof(frame) - 14);
	memset(sll.sll_addr, 0xff, ETH_ALEN);

	end = now() + atof(argv[2]);
	while (now() < end) {
		if (sendto(fd, frame, size, MSG_DONTWAIT, (struct sockaddr *)&sll,
			   sizeof(sll)) < 0) {
			if (errno == ENOBUFS || errno == EAGAIN) {
				enobufs++;
				usleep(1000);
			} else {
				errs++;
			}
			continue;
		}
		sent++;
	}
	printf("flood %s: sent %lu, queue full %lu, errors %lu\n", argv[1], sent, enobufs,
	       errs);
	return 0;
}
