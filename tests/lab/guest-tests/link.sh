# SPDX-License-Identifier: GPL-2.0
# Link-state transitions end to end, in one boot with nicdiag loaded before
# the virtio drivers: show, events, watch, flap detection, MTU and rename,
# configuration and its validation, permissions, malformed requests,
# namespaces, hotplug, debugfs, and unload with listeners attached.

IF=$(netdev_of_driver virtio_net)
check "virtio_net netdev is present ($IF)" test -n "$IF"
T=/tmp/t
mkdir -p $T

# -- show ------------------------------------------------------------------
nicctl show > $T/show.txt 2>&1
nicctl show --json > $T/show.json 2>&1
cat $T/show.txt
dev_line() { grep -F "\"ifname\":\"$1\"" $T/show.json; }
check "nicctl show --json lists $IF as virtio_net" \
	sh -c "grep -F '\"ifname\":\"$IF\"' $T/show.json | grep -qF '\"driver\":\"virtio_net\"'"
check "nicctl show lists $IF with its PCI address" \
	sh -c "grep -F '\"ifname\":\"$IF\"' $T/show.json | grep -q '\"pci_addr\":\"0000:'"
check "nicctl show (text) names $IF" grep -q "$IF" $T/show.txt
check "nicctl show $IF (do by name) answers" sh -c "nicctl show $IF | grep -q $IF"

# -- arrival at probe time ----------------------------------------------------
nicctl events --json > $T/ev0.json
check "arrival of $IF recorded with cause registered" \
	sh -c "grep -F '\"type\":\"dev_arrive\"' $T/ev0.json | grep -F '\"ifname\":\"$IF\"' | grep -qF '\"cause\":\"registered\"'"

# -- a watcher for the rest of the link checks --------------------------------
nicctl watch --json > $T/watch.json 2> $T/watch.err &
WPID=$!
nicctl watch > $T/watch.txt 2>&1 &
WPID2=$!
sleep 1

ip link set "$IF" up
check_wait "$IF carrier on after admin up" 30 grep -qx 1 /sys/class/net/$IF/carrier
SEQ0=$(nicctl stats --json | json_num last_seq)
check "stats report a last sequence number ($SEQ0)" test -n "$SEQ0"

# -- QMP set_link down/up: two link events, in order --------------------------
qmp-set-link nic0 off
check_wait "carrier off after QMP set_link up=false" 30 grep -qx 0 /sys/class/net/$IF/carrier
qmp-set-link nic0 on
check_wait "carrier on after QMP set_link up=true" 30 grep -qx 1 /sys/class/net/$IF/carrier
sleep 1
nicctl events --since $((SEQ0 + 1)) --json > $T/ev1.json
cat $T/ev1.json
line_of() { grep -n -F "\"type\":\"$2\"" "$1" | grep -F "\"ifname\":\"$IF\"" | head -n 1 | cut -d: -f1; }
in_order() {
	_a=$(line_of "$1" carrier_off)
	_b=$(line_of "$1" carrier_on)
	[ -n "$_a" ] && [ -n "$_b" ] && [ "$_a" -lt "$_b" ]
}
check "nicctl events: carrier_off then carrier_on for $IF" in_order $T/ev1.json
check "events carry the kernel's carrier counters" grep -q '"carrier_down_count":[1-9]' $T/ev1.json
check_wait "nicctl watch --json saw carrier_off then carrier_on" 20 in_order $T/watch.json
check_wait "nicctl watch (text) printed the carrier change" 20 grep -q "$IF.*carrier off" $T/watch.txt
check "sequence numbers in events are consecutive" \
	sh -c "sed -n 's/.*\"seq\":\([0-9]*\).*/\1/p' $T/ev1.json | awk 'NR>1 && \$1!=p+1 {exit 1} {p=\$1}'"

# -- flapping: one event, not a flood ----------------------------------------
check "config flap_threshold 4 accepted" nicctl config flap_threshold 4
check "config flap_window_ms 15000 accepted" nicctl config flap_window_ms 15000
check "config reads back flap_threshold 4" sh -c "nicctl config flap_threshold | grep -qw 4"
SEQ1=$(nicctl stats --json | json_num last_seq)
for i in 1 2 3 4; do
	qmp-set-link nic0 off > /dev/null
	wait_for 30 grep -qx 0 /sys/class/net/$IF/carrier
	qmp-set-link nic0 on > /dev/null
	wait_for 30 grep -qx 1 /sys/class/net/$IF/carrier
