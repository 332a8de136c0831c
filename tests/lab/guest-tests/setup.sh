# SPDX-License-Identifier: GPL-2.0
# Setup failures and degradations, one NIC per misconfiguration (see
# t-setup for the QEMU properties), checked in nicctl explain and the
# events.  $1: early or late (how nicdiag was loaded).
MODE=$1
T=/tmp/t
mkdir -p $T
ndevs() { nicctl explain --json 2>/dev/null | grep -c '"verdict"'; }
all_seen() { [ "$(ndevs)" -ge 9 ]; }
check_wait "explain covers all 9 virtio-net devices ($MODE load)" 60 all_seen
nicctl explain
nicctl explain --json > $T/ex.json

# expect DESC PCI VERDICT FIXED-STRING...: that device's line has them all.
expect() {
	_d=$1 _pci=$2 _v=$3
	shift 3
	_l=$(grep -F "\"pci_addr\":\"$_pci\"" $T/ex.json)
	echo "$_l" | grep -qF "\"verdict\":\"$_v\"" || { not_ok "$_d: verdict $_v"; return; }
	for _s in "$@"; do
		echo "$_l" | grep -qF -- "$_s" || { not_ok "$_d: missing '$_s'"; return; }
	done
	ok "$_d"
}
expect "healthy NIC is healthy" 0000:01:00.0 healthy "MSI-X"
expect "ctrl_vq=off: names CTRL_RX without CTRL_VQ, fix ctrl_vq=on" 0000:02:00.0 failed \
	"VIRTIO_NET_F_CTRL_RX without VIRTIO_NET_F_CTRL_VQ" "ctrl_vq=on" "advertises feature VIRTIO_NET_F_CTRL_RX" "FAILED"
expect "vectors=0: INTx, fix vectors=" 0000:03:00.0 degraded "legacy INTx" "vectors=4"
expect "host_mtu=60: MTU ignored, fix host_mtu" 0000:04:00.0 degraded "MTU 60 was ignored" "host_mtu=1500" "<mtu size="
expect "status=off: link changes invisible, fix status=on" 0000:05:00.0 degraded "VIRTIO_NET_F_STATUS" "status=on"
expect "vectors=2: one shared MSI-X vector, fix vectors=" 0000:06:00.0 degraded "one shared MSI-X vector" "vectors=4"
expect "mq=on without ctrl_*: names MQ without CTRL_VQ" 0000:07:00.0 failed \
	"VIRTIO_NET_F_MQ without VIRTIO_NET_F_CTRL_VQ" "ctrl_vq=on (or mq=off"
expect "mq=on,vectors=2 on 4 queues: shared vector, and 2 of 4 pairs" 0000:08:00.0 degraded \
	"one shared MSI-X vector for all 9 virtqueues" "vectors=10" "2 of 4 queue pairs in use"
expect "mq=on on 4 queues, 2 vCPUs: 2 of 4 pairs, by design" 0000:09:00.0 degraded \
	"2 of 4 queue pairs in use: the guest has 2 vCPUs" "by design"

# ---- nicctl report: the causes in its first lines, JSON, redaction ------
nicctl report > $T/report.txt
rc=$?
head -n 30 $T/report.txt
check "report ($MODE load): exit 0" test "$rc" = 0
check "report: its first lines say the module is loaded" sh -c "head -n 2 $T/report.txt | grep -q 'nicdiag module: loaded'"
report_summary $T/report.txt > $T/summary.txt
check "report summary: 2 failed, 6 degraded, 1 healthy" \
	grep -q 'diagnosed: 2 failed, 0 stalled, 0 flapping, 6 degraded, 1 healthy' $T/summary.txt
check "report summary names the ctrl_vq=off probe failure, with its evidence and fix" \
	sh -c "grep -q '(virtio1 0000:02:00.0): failed: the device offers VIRTIO_NET_F_CTRL_RX without VIRTIO_NET_F_CTRL_VQ' $T/summary.txt &&
	       grep -q 'evidence: kernel: .*advertises feature VIRTIO_NET_F_CTRL_RX but not VIRTIO_NET_F_CTRL_VQ' $T/summary.txt &&
	       grep -q 'fix: QEMU: -device virtio-net-pci,...,ctrl_vq=on' $T/summary.txt"
check "report summary names the mq=on probe failure" \
	grep -q '0000:07:00.0): failed: the device offers VIRTIO_NET_F_MQ without VIRTIO_NET_F_CTRL_VQ' $T/summary.txt
