# SPDX-License-Identifier: GPL-2.0
# Host side of the lab tests: boot one VM, run a guest script in it, and
# turn the lab's verdict on the guest kernel log into a test line.
#
#   lab_test NAME [LAB-OPTIONS...] -- GUEST-SCRIPT [ARGS...]
#
# NICDIAG_KERNEL (5.10, 6.1, 6.12, 7.2) picks the guest kernel; default 6.1.
# The guest script runs under busybox sh with tests/lab/guest-tests/lib.sh
# sourced first; it prints 'ok - ...' / 'not ok - ...' lines.

labdir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

lab_test() {
	local name=$1 rc script
	local -a opts=()

	shift
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		opts+=("$1")
		shift
	done
	shift
	# The last line proves the guest script ran to its end: a lab that
	# failed to boot or crashed must never read as a clean run.
	script="$(cat "$labdir/guest-tests/lib.sh" "$1")
echo @@GUEST-SCRIPT-END@@"
	shift
	out=$(mktemp)
	"$labdir/lab" run ${NICDIAG_KERNEL:+--kernel "$NICDIAG_KERNEL"} "${opts[@]}" \
		-- sh -c "$script" guest "$@" | tee "$out"
	rc=${PIPESTATUS[0]}
	if ! grep -q '^@@GUEST-SCRIPT-END@@$' "$out"; then
		echo "not ok - $name: the guest script did not run to its end (lab exit $rc)"
		rm -f "$out"
		return 0
	fi
	rm -f "$out"
	case $rc in
	124) echo "not ok - $name: lab timed out (console tail above)" ;;
	125) echo "not ok - $name: guest kernel log has oops/WARN/BUG lines" ;;
	126) echo "not ok - $name: QEMU exited before the test ended" ;;
	*) echo "ok - $name: guest kernel log has no oops/WARN/BUG" ;;
	esac
	return 0
}
