// SPDX-License-Identifier: GPL-2.0
/*
 * nlraw: send one hand-built generic netlink request and print the
 * kernel's verdict with its extended ack.  Used by the lab tests to send
 * what nicctl never would: unknown commands, missing, wrong-typed and
 * oversized attributes.
 *
 *   nlraw [-d] [-r N] [-F FAMILY] [-v VERSION] CMD [ATTR...]
 *
 * CMD is a number.  Each ATTR is one of
 *   u8:T=V  u16:T=V  u32:T=V  u64:T=V   an integer attribute of type T
 *   str:T=S                             a NUL-terminated string
 *   long:T=N                            a string of N 'x' characters
 *   bin:T=HEX                           raw bytes
 *   nest:T{  ...  }                     a nest (the closing '}' is its
 *                                       own argument)
 * -d sends a dump (NLM_F_DUMP).  -r N sends the request N times, one
 * after the other's answer (0: until the kernel refuses one, e.g. while
 * the module unloads), and prints the last verdict with "after K".
 * Output, one line:
 *   result: ok [N messages]
 *   result: error <errno> <NAME> extack="<message>" [offset=N] [missing=T]
 * Exit status 0 on ok, 1 on a kernel error, 2 on a usage or local error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif

static const char *errno_name(int e)
{
	switch (e) {
	case EINVAL: return "EINVAL";
	case EPERM: return "EPERM";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ENOENT: return "ENOENT";
	case ENODEV: return "ENODEV";
	case ERANGE: return "ERANGE";
	case EMSGSIZE: return "EMSGSIZE";
	case EACCES: return "EACCES";
	default: return "E?";
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: nlraw [-d] [-r N] [-F FAMILY] [-v VERSION] CMD [ATTR...]\n");
	exit(2);
}

/* Resolve a generic netlink family's id; 0 if it does not exist. */
static int family_id(struct mnl_socket *nl, const char *name)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;
	struct nlattr *a;
	int id = 0, len;

	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_seq = 1;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = CTRL_CMD_GETFAMILY;
	g->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return 0;
	len = mnl_socket_recvfrom(nl, buf, sizeof(buf));
	if (len <= 0)
		return 0;
	nlh = (struct nlmsghdr *)buf;
	if (nlh->nlmsg_type == NLMSG_ERROR)
		return 0;
	mnl_attr_for_each(a, nlh, sizeof(*g))
		if (mnl_attr_get_type(a) == CTRL_ATTR_FAMILY_ID)
			id = mnl_attr_get_u16(a);
	return id;
}

/* Add the attributes in argv to nlh; returns the index after them. */
static int put_attrs(struct nlmsghdr *nlh, int argc, char **argv, int i,
		     int depth)
{
	while (i < argc) {
		char *arg = argv[i++], *kind = arg, *eq, *val;
		unsigned long type;

		if (!strcmp(arg, "}")) {
			if (!depth)
				usage();
			return i;
		}
		eq = strchr(arg, ':');
		if (!eq)
			usage();
		*eq = '\0';
		type = strtoul(eq + 1, &val, 0);
		if (!strcmp(kind, "nest")) {
			struct nlattr *n;

			if (*val != '{')
				usage();
			n = mnl_attr_nest_start(nlh, type);
			i = put_attrs(nlh, argc, argv, i, depth + 1);
			mnl_attr_nest_end(nlh, n);
			continue;
		}
		if (*val != '=')
			usage();
		val++;
		if (!strcmp(kind, "u8")) {
			mnl_attr_put_u8(nlh, type, strtoul(val, NULL, 0));
		} else if (!strcmp(kind, "u16")) {
			mnl_attr_put_u16(nlh, type, strtoul(val, NULL, 0));
		} else if (!strcmp(kind, "u32")) {
			mnl_attr_put_u32(nlh, type, strtoul(val, NULL, 0));
		} else if (!strcmp(kind, "u64")) {
			mnl_attr_put_u64(nlh, type, strtoull(val, NULL, 0));
		} else if (!strcmp(kind, "str")) {
			mnl_attr_put_strz(nlh, type, val);
		} else if (!strcmp(kind, "long")) {
			size_t n = strtoul(val, NULL, 0);
			char *s = malloc(n + 1);

			if (!s || n > 3000)
				usage();
			memset(s, 'x', n);
			s[n] = '\0';
			mnl_attr_put_strz(nlh, type, s);
			free(s);
		} else if (!strcmp(kind, "bin")) {
			unsigned char b[512];
			size_t n = 0;

			while (val[0] && val[1] && n < sizeof(b)) {
				sscanf(val, "%2hhx", &b[n++]);
				val += 2;
			}
			mnl_attr_put(nlh, type, n, b);
		} else {
			usage();
		}
	}
	if (depth)
		usage();
	return i;
}

