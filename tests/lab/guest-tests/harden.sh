# SPDX-License-Identifier: GPL-2.0
# nicdiag must never be what hurts the host.  In one boot, with a NIC that
# failed its probe at boot (ctrl_vq=off) as the evidence to keep:
#  - unload while requests, a listener and events are in flight, again
#    and again (seen: an oops in __queue_work from a scan request that
#    reached a torn-down part; the lab fails on any oops/WARN line);
#  - an unprivileged user's flood of refused TUNSETIFF calls must neither
#    wipe the history nor go uncounted.
# Arguments: none.
check "nicdiag loaded at boot" test -d /sys/module/nicdiag
check "the boot's probe failure is recorded" has probe_fail '"errno_name":"EINVAL"'

# ---- unload with requests in flight -------------------------------------
modprobe dummy numdummies=0
ip link add dh0 type dummy
check "a dummy device for link events" test -e /sys/class/net/dh0
nicctl config drivers '*' > /dev/null
CYCLES=20
ok_cycles=0
i=0
while [ $i -lt $CYCLES ]; do
	[ -d /sys/module/nicdiag ] || load_nicdiag drivers='*' || break
	(while :; do nicctl scan; nicctl show >/dev/null; nicctl events >/dev/null; done) \
		>/dev/null 2>&1 &
	req=$!
	# Scan requests back to back (SETUP_SCAN is command 8), until the
	# family is gone: one of them lands while the module tears down.
	nlraw -r 0 8 > /tmp/scan1.out 2>&1 &
	sc1=$!
	nlraw -r 0 8 > /tmp/scan2.out 2>&1 &
	sc2=$!
	nicctl watch >/dev/null 2>&1 &
	wat=$!
	# Events in flight too: link changes on a dummy device.
	(while :; do ip link set dh0 up; ip link set dh0 down; done) >/dev/null 2>&1 &
	lnk=$!
	sleep 0.$((3 + i % 5))
	# An open dump holds a module reference: rmmod then says busy; retry.
	n=0
	until rmmod nicdiag 2>/dev/null || [ $n -ge 50 ]; do n=$((n + 1)); sleep 0.05; done
	kill $req $wat $lnk $sc1 $sc2 2>/dev/null
	wait $req $wat $lnk $sc1 $sc2 2>/dev/null
	[ -d /sys/module/nicdiag ] || ok_cycles=$((ok_cycles + 1))
	i=$((i + 1))
done
check "unloaded $ok_cycles of $CYCLES times with scans, dumps, a listener and link events in flight" \
	test "$ok_cycles" -eq "$CYCLES"
check "loads again afterwards" load_nicdiag
check "and answers" nicctl stats

# ---- an unprivileged flood of refusals ------------------------------------
# udev leaves /dev/net/tun world-writable on a real host; the lab has none.
modprobe tun
chmod 666 /dev/net/tun
check_wait "after the reload, the scan recorded the NIC that has no driver" 20 \
	has setup_scan '"driver_bound":false'
N=25000
runas 65534 65534 vmnet refuse lo $N > /tmp/refuse.out 2>&1
cat /tmp/refuse.out
# "lo" exists and is no tap: EINVAL, and a name that resolves (the RTNL
# path the work item used to take per record).
check "nobody's $N TUNSETIFF calls for lo were all refused" \
	grep -q "refuse: $N of $N refused (EINVAL)" /tmp/refuse.out
sleep 1
after=$(nicctl stats --json)
echo "# stats after: $after"
fails=$(nicctl events --json | grep -c '"type":"host_fail"')
sup=$(echo "$after" | sed -n 's/.*"host_fail":{"recorded":[0-9]*,"suppressed":\([0-9]*\)}.*/\1/p')
over=$(echo "$after" | json_num overwritten)
check "at most 20 of them recorded as host_fail events ($fails)" test "$fails" -ge 1 -a "$fails" -le 20
check "the rest counted as suppressed host_fail ($sup >= $((N - 20)))" test "${sup:-0}" -ge $((N - 20))
check "nothing overwritten: the history survived ($over)" test "${over:-1}" -eq 0
check "the scan's record of the failed NIC is still there" has setup_scan '"driver_bound":false'
check "nicctl stats shows the suppressed figure" \
	sh -c "nicctl stats | grep -E '^host_fail +[0-9]+ +[0-9]+' | grep -q ' $sup\$'"
# A privileged VM's refusal right after is still recorded.
vmnet badflags rootbad > /dev/null 2>&1
check_wait "root's refusal right after the flood is recorded" 10 \
	has host_fail '"ifname":"rootbad"'