for c in 'legacy INTx' 'MTU 60 was ignored' 'no VIRTIO_NET_F_STATUS' 'one shared MSI-X vector' '2 of 4 queue pairs in use'; do
	check "report summary names the degradation '$c'" grep -q "degraded: .*$c" $T/summary.txt
done
check "report: the first cause is on the first screen (line $(grep -n 'failed:' $T/report.txt | head -n 1 | cut -d: -f1))" \
	sh -c "head -n 8 $T/report.txt | grep -q ': failed: the device offers'"
check "report: failed devices come before degraded ones" \
	sh -c "[ \$(grep -n ': failed:' $T/summary.txt | tail -n 1 | cut -d: -f1) -lt \$(grep -n ': degraded:' $T/summary.txt | head -n 1 | cut -d: -f1) ]"
check "report: the devices section holds the failed device's setup snapshot" \
	sh -c "sed -n '/^== devices ==$/,/^== events ==$/p' $T/report.txt | grep -q 'status 0x83 ACKNOWLEDGE|DRIVER|FAILED, driver bound: no'"
check "report: the kernel log section holds the driver's refusal" \
	sh -c "sed -n '/^== kernel_log ==$/,\$p' $T/report.txt | grep -q 'virtio_net virtio1: device advertises feature'"
nicctl report --json > $T/report.json
check "report --json parses" jsoncheck < $T/report.json
jsoncheck -k < $T/report.json | grep -v '^report$' > $T/json-sections
sed -n 's/^== \(.*\) ==$/\1/p' $T/report.txt > $T/text-sections
check "report --json has the text's sections, in order ($(tr '\n' ' ' < $T/json-sections))" \
	cmp -s $T/json-sections $T/text-sections
check "report --json without --redact holds the NICs' MACs (so the next checks mean something)" \
	grep -qiF "$(guest_macs | head -n 1)" $T/report.json
nicctl report --redact > $T/red.txt
nicctl report --redact --json > $T/red.json
check "report --redact: no guest MAC in the text" no_mac_in $T/red.txt
red_json_ok() { no_mac_in $T/red.json && jsoncheck < $T/red.json && grep -q '"address":"mac-[0-9]*"' $T/red.json; }
check "report --redact --json: no guest MAC, still valid JSON, tokens instead" red_json_ok
check "report --redact keeps PCI addresses" grep -q '0000:02:00.0' $T/red.txt
check "report -o FILE writes the report" \
	sh -c "nicctl report -o $T/r.txt && grep -q '^== kernel_log ==' $T/r.txt"

nicctl events --json > $T/ev.json
if [ "$MODE" = early ]; then
	check "probe failures recorded with errno 22 at the features stage" \
		test "$(grep -F '"type":"probe_fail"' $T/ev.json | grep -F '"errno":22' | grep -cF '"stage":"features"')" = 2
	check "successful probes recorded too (7)" test "$(grep -cF '"type":"probe_ok"' $T/ev.json)" = 7
	check "explain cites the probe's errno" grep -qF 'probe returned EINVAL (-22)' $T/ex.json
else
	check "load-time scan recorded all 9 (cause scan)" \
		test "$(grep -F '"type":"setup_scan"' $T/ev.json | grep -cF '"cause":"scan"')" = 9
	check "scan: failed devices unbound with FAILED in status" \
		test "$(grep -F '"type":"setup_scan"' $T/ev.json | grep -F '"driver_bound":false' | grep -cF 'FAILED')" = 2
fi
check "features decoded by name in the events" grep -qF '"features_offered_names":"VIRTIO_NET_F_CTRL_GUEST_OFFLOADS' $T/ev.json
check "status byte decoded" grep -qF '"status_bits":"ACKNOWLEDGE|DRIVER|FAILED"' $T/ev.json
check "nicctl explain eth0 shows one device" test "$(nicctl explain --json eth0 | grep -c verdict)" = 1

# A scan on request; refused without CAP_NET_ADMIN.
runas 65534 65534 nicctl scan > $T/scan.out 2>&1
check "scan as nobody refused (exit 3)" test $? = 3
S0=$(nicctl stats --json | json_num last_seq)
nicctl scan
requested() { [ "$(nicctl events --since $((S0 + 1)) --json | grep -cF '"cause":"scan_request"')" -ge 9 ]; }
check_wait "scan on request recorded every device" 30 requested

