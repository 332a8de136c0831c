// SPDX-License-Identifier: GPL-2.0
/*
 * runas: run a command as another user with no supplementary groups and
 * no capabilities, for the lab's permission tests (busybox's setpriv
 * cannot change uids).
 *
 *   runas UID GID CMD [ARG...]
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: runas UID GID CMD [ARG...]\n");
		return 127;
	}
	if (setgroups(0, NULL) || setgid(atoi(argv[2])) || setuid(atoi(argv[1]))) {
		perror("runas");
		return 127;
	}
	execvp(argv[3], argv + 3);
	perror("runas: exec");
	return 127;
}