done
# linkwatch delivers non-urgent changes up to a second late: wait until
# every transition has been seen before counting.
ndown() { nicctl show --json | grep -F "\"ifname\":\"$IF\"" | json_num n_carrier_down; }
down_all_seen() { [ "$(ndown)" -ge 5 ]; }
check_wait "nicctl show counts every carrier-down transition" 30 down_all_seen
flapped() { nicctl events --since $((SEQ1 + 1)) --json | grep -F '"type":"flapping"' | grep -qF "\"ifname\":\"$IF\""; }
check_wait "a flapping event was recorded" 30 flapped
nicctl events --since $((SEQ1 + 1)) --json > $T/ev2.json
nflap=$(grep -F '"type":"flapping"' $T/ev2.json | grep -cF "\"ifname\":\"$IF\"")
ncarrier=$(grep -cF '"type":"carrier_' $T/ev2.json)
check "8 carrier transitions gave one flapping event (got $nflap)" test "$nflap" = 1
check "carrier events were suppressed while flapping ($ncarrier recorded of 8)" test "$ncarrier" -lt 8
check "nicctl show marks $IF flapping" sh -c "nicctl show --json | grep -F '\"ifname\":\"$IF\"' | grep -q '\"flapping\":true'"
# The report while the link flaps: the cause in the summary.
report_to $T/report-flap.txt $T/sum-flap.txt
cat $T/sum-flap.txt
check "report summary: $IF is flapping, that is the cause" \
	grep -q "^$IF (virtio0 0000:01:00.0): flapping: the link is flapping: [0-9]* carrier changes within 15000 ms" $T/sum-flap.txt
check "report summary: the fix points at what drives the link on the host" grep -q 'fix: on the host, .*set_link' $T/sum-flap.txt
check "report: $IF's section lists its flapping event" \
	sh -c "sed -n '/^-- $IF (ifindex/,/^\$/p' $T/report-flap.txt | grep -q 'flapping: [0-9]* carrier changes in 15000 ms'"
check "stats count suppressed carrier events" sh -c "nicctl stats --json | grep -q 'suppressed\":[1-9]'"
check_wait "flap_end recorded once the link is stable for a window" 60 \
	sh -c "nicctl events --since $((SEQ1 + 1)) --json | grep -F '\"type\":\"flap_end\"' | grep -qF '\"ifname\":\"$IF\"'"
check "nicctl show: $IF no longer flapping, one episode" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"$IF\"' | grep -q '\"flapping\":false.*\"n_flap\":1'"
report_to $T/report-flap2.txt $T/sum-flap2.txt
check "report after the flapping ended: $IF healthy now, the episode still in the summary" \
	sh -c "grep -q '^$IF (.*): healthy: ' $T/sum-flap2.txt && grep -q 'also: 1 link flapping episode(s) in the history' $T/sum-flap2.txt"
check_wait "nicctl watch printed the flapping line" 20 grep -q "flapping" $T/watch.txt

# -- MTU, admin, rename ----------------------------------------------------------
SEQ2=$(nicctl stats --json | json_num last_seq)
ip link set "$IF" mtu 1400
ip link set "$IF" down
ip link set "$IF" name wan0
ip link set wan0 name "$IF"
ip link set "$IF" mtu 1500
sleep 1
nicctl events --since $((SEQ2 + 1)) --json > $T/ev3.json
cat $T/ev3.json
check "mtu event 1500 -> 1400" sh -c "grep -F '\"type\":\"mtu\"' $T/ev3.json | grep -q '\"mtu\":1400.*\"old_mtu\":1500\|\"old_mtu\":1500.*\"mtu\":1400'"
check "admin_down event" grep -qF '"type":"admin_down"' $T/ev3.json
check "rename event $IF -> wan0" sh -c "grep -F '\"type\":\"rename\"' $T/ev3.json | grep -F '\"ifname\":\"wan0\"' | grep -qF '\"old_ifname\":\"$IF\"'"
check "rename event wan0 -> $IF" sh -c "grep -F '\"type\":\"rename\"' $T/ev3.json | grep -F '\"ifname\":\"$IF\"' | grep -qF '\"old_ifname\":\"wan0\"'"
ip link set "$IF" up

# -- configuration validation -----------------------------------------------------
nicctl config flap_threshold 1 > $T/c1.out 2>&1
rc=$?
cat $T/c1.out
check "config flap_threshold 1 refused (exit $rc)" test "$rc" -ne 0
check "refusal explains itself" grep -qi "range\|flap" $T/c1.out
check "config flap_window_ms 99999999 refused" sh -c "! nicctl config flap_window_ms 99999999 2>/dev/null"
check "config ring_size 100 refused" sh -c "! nicctl config ring_size 100 2>/dev/null"
nicctl config drivers 'bad name!' > $T/c2.out 2>&1
rc=$?
cat $T/c2.out
check "config drivers 'bad name!' refused with a message (exit $rc)" \
	sh -c "test $rc -ne 0 && grep -q 'driver names' $T/c2.out"
