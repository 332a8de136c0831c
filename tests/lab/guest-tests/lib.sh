# SPDX-License-Identifier: GPL-2.0
# Guest side of the lab tests (busybox sh): assertions and polling.
# Every check prints one 'ok - ...' or 'not ok - ...' line.

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }

# check DESC CMD...: pass if CMD succeeds.
check() {
	_d=$1
	shift
	if "$@"; then ok "$_d"; else not_ok "$_d"; fi
}

# wait_for SECS CMD...: poll CMD every 0.2 s until it succeeds or SECS pass.
# The emulator is slow and noisy: deadlines are generous, never sleeps.
wait_for() {
	_end=$(( $(date +%s) + $1 ))
	shift
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.2
	done
	return 0
}

# check_wait DESC SECS CMD...: a check that may take up to SECS.
check_wait() {
	_d=$1
	shift
	if wait_for "$@"; then ok "$_d"; else not_ok "$_d"; fi
}

# The netdev bound to driver $1 (first found), e.g. virtio_net.
netdev_of_driver() {
	for _n in /sys/class/net/*; do
		_drv=$(readlink "$_n/device/driver" 2>/dev/null) || continue
		[ "${_drv##*/}" = "$1" ] && { echo "${_n##*/}"; return 0; }
	done
	return 1
}

# The netdev of virtio device $1 (e.g. virtio0), if it has one.
netdev_of_virtio() {
	for _n in /sys/class/net/*; do
		[ "$(basename "$(readlink "$_n/device" 2>/dev/null)")" = "$1" ] &&
			{ echo "${_n##*/}"; return 0; }
	done
	return 1
}

# JSON lines from nicctl: select lines whose "key" has "value" (strings).
jq_has() { grep -F "\"$1\":\"$2\"" ; }

# Value of a numeric or boolean key in one JSON line on stdin.
json_num() { sed -n "s/.*\"$1\":\([0-9a-z]*\).*/\1/p" | head -n 1; }

# has TYPE PATTERN...: a recorded event of TYPE whose JSON line holds
# every PATTERN (fixed strings).
has() {
	_t=$1
	shift
	_l=$(nicctl events --json | grep -F "\"type\":\"$_t\"")
	for _p in "$@"; do
		_l=$(echo "$_l" | grep -F -- "$_p") || return 1
	done
	[ -n "$_l" ]
}

# Output of a command for checks that need it twice.
out() { "$@" 2>&1; }

load_nicdiag() { insmod /nicdiag.ko "$@"; }

# nicctl report's summary section (text) from file $1.
report_summary() { sed -n '/^== summary ==$/,/^== system ==$/p' "$1"; }

# report_to FILE SUMMARY: nicctl report into FILE, its summary into SUMMARY.
report_to() {
	nicctl report > "$1"
	report_summary "$1" > "$2"
}

# Every guest NIC's MAC, lower case (lo's all-zero one left out).
guest_macs() { cat /sys/class/net/*/address | tr 'A-F' 'a-f' | grep -v '^00:00:00:00:00:00$' | sort -u; }

# no_mac_in FILE: none of the guest's MACs appears in it (any case).
no_mac_in() {
	for _m in $(guest_macs); do
		grep -qiF "$_m" "$1" && { echo "# $1 holds $_m"; return 1; }
	done
	return 0
}
