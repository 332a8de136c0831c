# SPDX-License-Identifier: GPL-2.0
# TX stalls, in one boot.  NIC 0's backend is a stream socket whose peer
# never reads (the lab's --peer 0:stall); NIC 1's peer reads everything.
# A raw flood fills NIC 0's TX ring and stops its queue for real; the same
# flood on NIC 1 must report nothing.  Then NIC 0's peer starts reading.
# Arguments: none.  The kernel's TX watchdog is expected where virtio_net
# has one (6.1 and later), and not on 5.10.
THRESH=1500
check "nicdiag loaded at boot" test -d /sys/module/nicdiag
# A negative check must fail when nicctl itself fails: read, then grep.
IF0=$(netdev_of_virtio virtio0)
IF1=$(netdev_of_virtio virtio1)
check "two virtio_net NICs ($IF0 stalled peer, $IF1 reading peer)" test -n "$IF0" -a -n "$IF1"
ip link set "$IF0" up
ip link set "$IF1" up
check_wait "$IF0 and $IF1 carrier on" 30 sh -c "grep -qx 1 /sys/class/net/$IF0/carrier && grep -qx 1 /sys/class/net/$IF1/carrier"

# ---- configuration: validated, refused values change nothing -------------
check "defaults: stall_threshold_ms 2000, stall_interval_ms 250" \
	sh -c "nicctl config stall_threshold_ms | grep -qx 2000 && nicctl config stall_interval_ms | grep -qx 250"
r=$(out nicctl config stall_threshold_ms 50); rc=$?
check "threshold 50 ms refused with the allowed range ($r)" \
	sh -c "[ $rc -ne 0 ] && echo '$r' | grep -q 'range\|100'"
r=$(out nicctl config stall_interval_ms 20000); rc=$?
check "interval 20000 ms refused ($r)" test "$rc" -ne 0
r=$(out nicctl config stall_interval_ms 3000); rc=$?
check "interval above the threshold refused, with the reason ($r)" \
	sh -c "[ $rc -ne 0 ] && echo '$r' | grep -q 'must not exceed stall_threshold_ms'"
r=$(out nicctl config stall_threshold_ms abc); rc=$?
check "a non-number refused by nicctl ($r)" test "$rc" -ne 0
r=$(out runas 65534 65534 nicctl config stall_threshold_ms $THRESH); rc=$?
check "as nobody: not permitted, exit 3 ($r)" test "$rc" -eq 3
check "nothing changed by the refused requests" \
	sh -c "nicctl config stall_threshold_ms | grep -qx 2000 && nicctl config stall_interval_ms | grep -qx 250"
check "threshold set to $THRESH ms" nicctl config stall_threshold_ms $THRESH
check "interval set to 200 ms" nicctl config stall_interval_ms 200
check "config shows both" sh -c "nicctl config | grep -q 'stall_threshold_ms *$THRESH' && nicctl config | grep -q 'stall_interval_ms *200'"

nicctl watch --json > /tmp/watch.json 2>&1 &
wpid=$!
nicctl watch > /tmp/watch.txt 2>&1 &
wtpid=$!
sleep 1

# ---- a busy, healthy NIC: no stall ------------------------------------------
tx0=$(cat /sys/class/net/$IF1/statistics/tx_packets)
f=$(flood "$IF1" 8)
tx1=$(cat /sys/class/net/$IF1/statistics/tx_packets)
echo "# healthy: $f; tx_packets +$((tx1 - tx0))"
check "healthy NIC moved traffic under the flood (+$((tx1 - tx0)) packets)" test $((tx1 - tx0)) -gt 5000
sleep 2
check "no stall reported for the busy healthy NIC" \
	sh -c "nicctl events --json > /tmp/ev.json && ! grep -F '\"ifname\":\"$IF1\"' /tmp/ev.json | grep -q '\"type\":\"tx_\(stall\|timeout\)\"'"