check "refused values changed nothing" sh -c "nicctl config flap_threshold | grep -qw 4"

# -- permissions --------------------------------------------------------------------
asnobody() { runas 65534 65534 "$@"; }
asnobody nicctl config flap_threshold 6 > $T/p1.out 2>&1
rc=$?
cat $T/p1.out
check "CONFIG_SET as nobody fails with exit 3 (got $rc)" test "$rc" = 3
check "... saying CAP_NET_ADMIN" grep -q CAP_NET_ADMIN $T/p1.out
check "... and changed nothing" sh -c "nicctl config flap_threshold | grep -qw 4"
not_cleared() { ! asnobody nicctl clear 2>/dev/null; }
check "HISTORY_CLEAR as nobody fails" not_cleared
check "nobody may read: nicctl show" sh -c "runas 65534 65534 nicctl show | grep -q $IF"
nobody_raw=$(asnobody nlraw 5 nest:8{ u32:1=6 } 2>&1)
echo "# $nobody_raw"
check "raw CONFIG_SET as nobody: EPERM with extack" \
	sh -c "echo '$nobody_raw' | grep -q 'EPERM extack=\"[^\"]'"

# -- malformed requests ----------------------------------------------------------------
# nl_expect DESC ERRNO NLRAW-ARGS...: rejected with ERRNO and an extack text.
nl_expect() {
	_d=$1 _e=$2
	shift 2
	_r=$(nlraw "$@" 2>&1)
	echo "# nlraw $*: $_r"
	if echo "$_r" | grep -q "result: error [0-9]* $_e extack=\"[^\"]"; then
		ok "$_d"
	else
		not_ok "$_d"
	fi
}
nl_expect "DEV_GET without a device" EINVAL 1
nl_expect "DEV_GET ifindex of the wrong type (u8)" EINVAL 1 u8:2=1
nl_expect "DEV_GET ifindex 0" "E[A-Z]*" 1 u32:2=0
nl_expect "DEV_GET oversized ifname (40 chars)" "E[A-Z]*" 1 long:3=40
nl_expect "DEV_GET unknown attribute 77" EINVAL 1 u32:77=1
nl_expect "DEV_GET unknown device 9999" ENODEV 1 u32:2=9999
nl_expect "EVENT_GET without NLM_F_DUMP" EOPNOTSUPP 2
nl_expect "EVENT_GET since-seq of the wrong type" EINVAL -d 2 u32:4=1
nl_expect "STATS_GET with an attribute" EINVAL 3 u32:2=1
nl_expect "CONFIG_SET without NICDIAG_A_CONFIG" EINVAL 5
nl_expect "CONFIG_SET with an empty nest" EINVAL 5 nest:8{ }
nl_expect "CONFIG_SET flap_threshold 1000 (out of range)" "E[A-Z]*" 5 nest:8{ u32:1=1000 }
nl_expect "CONFIG_SET flap_window_ms 5 (out of range)" "E[A-Z]*" 5 nest:8{ u32:2=5 }
nl_expect "CONFIG_SET ring_size (read-only)" EINVAL 5 nest:8{ u32:4=100 }
nl_expect "CONFIG_SET drivers with a bad name" EINVAL 5 nest:8{ str:3=a,b@d }
nl_expect "CONFIG_SET oversized drivers (300 chars)" "E[A-Z]*" 5 nest:8{ long:3=300 }
nl_expect "CONFIG_SET valid value beside a bad one" "E[A-Z]*" 5 nest:8{ u32:1=6 u32:2=5 }
r=$(nlraw 99 2>&1)
echo "# nlraw 99: $r"
check "unknown command 99 rejected (EOPNOTSUPP by the genetlink core)" \
	sh -c "echo '$r' | grep -q 'EOPNOTSUPP'"
check "malformed requests changed nothing" sh -c "nicctl config flap_threshold | grep -qw 4"
check "a well-formed raw DEV_GET dump succeeds" sh -c "nlraw -d 1 | grep -q 'result: ok [1-9]'"

# -- other network namespaces see nothing ---------------------------------------------
unshare -n nicctl show > $T/ns.out 2>&1
rc=$?
cat $T/ns.out
check "nicctl in another netns: module not visible (exit 2, got $rc)" test "$rc" = 2
check "raw netlink in another netns: no family" sh -c "unshare -n nlraw 1 | grep -q 'no family'"
modprobe tun 2>/dev/null
unshare -n sh -c 'tunctl -t nsx0 >/dev/null && ip link set nsx0 up'
tunctl -t hostx0 > /dev/null
ip link set hostx0 up
sleep 1
nicctl events --json > $T/ev4.json
check "a tap in init_net arrives (driver tun)" \
	sh -c "grep -F '\"ifname\":\"hostx0\"' $T/ev4.json | grep -qF '\"driver\":\"tun\"'"
