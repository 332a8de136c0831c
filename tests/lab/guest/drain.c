// SPDX-License-Identifier: GPL-2.0
/*
 * drain TTY - wait until everything written to TTY has been sent.  The
 * lab's init runs it on the output port before powering off: the UART
 * driver still holds up to a buffer's worth (the end of the guest's
 * dmesg and the end marker) when the write returns.
 */
#include <fcntl.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: drain TTY\n");
		return 2;
	}
	fd = open(argv[1], O_WRONLY | O_NOCTTY);
	if (fd < 0 || tcdrain(fd) < 0) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
