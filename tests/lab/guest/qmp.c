// SPDX-License-Identifier: GPL-2.0
/*
 * qmp: send one QMP command to the host's QEMU from inside a lab guest and
 * print the reply.  The line goes out on /dev/ttyS2; the lab's relay on the
 * host forwards it to QEMU's QMP socket and writes the reply back.
 *
 *   qmp '{"execute":"set_link","arguments":{"name":"nic0","up":false}}'
 *
 * Exit status: 0 on "return", 1 on "error", 2 on a local failure or no
 * reply within 60 s.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char reply[65536];
	struct termios t;
	size_t len = 0;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: qmp JSON\n");
		return 2;
	}
	fd = open("/dev/ttyS2", O_RDWR | O_NOCTTY);
	if (fd < 0 || tcgetattr(fd, &t)) {
		perror("qmp: /dev/ttyS2");
		return 2;
	}
	cfmakeraw(&t);
	tcsetattr(fd, TCSANOW, &t);
	tcflush(fd, TCIFLUSH);
	if (write(fd, argv[1], strlen(argv[1])) < 0 || write(fd, "\n", 1) < 0) {
		perror("qmp: write");
		return 2;
	}
	while (len < sizeof(reply) - 1) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, 60000) <= 0) {
			fprintf(stderr, "qmp: no reply from the host\n");
			return 2;
		}
		n = read(fd, reply + len, sizeof(reply) - 1 - len);
		if (n <= 0)
			return 2;
		len += n;
		reply[len] = '\0';
		if (strchr(reply, '\n'))
			break;
	}
	printf("%s", reply);
	if (strstr(reply, "\"return\""))
		return 0;
	if (strstr(reply, "\"error\""))
		fprintf(stderr, "qmp: error: %s", reply);
	return 1;
}
