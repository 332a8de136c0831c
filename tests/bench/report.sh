# SPDX-License-Identifier: GPL-2.0
# Guest side of 'tests/bench/run report': how long 'nicctl report' takes
# with 1000 watched devices (dummy devices, up, plus the lab's NIC), text,
# JSON and redacted; five runs each, min/avg/max.  The target is under one
# second; the figure is printed, not asserted.
ip=/sbin/ip
[ -x /usr/sbin/ip ] && ip=/usr/sbin/ip
[ -x /bin/ip ] && ip=/bin/ip
N=${1:-1000}
RUNS=5
modprobe dummy numdummies=0 || { echo "bench: no dummy module"; exit 1; }
nicctl config drivers dummy,virtio_net >/dev/null
made=0
while [ $made -lt "$N" ]; do
	$ip link add d$made type dummy && $ip link set d$made up
	made=$((made + 1))
done
sleep 1
watched=$(nicctl show --json | grep -c '"ifname"')
held=$(nicctl stats --json | sed -n 's/.*"ring_used":\([0-9]*\).*/\1/p')
echo "watched devices: $watched; events held: $held"
[ "$watched" -ge "$N" ] || { echo "bench: only $watched devices watched"; exit 1; }

# run LABEL ARGS...: time 'nicctl report ARGS' RUNS times.
run() {
	_label=$1
	shift
	_min=0 _max=0 _sum=0 _i=0
	while [ $_i -lt $RUNS ]; do
		_us=$(elapsed nicctl report "$@" -o /tmp/bench-report 2>&1 >/dev/null | sed -n 's/^elapsed_us //p')
		[ -n "$_us" ] || { echo "bench: nicctl report $* failed"; exit 1; }
		_sum=$((_sum + _us))
		[ $_i -eq 0 ] || [ "$_us" -lt $_min ] && _min=$_us
		[ "$_us" -gt $_max ] && _max=$_us
		_i=$((_i + 1))
	done
	printf '%-22s %8d %8d %8d %10d\n' "$_label" $((_min / 1000)) $((_sum / RUNS / 1000)) \
		$((_max / 1000)) "$(wc -c < /tmp/bench-report)"
}
printf '%-22s %8s %8s %8s %10s\n' "nicctl report ($watched)" min_ms avg_ms max_ms bytes
run "text"
run "--json" --json
run "--redact" --redact
run "--json --redact" --json --redact