# ---- a backend that stops reading ----------------------------------------
t0=$(date +%s)
flood "$IF0" 6 > /tmp/flood0 &
fpid=$!
stalled() { nicctl events --json | grep -F "\"ifname\":\"$IF0\"" | grep -q '"type":"tx_stall"'; }
check_wait "$IF0: tx_stall reported" 30 stalled
nicctl events "$IF0" | grep -E 'tx_|stall' | tail -n 3
ev=$(nicctl events --json | grep -F "\"ifname\":\"$IF0\"" | jq_has type tx_stall | head -n 1)
stopped=$(echo "$ev" | json_num stopped_ms)
check "stall reported within the threshold plus one interval (stopped_ms $stopped, threshold $THRESH)" \
	test "${stopped:-0}" -ge $THRESH -a "${stopped:-99999}" -le $((THRESH + 1000))
vfree=$(echo "$ev" | json_num vq_free)
vsize=$(echo "$ev" | json_num vq_size)
by=$(echo "$ev" | sed -n 's/.*"stopped_by":"\([a-z,]*\)".*/\1/p')
check "stall carries the virtqueue: output.0 with descriptors the device never used (free $vfree of $vsize, stopped by $by)" \
	sh -c "echo '$ev' | grep -q '\"vq_name\":\"output.0\"' && [ '${vfree:-256}' -lt '${vsize:-0}' ]"
check "stall says who stopped the queue (driver: ring full, or bql)" test -n "$by" -a "$by" != none
check "stall carries the device status (DRIVER_OK, not NEEDS_RESET)" \
	sh -c "echo '$ev' | grep -q '\"status_bits\":\"ACKNOWLEDGE|DRIVER|FEATURES_OK|DRIVER_OK\"'"
check "nicctl show: $IF0 has a stalled queue" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"n_stall\":1,.*\"stalled_queues\":1'"
nicctl explain "$IF0" > /tmp/explain.txt
cat /tmp/explain.txt
check "explain names the stalled queue and the backend as the cause" \
	sh -c "grep -q 'stalled: TX queue 0 is stalled' /tmp/explain.txt && grep -q 'backend stopped consuming the TX ring' /tmp/explain.txt"
report_to /tmp/report-stall.txt /tmp/sum-stall.txt
cat /tmp/sum-stall.txt
check "report summary: $IF0's stalled TX queue is the cause, the backend named" \
	sh -c "grep -q '^$IF0 (.*): stalled: TX queue 0 is stalled' /tmp/sum-stall.txt && grep -q 'backend stopped consuming the TX ring' /tmp/sum-stall.txt"
check "report summary: the busy healthy $IF1 is not among the causes" sh -c "! grep -q '^$IF1 (' /tmp/sum-stall.txt"
check "report: the timeline holds the stall" \
	sh -c "sed -n '/^== events ==\$/,/^== kernel_log ==\$/p' /tmp/report-stall.txt | grep -q 'TX queue 0 stalled: stopped'"
case "$(uname -r)" in
5.10.*)
	sleep 7
	check "5.10: no kernel watchdog (virtio_net has no ndo_tx_timeout), the detector alone caught it" \
		sh -c "nicctl events --json > /tmp/ev.json && ! grep -q '\"type\":\"tx_timeout\"' /tmp/ev.json"
	;;
*)
	check_wait "kernel TX watchdog reported (tx_timeout)" 30 \
		sh -c "nicctl events --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"type\":\"tx_timeout\"'"
	wd=$(nicctl events --json | jq_has type tx_timeout | head -n 1)
	check "watchdog event: queue 0, stopped >= 5000 ms, vq output.0" \
		sh -c "echo '$wd' | grep -q '\"index\":0,\"stopped_ms\":[5-9][0-9][0-9][0-9],' && echo '$wd' | grep -q '\"vq_name\":\"output.0\"'"
	;;
