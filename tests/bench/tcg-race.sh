# SPDX-License-Identifier: GPL-2.0
# Guest side of 'tests/bench/run tcg-race': one of the moments at which
# stock kernels were seen to die under TCG with an int3 oops.
#   boot    nothing: the kernel's own patching while CPUs come up
#   flood   a raw AF_PACKET flood on the first NIC (as t-stall's healthy
#           NIC), the moment t-stall@6.12 panicked in get_random_u32
#   patch   the same flood while a tracepoint (sched:sched_switch, run by
#           both CPUs all the time) is enabled and disabled 200 times:
#           text patching by the kernel alone, at a known rate
# Prints one line: 'race: SCENARIO nicdiag=0|1 crng=...' and exits 0.
scenario=$1
nd=0
[ -d /sys/module/nicdiag ] && nd=1
IF=
for n in /sys/class/net/eth*; do [ -e "$n" ] && IF=${n##*/} && break; done
case $scenario in
boot) ;;
flood | patch)
	ip link set "$IF" up
	sleep 1
	flood "$IF" 4 > /dev/null &
	fp=$!
	if [ "$scenario" = patch ]; then
		t=/sys/kernel/tracing
		mount -t tracefs nodev $t 2>/dev/null
		e=$t/events/sched/sched_switch/enable
		i=0
		while [ $i -lt 200 ]; do
			echo 1 > $e
			echo 0 > $e
			i=$((i + 1))
		done
	fi
	wait $fp
	;;
esac
crng=$(dmesg | sed -n 's/^\[ *\([0-9.]*\)\].*crng init done.*/\1/p' | head -n 1)
echo "race: $scenario nicdiag=$nd crng_ready_at=${crng:-never}"