check "a tap in another netns is not reported" sh -c "! grep -q nsx0 $T/ev4.json"
tunctl -d hostx0 > /dev/null
check_wait "tap removal recorded as departure" 20 \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"hostx0\"' | grep -qF '\"type\":\"dev_depart\"'"

# -- hotplug: arrival and departure --------------------------------------------------
nvirtio() { ls -d /sys/bus/virtio/drivers/virtio_net/virtio* 2>/dev/null | wc -l; }
qmp '{"execute":"netdev_add","arguments":{"type":"user","id":"hpn0","restrict":true}}'
qmp '{"execute":"device_add","arguments":{"driver":"virtio-net-pci","id":"hpnic0","netdev":"hpn0","bus":"hp0"}}'
check_wait "hotplugged virtio-net device probed" 90 sh -c "test \$(ls -d /sys/bus/virtio/drivers/virtio_net/virtio* | wc -l) -ge 2"
HP=""
for n in /sys/class/net/*; do
	[ "${n##*/}" = "$IF" ] && continue
	d=$(readlink $n/device/driver 2>/dev/null) || continue
	[ "${d##*/}" = virtio_net ] && HP=${n##*/}
done
check "hotplugged netdev found ($HP)" test -n "$HP"
check_wait "arrival of hotplugged $HP recorded" 20 \
	sh -c "nicctl events --json | grep -F '\"type\":\"dev_arrive\"' | grep -F '\"ifname\":\"$HP\"' | grep -qF '\"cause\":\"registered\"'"
qmp '{"execute":"device_del","arguments":{"id":"hpnic0"}}'
check_wait "hot-unplugged $HP gone" 90 sh -c "! test -e /sys/class/net/$HP"
check_wait "departure of $HP recorded (unregistered)" 20 \
	sh -c "nicctl events --json | grep -F '\"type\":\"dev_depart\"' | grep -F '\"ifname\":\"$HP\"' | grep -qF '\"cause\":\"unregistered\"'"
check_wait "nicctl watch saw the hotplug arrival and departure" 20 \
	sh -c "grep -F '\"ifname\":\"$HP\"' $T/watch.json | grep -q dev_depart"

# -- debugfs ---------------------------------------------------------------------
check "debugfs devices lists $IF" grep -q "$IF virtio_net" /sys/kernel/debug/nicdiag/devices
check "debugfs events holds carrier events" grep -q "carrier_off" /sys/kernel/debug/nicdiag/events
check "debugfs stats counts recorded events" grep -q "^recorded [1-9]" /sys/kernel/debug/nicdiag/stats

# -- stats, clear ----------------------------------------------------------------
nicctl stats
check "stats: nothing overwritten or dropped" \
	sh -c "nicctl stats --json | grep -q '\"overwritten\":0' && nicctl stats --json | grep -q '\"ntf_dropped\":0'"
check "no loss reported by the watcher" sh -c "! grep -q '\"type\":\"lost\"' $T/watch.json"
LAST=$(nicctl stats --json | json_num last_seq)
check "nicctl clear" nicctl clear
check "history empty after clear" sh -c "test -z \"\$(nicctl events --json)\""
ip link set "$IF" mtu 1450
sleep 1
check "numbering continues after clear" \
	sh -c "nicctl events --json | grep -q '\"seq\":$((LAST + 1))'"

# -- unload with listeners attached and events arriving, repeatedly --------------
for i in 1 2 3 4 5; do
	qmp-set-link nic0 off > /dev/null &
	rmmod nicdiag
	rc=$?
	[ $rc = 0 ] || not_ok "rmmod #$i with watchers attached (rc $rc)"
	wait
	qmp-set-link nic0 on > /dev/null
	insmod /nicdiag.ko || not_ok "insmod #$i"
	nicctl watch > $T/w$i.txt 2>&1 &
	WPID=$!
	sleep 0.5
done
rmmod nicdiag
check "5 unloads with watchers attached and events in flight" test $? = 0
check_wait "watcher reports the module unloaded and exits" 20 sh -c "! kill -0 $WPID 2>/dev/null"
cat $T/w5.txt
check "... saying so" grep -qi "unloaded" $T/w5.txt
check "module gone" sh -c "! grep -q '^nicdiag ' /proc/modules"
insmod /nicdiag.ko
check "module loads again afterwards" grep -q '^nicdiag ' /proc/modules
kill $WPID2 2>/dev/null
true