esac
wait $fpid
check "no tx_resume while the peer does not read" \
	sh -c "nicctl events --json > /tmp/ev.json && ! grep -q '\"type\":\"tx_resume\"' /tmp/ev.json"

# ---- the peer reads again ----------------------------------------------------
lab-peer 0 read > /dev/null
check_wait "$IF0: tx_resume reported once the peer reads" 30 \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"type\":\"tx_resume\"'"
rs=$(nicctl events --json | jq_has type tx_resume | head -n 1)
dur=$(echo "$rs" | json_num duration_ms)
t1=$(date +%s)
check "resume carries the stall's duration ($dur ms, stall began about $((t1 - t0)) s ago)" \
	test "${dur:-0}" -ge "$stopped" -a "${dur:-0}" -le $(( (t1 - t0 + 2) * 1000 ))
check "resume has no link_down cause (the queue moved)" sh -c "[ -n '$rs' ] && ! echo '$rs' | grep -q '\"cause\"'"
check_wait "nicctl show: no stalled queue now" 10 \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"stalled_queues\":0'"
nicctl explain "$IF0" > /tmp/explain.txt
check "explain: healthy now, the past stall listed" \
	sh -c "grep -q 'healthy' /tmp/explain.txt && grep -q '1 TX stall(s) in the history, the latest lasted [0-9]* ms and ended (the queue moved again)' /tmp/explain.txt"
report_to /tmp/report-resumed.txt /tmp/sum-resumed.txt
check "report after the resume: $IF0 healthy, the past stall in the summary" \
	sh -c "grep -q '^$IF0 (.*): healthy: ' /tmp/sum-resumed.txt && grep -q 'also: 1 TX stall(s) in the history' /tmp/sum-resumed.txt"
sleep 1
kill $wpid $wtpid 2>/dev/null
wait 2>/dev/null
check "watch --json saw stall and resume in order" \
	sh -c "grep -n '\"type\":\"tx_\(stall\|resume\)\"' /tmp/watch.json | cut -d: -f1 | tr '\n' ' ' | grep -q '^[0-9]* [0-9]* $'"
grep -E 'stall|resume|watchdog' /tmp/watch.txt | head -n 4
check "watch (text) decoded the stall and the resume" \
	sh -c "grep -q 'TX queue 0 stalled: stopped' /tmp/watch.txt && grep -q 'TX queue 0 resumed after a' /tmp/watch.txt"
check "no stall ever reported for the healthy NIC" \
	sh -c "grep -q tx_resume /tmp/watch.json && ! grep -F '\"ifname\":\"$IF1\"' /tmp/watch.json | grep -q '\"type\":\"tx_stall\"'"
check "debugfs stall file lists $IF0's stall" sh -c "grep -q 'dev $IF0 stalls 1' /sys/kernel/debug/nicdiag/stall"

# ---- a stall that ends because the device goes down --------------------------
lab-peer 0 stall > /dev/null
flood "$IF0" 4 > /dev/null &
fpid=$!
check_wait "$IF0: stalls again once the peer stops reading" 30 sh -c "[ \$(nicctl events --json | grep -F '\"ifname\":\"$IF0\"' | grep -c '\"type\":\"tx_stall\"') -ge 2 ]"
wait $fpid
ip link set "$IF0" down
check_wait "$IF0 set down: the stall ends with cause link_down" 20 \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"$IF0\"' | grep '\"type\":\"tx_resume\"' | grep -q '\"cause\":\"link_down\"'"
nicctl explain "$IF0" > /tmp/explain.txt
check "explain: the latest stall ended when the device went down" \
	grep -q '2 TX stall(s) in the history, the latest lasted [0-9]* ms and ended when the device went down' /tmp/explain.txt
check "nicctl show: no stalled queue after the device went down" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"n_stall\":2,.*\"stalled_queues\":0'"
check "rmmod nicdiag is clean after stalls" rmmod nicdiag