if [ "$MODE" = late ]; then
	# The virtio stack goes away and comes back under a loaded nicdiag:
	# the probe watcher follows the virtio module (module notifier).
	S1=$(nicctl stats --json | json_num last_seq)
	for m in virtio_net net_failover failover virtio_pci virtio_pci_modern_dev \
		 virtio_pci_legacy_dev virtio_ring virtio; do
		rmmod $m 2>/dev/null
	done
	check "virtio stack unloaded under nicdiag" sh -c "! grep -q '^virtio ' /proc/modules"
	check "nicctl still answers" nicctl stats > /dev/null
	modprobe virtio_pci
	modprobe virtio_net
	reprobed() {
		nicctl events --since $((S1 + 1)) --json > $T/re.json
		[ "$(grep -cF '"type":"probe_ok"' $T/re.json)" -ge 7 ] &&
		[ "$(grep -cF '"type":"probe_fail"' $T/re.json)" -ge 2 ]
	}
	check_wait "probes after reloading virtio are recorded (7 ok, 2 failed)" 60 reprobed
	check "netdevs departed when virtio_net went away" grep -qF '"type":"dev_depart"' $T/re.json
fi

if [ "$MODE" = early ]; then
	# A misconfigured NIC hotplugged at run time is caught as it probes.
	qmp '{"execute":"netdev_add","arguments":{"type":"user","id":"hpn0","restrict":true}}' > /dev/null
	qmp '{"execute":"device_add","arguments":{"driver":"virtio-net-pci","id":"hpnic0","netdev":"hpn0","bus":"hp0","ctrl_vq":false}}'
	hp_failed() { [ "$(nicctl events --json | grep -F '"type":"probe_fail"' | grep -cF 'CTRL_RX but not')" -ge 2 ]; }
	check_wait "hotplugged ctrl_vq=off NIC: probe failure recorded" 90 hp_failed
	nfail() { nicctl explain --json | grep -cF '"verdict":"failed"'; }
	check "explain now lists 3 failed devices ($(nfail))" test "$(nfail)" = 3
fi

# ---- a history that no longer holds the snapshots: sysfs stands in ----
check "nicctl clear" nicctl clear
report_to $T/cleared.txt $T/cleared-summary.txt
check "report after 'nicctl clear' still names the ctrl_vq=off failure (from sysfs)" \
	grep -q '0000:02:00.0): failed: the device offers VIRTIO_NET_F_CTRL_RX without VIRTIO_NET_F_CTRL_VQ' $T/cleared-summary.txt
check "... and its device section says where it comes from" grep -q '^-- virtio[0-9]* (netdev none, driver none, 0000:02:00.0, from sysfs) --' $T/cleared.txt

# ---- nicctl report without the module: sysfs and the kernel log ----------
check "rmmod nicdiag" rmmod nicdiag
nicctl report > $T/nomod.txt
rc=$?
head -n 12 $T/nomod.txt
check "report without the module: exit 0" test "$rc" = 0
check "report without the module says so in its first lines" \
	sh -c "head -n 3 $T/nomod.txt | grep -q 'nicdiag module: NOT LOADED'"
report_summary $T/nomod.txt > $T/nomod-summary.txt
check "report without the module still names the ctrl_vq=off probe failure (sysfs status, kernel log)" \
	grep -q '0000:02:00.0): failed: the device offers VIRTIO_NET_F_CTRL_RX without VIRTIO_NET_F_CTRL_VQ' $T/nomod-summary.txt
check "... and the mq=on one" \
	grep -q '0000:07:00.0): failed: the device offers VIRTIO_NET_F_MQ without VIRTIO_NET_F_CTRL_VQ' $T/nomod-summary.txt
check "... with the status byte and no driver as evidence" \
	grep -q 'evidence: status 0x83 ACKNOWLEDGE|DRIVER|FAILED; driver not bound' $T/nomod-summary.txt
check "... and the degradations sysfs shows (INTx, no STATUS)" \
	sh -c "grep -q 'degraded: interrupts: legacy INTx' $T/nomod-summary.txt && grep -q 'degraded: no VIRTIO_NET_F_STATUS' $T/nomod-summary.txt"
check "report without the module: the events section says why it is empty" \
	sh -c "grep -A1 '^== events ==$' $T/nomod.txt | grep -q 'unavailable: the nicdiag module is not loaded'"
nicctl report --json --redact > $T/nomod.json
nomod_json_ok() { jsoncheck < $T/nomod.json && no_mac_in $T/nomod.json; }
check "report --json --redact without the module: valid, no guest MAC" nomod_json_ok
insmod /nicdiag.ko
true
