# SPDX-License-Identifier: GPL-2.0
# The guest plays a hypervisor host.  vmnet does QEMU's NIC setup steps
# (tun, vhost-net, macvtap, vfio), correctly and with mistakes; brctl and
# ip build bridges.  Every step nicdiag must see is checked in its events,
# with the errno, the process and the decoded cause.  No frame leaves.
T=/tmp/host
mkdir -p $T
for m in tun vhost_net bridge macvtap; do modprobe $m; done

# ev TYPE [GREP...]: the JSON event lines of TYPE, filtered further.
ev() {
	_t=$1
	shift
	nicctl events --json | grep -F "\"type\":\"$_t\"" | { if [ $# -gt 0 ]; then grep -F "$@"; else cat; fi; }
}

nicctl watch --json > $T/watch.json 2>&1 &
WATCH=$!
# The watcher is subscribed once it sees a marker tap come and go.
check_wait "watch subscribed" 30 sh -c "vmnet tap marker0 >/dev/null; grep -q marker0 $T/watch.json"

# ---- a VM's NIC set up right: tap, vhost-net -----------------------------
vmnet -name guest=vm1 tap vmtap0 vhost hold 900 > $T/vm1.out 2>&1 &
VM1=$!
check_wait "vm1: tap and vhost-net set up" 30 grep -q "vmnet: holding" $T/vm1.out
check "vm1: every step succeeded" sh -c "! grep -q failed $T/vm1.out"
check_wait "tap_attach: vmtap0 by vm1's pid, flags and 1 queue" 20 \
	has tap_attach '"ifname":"vmtap0"' "\"pid\":$VM1" '"comm":"vmnet"' \
	'"flags":"tap|no_pi|vnet_hdr"' '"queues":1'
check_wait "vhost_setup: owner set by vm1" 20 \
	has vhost_setup "\"pid\":$VM1" '"op":"VHOST_SET_OWNER"'
check "vhost_setup: backend on virtqueue 0 (rx)" \
	has vhost_setup "\"pid\":$VM1" '"op":"VHOST_NET_SET_BACKEND"' '"index":0'
check "vhost_setup: backend on virtqueue 1 (tx)" \
	has vhost_setup "\"pid\":$VM1" '"op":"VHOST_NET_SET_BACKEND"' '"index":1'
check "no refusal recorded for vm1" sh -c "! ev host_fail '\"pid\":$VM1' | grep -q ."
check "show: vmtap0 owned by vm1" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"vmtap0\"' | grep -qF '\"owner_pid\":$VM1'"
check "show: vmtap0 has carrier (a queue is attached)" \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"vmtap0\"' | grep -qF '\"carrier\":true'"

# ---- mistakes, each by its own process -----------------------------------
# mistake NAME EXPECTED-ERRNO-NAME OP PATTERN -- VMNET-STEPS...
mistake() {
	_n=$1 _e=$2 _op=$3 _p=$4
	shift 5
	vmnet "$@" > $T/$_n.out 2>&1 &
	_pid=$!
	wait $_pid
	check "$_n: the tool saw $_e" grep -q "failed: $_e" $T/$_n.out
	check_wait "$_n: host_fail $_op $_e with the process" 20 \
		has host_fail "\"pid\":$_pid" "\"op\":\"$_op\"" "\"errno_name\":\"$_e\"" "$_p"
	nicctl events | grep -F "[vmnet $_pid]" | grep -F refused | tail -n 1
}
mistake busy EBUSY TUNSETIFF '"ifname":"vmtap0"' -- -name guest=vm2 tap vmtap0
check "busy: the cause names the holder case" \
	sh -c "nicctl events | grep -F 'TUNSETIFF refused: EBUSY' | grep -q 'single-queue and its queue is already attached'"
mistake badflags EINVAL TUNSETIFF '"flags":"no_pi"' -- badflags newtap0
check "badflags: the cause says tun or tap is required" \
	sh -c "nicctl events | grep -F 'refused: EINVAL' | grep -q 'exactly one of IFF_TUN and IFF_TAP'"
mistake mqmismatch EINVAL TUNSETIFF '"flags":"tap|multi_queue|no_pi"' -- mqmismatch vmtap0
mistake owner-twice EBUSY VHOST_SET_OWNER '"cause":"this /dev/vhost-net file already has an owner' -- owner-twice
mistake no-owner EPERM VHOST_NET_SET_BACKEND '"cause":"VHOST_NET_SET_BACKEND from a process that is not the vhost-net owner' -- tap t1 no-owner
mistake notsock ENOTSOCK VHOST_NET_SET_BACKEND '"cause":"fd ' -- notsock
check "notsock: the cause says the fd is not a tap" \
	sh -c "nicctl events | grep -F 'refused: ENOTSOCK' | grep -q 'is not a tap, tun, macvtap or packet socket'"
mistake badindex ENOBUFS VHOST_NET_SET_BACKEND '"index":7' -- badindex

# Not permitted: an unprivileged process may not create a tap.  udev
# makes /dev/net/tun world-writable on a real host; the lab has no udev.
chmod 666 /dev/net/tun
runas 65534 65534 vmnet tap nobodytap > $T/perm.out 2>&1
check "perm: the tool saw EPERM" grep -q "failed: EPERM" $T/perm.out
check_wait "perm: host_fail TUNSETIFF EPERM, by uid nobody's process" 20 \
	has host_fail '"op":"TUNSETIFF"' '"errno_name":"EPERM"' '"ifname":"nobodytap"'

# Another network namespace: its taps and mistakes are not this one's.
unshare -n vmnet badflags nstap0 tap nstap1 > $T/ns.out 2>&1
check "other netns: the tool ran there" grep -q "tap ok" $T/ns.out
check "other netns: nothing recorded of it" \
	sh -c "! nicctl events --json | grep -q 'nstap'"

# ---- multi-queue: two queues, one disabled and enabled again -------------
vmnet -name guest=vm3 mqtap mq0 mqtap mq0 detach attach hold 900 > $T/vm3.out 2>&1 &
VM3=$!
check_wait "vm3: multi-queue steps done" 30 grep -q "vmnet: holding" $T/vm3.out
check "vm3: every step succeeded" sh -c "! grep -q failed $T/vm3.out"
check_wait "mq0: first queue attached (1 queue)" 20 \
	has tap_attach '"ifname":"mq0"' "\"pid\":$VM3" '"queues":1' 'multi_queue'
check "mq0: second queue attached (2 queues)" \
	has tap_attach '"ifname":"mq0"' "\"pid\":$VM3" '"queues":2'
check_wait "vm3: a queue detached (TUNSETQUEUE)" 20 \
	has tap_detach "\"pid\":$VM3" '"op":"TUNSETQUEUE"' 'detach_queue'
check "vm3: a queue attached again (TUNSETQUEUE)" \
	has tap_attach "\"pid\":$VM3" '"op":"TUNSETQUEUE"' 'attach_queue'

# ---- a persistent tap (as libvirt makes them): carrier follows the VM ----
tunctl -t ptap0 > /dev/null
ip link set ptap0 up
check_wait "ptap0 watched, carrier off with no VM attached" 20 \
	sh -c "nicctl show --json | grep -F '\"ifname\":\"ptap0\"' | grep -qF '\"carrier\":false'"
vmnet -name guest=vm6 tap ptap0 hold 900 > $T/vm6.out 2>&1 &
VM6=$!
check_wait "vm6: attached to ptap0" 30 grep -q "vmnet: holding" $T/vm6.out
check_wait "ptap0: carrier on once vm6 attached its queue" 20 has carrier_on '"ifname":"ptap0"'
check "ptap0: the attach names vm6" has tap_attach '"ifname":"ptap0"' "\"pid\":$VM6"
kill $VM6
wait $VM6 2>/dev/null
check_wait "ptap0: carrier off when vm6 went away (the tap stays)" 20 has carrier_off '"ifname":"ptap0"'
check "events --vm: vm6's story has the attach and both carrier changes" sh -c "
	nicctl events --vm $VM6 > $T/vm6.story; cat $T/vm6.story;
	grep -q 'ptap0 .*queue attached' $T/vm6.story && grep -q 'ptap0 .*carrier on' $T/vm6.story &&
	grep -q 'ptap0 .*carrier off' $T/vm6.story"

# ---- bridges: STP on (forward delay 2 s) and off -------------------------
brctl addbr br0
echo 1 > /sys/class/net/br0/bridge/stp_state
echo 200 > /sys/class/net/br0/bridge/forward_delay
ip link set br0 up
ip link set vmtap0 up
brctl addif br0 vmtap0
check_wait "vmtap0 joined br0" 20 has bridge_join '"ifname":"vmtap0"' '"master":"br0"'
check_wait "vmtap0: listening on br0" 30 \
	has port_state '"ifname":"vmtap0"' '"port_state":"listening"'
check "show while STP holds it: port not forwarding" \
	sh -c "nicctl show | grep vmtap0 | grep -qv 'port forwarding'"
check_wait "vmtap0: learning, then forwarding" 60 \
	has port_state '"ifname":"vmtap0"' '"old_port_state":"learning"' '"port_state":"forwarding"'
nicctl events | grep -F 'vmtap0' | grep -F 'bridge br0' 
check "STP walk in order: blocking, listening, learning, forwarding" sh -c "
	nicctl events --json | grep -F '\"ifname\":\"vmtap0\"' | grep -F '\"type\":\"port_state\"' |
	sed -n 's/.*\"port_state\":\"\([a-z]*\)\".*/\1/p' | tr '\n' ' ' |
	grep -q 'listening learning forwarding'"
check "show: vmtap0 is a port of br0, forwarding" \
	sh -c "nicctl show | grep vmtap0 | grep -q 'bridge br0 port forwarding'"

vmnet -name guest=vm4 tap vmtap1 hold 900 > $T/vm4.out 2>&1 &
VM4=$!
check_wait "vm4: tap set up" 30 grep -q "vmnet: holding" $T/vm4.out
brctl addbr br1
ip link set br1 up
ip link set vmtap1 up
brctl addif br1 vmtap1
check_wait "vmtap1 on the STP-less br1: forwarding at once" 20 \
	has port_state '"ifname":"vmtap1"' '"master":"br1"' '"port_state":"forwarding"'
check "vmtap1 never listened" sh -c "! ev port_state '\"ifname\":\"vmtap1\"' | grep -q listening"
brctl delif br1 vmtap1
check_wait "vmtap1 left br1" 20 has bridge_leave '"ifname":"vmtap1"' '"master":"br1"'

# ---- macvtap: a queue through /dev/tapN, and a node with no device ------
IF=$(netdev_of_driver virtio_net)
ip link add link "$IF" name mvt0 type macvtap
check_wait "mvt0 created" 20 test -e /sys/class/net/mvt0/ifindex
IDX=$(cat /sys/class/net/mvt0/ifindex)
check_wait "/dev/tap$IDX exists" 20 test -c /dev/tap$IDX
vmnet -name guest=vm5 open /dev/tap$IDX hold 900 > $T/vm5.out 2>&1 &
VM5=$!
check_wait "vm5: macvtap opened" 30 grep -q "vmnet: holding" $T/vm5.out
check_wait "tap_attach: mvt0 by vm5 through /dev/tap$IDX" 20 \
	has tap_attach '"ifname":"mvt0"' "\"pid\":$VM5" '"op":"macvtap_open"'
MAJ=$(ls -l /dev/tap$IDX | awk '{print $5}' | tr -d ,)
mknod /dev/tapnone c "$MAJ" 200
mistake macvtap-none ENODEV macvtap_open '"ifname":"tapnone"' -- open /dev/tapnone

# ---- vfio-pci on a host without an IOMMU ---------------------------------
modprobe vfio-pci
IF2=$(netdev_of_virtio virtio1)
PCI=$(basename "$(readlink -f /sys/class/net/$IF2/device/..)")
echo vfio-pci > /sys/bus/pci/devices/$PCI/driver_override
echo "$PCI" > /sys/bus/pci/devices/$PCI/driver/unbind
echo "$PCI" > /sys/bus/pci/drivers_probe 2>/dev/null
check_wait "pci_unbind: virtio-pci let $PCI go" 20 \
	has pci_unbind "\"pci_addr\":\"$PCI\"" '"pci_driver":"virtio-pci"'
check_wait "host_fail: vfio-pci's probe of $PCI failed with EINVAL" 20 \
	has host_fail '"op":"pci_probe"' "\"pci_addr\":\"$PCI\"" '"pci_driver":"vfio-pci"' '"errno_name":"EINVAL"'
check "the cause: no IOMMU" sh -c "nicctl events | grep -F 'pci_probe refused' | grep -q 'no IOMMU group'"
echo > /sys/bus/pci/devices/$PCI/driver_override
echo "$PCI" > /sys/bus/pci/drivers_probe
check_wait "pci_bind: virtio-pci took $PCI back" 20 \
	has pci_bind "\"pci_addr\":\"$PCI\"" '"pci_driver":"virtio-pci"'

check "debugfs host: probes registered, nothing missed or lost" sh -c "
	cat /sys/kernel/debug/nicdiag/host; grep -q '^probe_missed 0' /sys/kernel/debug/nicdiag/host &&
	grep -q '^records_lost 0' /sys/kernel/debug/nicdiag/host &&
	! grep -q '^probes_registered 0' /sys/kernel/debug/nicdiag/host"

# ---- the story per VM -----------------------------------------------------
nicctl events --vm $VM1 > $T/story.txt
cat $T/story.txt
check "events --vm: vm1's own steps" sh -c "
	grep -q 'vmtap0 (tun tap) \[vmnet $VM1\] queue attached' $T/story.txt &&
	grep -q '\[vmnet $VM1\] vhost-net: owner set' $T/story.txt"
check "events --vm: its tap's bridge port walk, caused by no process" \
	grep -q 'vmtap0 (tun tap) bridge br0 port learning -> forwarding' $T/story.txt
check "events --vm: nothing of other VMs' devices" sh -c "! grep -q 'mq0\|vmtap1\|mvt0' $T/story.txt"
check "events --vm: what it leaves out is not reported lost" sh -c "! grep -q ' lost ' $T/story.txt"

nicctl vms > $T/vms.out
cat $T/vms.out
check "vms: vm1 by name, running, its tap on br0 forwarding, vhost-net set up" sh -c "
	grep -A3 'process $VM1 (vmnet, VM vm1, running)' $T/vms.out | grep -q 'tap vmtap0: 1 queue (tap|no_pi|vnet_hdr), bridge br0 port forwarding' &&
	grep -A3 'process $VM1 ' $T/vms.out | grep -q 'vhost-net: owner set, backends on virtqueues mask 0x3'"
check "vms: the refused TUNSETIFF with its fix" sh -c "
	grep -A1 'failed: .*single-queue' $T/vms.out | grep -q 'fix: find the holder'"
check "vms: brctl and modprobe are not listed as VMs" sh -c "! grep -q '(brctl\|(modprobe' $T/vms.out"
check "vms --json: one object per process with taps" sh -c "
	nicctl vms --json | grep -F '\"pid\":$VM3' | grep -qF '\"taps\":[\"mq0: 2 queues'"
check "vms PID: only that process" sh -c "nicctl vms $VM1 | grep -c '^process' | grep -qx 1"
nicctl explain > $T/explain.out 2>&1
cat $T/explain.out
check "explain: vm2's EBUSY with process and fix" sh -c "
	grep -A3 'vmtap0' $T/explain.out | grep -q 'EBUSY'"
check "explain: the no-IOMMU vfio failure" grep -q 'no IOMMU group' $T/explain.out

# ---- the bug report names the host-side causes first ---------------------
report_to $T/report.txt $T/summary.txt
head -n 20 $T/report.txt
check "report summary: vm2's EBUSY on vmtap0" grep -q "vmtap0 .*failed: tap vmtap0 is single-queue" $T/summary.txt
check "report summary: vhost-net's ENOTSOCK with its evidence" \
	sh -c "grep -A1 'vhost-net .*failed: fd .* is not a tap' $T/summary.txt | grep -q 'ENOTSOCK'"
check "report summary: vfio-pci's no-IOMMU probe failure" grep -q "failed: vfio-pci could not take $PCI: no IOMMU group" $T/summary.txt
check "report: the events section has the processes" \
	sh -c "sed -n '/^== events ==$/,/^== kernel_log ==$/p' $T/report.txt | grep -q '\[vmnet $VM1\] vhost-net: owner set'"

# ---- watch saw it live, in order, with the processes ----------------------
kill $WATCH
# line_of PATTERN PATTERN: number of the first watch line with both.
line_of() { grep -nF -- "$1" $T/watch.json | grep -F -- "$2" | head -n 1 | cut -d: -f1; }
A=$(line_of "\"pid\":$VM1," tap_attach)
B=$(line_of "\"pid\":$VM1," VHOST_SET_OWNER)
check "watch: vm1's tap_attach (line $A) before its vhost owner (line $B)" \
	test "${A:-0}" -gt 0 -a "${B:-0}" -gt "${A:-0}"
check "watch: every host_fail also live" sh -c "
	test \$(grep -c '\"type\":\"host_fail\"' $T/watch.json) -eq \$(nicctl events --json | grep -c '\"type\":\"host_fail\"')"

# ---- a VM goes away; unload with VMs running ----------------------------
kill $VM4
check_wait "vm4 gone: vmtap1 departed" 20 has dev_depart '"ifname":"vmtap1"'
check "rmmod nicdiag with VMs holding taps and vhost-net" rmmod nicdiag
check "probes gone after unload" sh -c "! grep -q 'tun_chr_ioctl\|vhost_net_ioctl\|pci_device_probe' /sys/kernel/debug/kprobes/list 2>/dev/null"
vmnet tap aftertap > /dev/null 2>&1
check "tun still works after unload" true
kill $VM1 $VM3 $VM5 2>/dev/null