# ---- what an unprivileged reader gets ----------------------------------------
# Debian's default: only CAP_SYSLOG reads the kernel log.
echo 1 > /proc/sys/kernel/dmesg_restrict
r=$(out runas 65534 65534 dmesg); rc=$?
check "as nobody, dmesg is refused (rc $rc)" test "$rc" -ne 0
has_log() { grep -F '"type":"setup_scan"' | grep -q '"log":\["'; }
root_scan_has_log() { nicctl events --json | grep -F '"driver_bound":false' | has_log; }
watch_scan_has_log() { grep -F '"driver_bound":false' /tmp/watch-root.json | has_log; }
check "as root, the scan's event carries the kernel's log lines" root_scan_has_log
runas 65534 65534 nicctl events --json > /tmp/ev-nobody.json 2>&1
check "as nobody, nicctl events works" grep -q '"type":"setup_scan"' /tmp/ev-nobody.json
check "as nobody: no kernel log line in any event" \
	sh -c "! grep -q '\"log\":\[\"' /tmp/ev-nobody.json"
check "as nobody: the scan's event says its log lines were withheld" \
	sh -c "grep -F '\"driver_bound\":false' /tmp/ev-nobody.json | grep -q '\"withheld\":\[\"log\"'"
check "as nobody: no process of anyone's (pid, comm)" \
	sh -c "! grep -q '\"pid\":\|\"comm\":\|\"owner_pid\":' /tmp/ev-nobody.json"
check "as nobody: root's refusal names no process, says so" \
	sh -c "grep -F '\"ifname\":\"rootbad\"' /tmp/ev-nobody.json | grep -q '\"withheld\":\[\"proc\"\]'"
check "as root: root's refusal names its process" \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"rootbad\"' | grep -q '\"comm\":\"vmnet\"'"
runas 65534 65534 nicctl show --json > /tmp/show-nobody.json 2>&1
check "as nobody: nicctl show names no tap owner" \
	sh -c "! grep -q '\"owner_pid\"' /tmp/show-nobody.json"
r=$(out runas 65534 65534 nicctl watch --timeout 2); rc=$?
if [ -n "$(uname -r | grep '^5\.10\.')" ]; then
	# 5.10 cannot restrict a group: notifications carry neither.
	check "5.10: as nobody, watch runs ($rc)" test "$rc" -eq 0
else
	check "as nobody, joining the events group is refused with exit 3 ($r)" \
		sh -c "[ $rc -eq 3 ] && echo '$r' | grep -q CAP_NET_ADMIN"
fi
# Root's watch still prints every event in full (from the history when a
# notification had to leave something out).
nicctl watch --json > /tmp/watch-root.json 2>&1 &
w=$!
sleep 1
nicctl scan
vmnet badflags rootbad2 > /dev/null 2>&1
check_wait "root's watch: the new scan's event, with its kernel log lines" 20 \
	watch_scan_has_log
check_wait "root's watch: root's refusal with its process" 20 \
	sh -c "grep -F '\"ifname\":\"rootbad2\"' /tmp/watch-root.json | grep -q '\"comm\":\"vmnet\"'"
check "root's watch printed no event twice" \
	sh -c "[ \$(grep -o '\"seq\":[0-9]*' /tmp/watch-root.json | sort | uniq -d | wc -l) -eq 0 ]"
kill $w

# ---- a tun file of another namespace, used from this one ------------------
# tun makes the tap in the namespace the file was opened in: nicdiag must
# not take it for this namespace's tap of the same name.
vmnet -name guest=vmA tap vmtapA hold 120 > /tmp/vmA.out 2>&1 &
VMA=$!
check_wait "vmA's tap attached" 20 has tap_attach '"ifname":"vmtapA"' "\"pid\":$VMA"
vmnet nstap vmtapA > /tmp/nstap.out 2>&1
check "a tap named vmtapA made in another namespace from here" grep -q "nstap ok" /tmp/nstap.out
sleep 1
check "nothing recorded of the other namespace's tap" \
	test "$(nicctl events --json | grep -F '"ifname":"vmtapA"' | grep -c '"type":"tap_attach"')" -eq 1
check "vmtapA's owner is still vmA" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"vmtapA\"' | grep -q '\"owner_pid\":$VMA,'"
kill $VMA

# ---- hot-unplug with snapshots queued ---------------------------------------
# Scans queue a snapshot per virtio-net device; the healthy NIC's PCI
# function goes away under them (as with QEMU device_del), then comes back.
IF1=$(netdev_of_virtio virtio1)
PCI1=$(basename "$(readlink -f /sys/bus/virtio/devices/virtio1/..)")
check "NIC 1 ($IF1) is on PCI function $PCI1" test -e "/sys/bus/pci/devices/$PCI1"
i=0
while [ $i -lt 60 ]; do nicctl scan; i=$((i + 1)); done
echo 1 > "/sys/bus/pci/devices/$PCI1/remove"
check_wait "NIC 1's function removed" 20 sh -c "[ ! -e /sys/bus/pci/devices/$PCI1 ]"
check_wait "its departure recorded" 20 has dev_depart "\"bus_info\":\"$PCI1\""
echo 1 > /sys/bus/pci/rescan
check_wait "NIC 1 back after a rescan" 30 sh -c "[ -e /sys/bus/pci/devices/$PCI1 ] && ls /sys/bus/pci/devices/$PCI1/virtio*/net >/dev/null 2>&1"
check "nicdiag still answers" nicctl stats
