# SPDX-License-Identifier: GPL-2.0
# Guest side of 'make bench-stall': the stall detector's scan cost as the
# number of watched devices grows (dummy devices, up, carrier on, so every
# queue is looked at).  Prints one line per size.
ip=/sbin/ip
[ -x /usr/sbin/ip ] && ip=/usr/sbin/ip
[ -x /bin/ip ] && ip=/bin/ip
modprobe dummy numdummies=0 || { echo "bench: no dummy module"; exit 1; }
nicctl config drivers dummy >/dev/null
nicctl config stall_interval_ms 100 >/dev/null
made=0
printf '%8s %12s %12s %12s\n' devices scan_avg_us scan_max_us ns_per_dev
for n in 10 100 1000; do
	while [ $made -lt $n ]; do
		$ip link add d$made type dummy && $ip link set d$made up
		made=$((made + 1))
	done
	watched=$(nicctl show --json | grep -c '"driver":"dummy"')
	# Let the table settle, then average the scans of three seconds.
	sleep 1
	s0=$(sed -n 's/^scans //p' /sys/kernel/debug/nicdiag/stall)
	sum=0; max=0; k=0
	end=$(( $(date +%s) + 3 ))
	while [ "$(date +%s)" -lt "$end" ]; do
		l=$(sed -n 's/^scan_last_ns //p' /sys/kernel/debug/nicdiag/stall)
		sum=$((sum + l)); k=$((k + 1))
		[ "$l" -gt "$max" ] && max=$l
		sleep 0.1
	done
	s1=$(sed -n 's/^scans //p' /sys/kernel/debug/nicdiag/stall)
	avg=$((sum / k))
	[ "$watched" -gt 0 ] || { echo "bench: no dummy device watched"; exit 1; }
	printf '%8s %12s %12s %12s   (%s scans)\n' "$watched" $((avg / 1000)) $((max / 1000)) \
		$((avg / watched)) $((s1 - s0))
done