/* Print the verdict carried by an NLMSG_ERROR (or a dump's NLMSG_DONE). */
static int quiet;	/* -r: only the last verdict is printed */
static long sent;

static int verdict(const struct nlmsghdr *nlh, int messages)
{
	const struct nlmsgerr *err = mnl_nlmsg_get_payload(nlh);
	const char *msg = NULL;
	long offs = -1, miss = -1;
	const struct nlattr *a;
	size_t off;
	int e;

	if (nlh->nlmsg_type == NLMSG_DONE) {
		e = *(const int *)mnl_nlmsg_get_payload(nlh);
		off = sizeof(int);
	} else {
		e = err->error;
		/* The TLVs follow the echoed request, whole unless capped. */
		off = sizeof(*err);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			off = sizeof(err->error) + NLMSG_ALIGN(err->msg.nlmsg_len);
	}
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		mnl_attr_for_each(a, nlh, off) {
			switch (mnl_attr_get_type(a)) {
			case NLMSGERR_ATTR_MSG:
				msg = mnl_attr_get_str(a);
				break;
			case NLMSGERR_ATTR_OFFS:
				offs = mnl_attr_get_u32(a);
				break;
#ifdef NLMSGERR_ATTR_MISS_TYPE
			case NLMSGERR_ATTR_MISS_TYPE:
				miss = mnl_attr_get_u32(a);
				break;
#endif
			}
		}
	}
	if (!e) {
		if (!quiet)
			printf("result: ok %d messages\n", messages);
		return 0;
	}
	printf("result: error %d %s extack=\"%s\"", -e, errno_name(-e),
	       msg ? msg : "");
	if (offs >= 0)
		printf(" offset=%ld", offs);
	if (miss >= 0)
		printf(" missing=%ld", miss);
	if (quiet)
		printf(" after %ld", sent);
	printf("\n");
	return 1;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	const char *family = "nicdiag";
	struct mnl_socket *nl;
	struct genlmsghdr *g;
	struct nlmsghdr *nlh;
	int dump = 0, version = 1, one = 1, opt, id, messages = 0, rc;
	unsigned int seq = time(NULL);
	long repeat = 1;

	while ((opt = getopt(argc, argv, "dr:F:v:")) != -1) {
		switch (opt) {
		case 'd': dump = 1; break;
		case 'r': repeat = atol(optarg); quiet = 1; break;
		case 'F': family = optarg; break;
		case 'v': version = atoi(optarg); break;
		default: usage();
		}
	}
	if (optind >= argc)
		usage();

	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("nlraw: netlink socket");
		return 2;
	}
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	id = family_id(nl, family);
	if (!id) {
		printf("result: no family %s\n", family);
		return 1;
	}

	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = id;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | (dump ? NLM_F_DUMP : 0);
	nlh->nlmsg_seq = seq;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = strtoul(argv[optind], NULL, 0);
	g->version = version;
	put_attrs(nlh, argc, argv, optind + 1, 0);

	static char req[1 << 16];

	memcpy(req, buf, nlh->nlmsg_len);
	for (;;) {
		nlh = (struct nlmsghdr *)req;
		nlh->nlmsg_seq = seq++;
		if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
			perror("nlraw: send");
			return 2;
		}
		sent++;
		rc = -1;
		while (rc < 0) {
			int len = mnl_socket_recvfrom(nl, buf, sizeof(buf));

			if (len < 0) {
				perror("nlraw: recv");
				return 2;
			}
			for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, len);
			     nlh = mnl_nlmsg_next(nlh, &len)) {
				if (nlh->nlmsg_type == NLMSG_ERROR ||
				    nlh->nlmsg_type == NLMSG_DONE) {
					rc = verdict(nlh, messages);
					break;
				}
				messages++;
			}
		}
		if (rc || (repeat && sent >= repeat)) {
			if (quiet && !rc)
				printf("result: ok after %ld\n", sent);
			return rc;
		}
	}
}
