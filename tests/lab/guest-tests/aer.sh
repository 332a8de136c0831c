# SPDX-License-Identifier: GPL-2.0
# PCIe AER, in one boot.  nic0 and nic1 have aer=on behind root ports rp0
# and rp1.  Uncorrectable errors come from QEMU (HMP pcie_aer_inject_error),
# correctable ones from the guest kernel's aer_inject module (QEMU drops
# those).  Each report must be decoded and tied to the right netdev.
IF0=$(netdev_of_virtio virtio0)
IF1=$(netdev_of_virtio virtio1)
PCI0=0000:01:00.0
PCI1=0000:02:00.0
RP0=$(basename "$(readlink -f /sys/bus/pci/devices/$PCI0/..)")
RP1=$(basename "$(readlink -f /sys/bus/pci/devices/$PCI1/..)")
check "two NICs ($IF0 on $PCI0, $IF1 on $PCI1 behind $RP1)" test -n "$IF0" -a -n "$IF1" -a -n "$RP1"
check "nicdiag loaded" test -d /sys/module/nicdiag
nicctl watch --json > /tmp/watch.json 2>&1 &
wpid=$!
sleep 1

# QEMU's injection into an endpoint does not reach a 5.10 guest: there the
# kernel's aer_inject plays the device (same status bits, same header).
# Header words are given as the kernel reads them from the Header Log
# registers; QEMU takes them byte-swapped.
bswap() { printf '0x%08x' "$1" | sed 's/0x\(..\)\(..\)\(..\)\(..\)/0x\4\3\2\1/'; }
unc() { # unc QDEV PCI STATUS-NAME HEX [H0 H1 H2 H3]
	_q=$1 _p=$2 _n=$3 _x=$4
	shift 4
	case "$(uname -r)" in
	5.10.*) aer-inject "$_p" uncor "$_x" "$@"; return ;;
	esac
	_h=
	for _w in "$@"; do _h="$_h $(bswap "$_w")"; done
	qmp-hmp "pcie_aer_inject_error $_q $_n$_h"
}
# aer_inject takes over the config accesses of the buses it injects on:
# after it, QEMU's injections go unseen.  It comes last (on 5.10, alone).
case "$(uname -r)" in 5.10.*) modprobe aer_inject ;; esac

n_aer() { nicctl events --json | grep -c '"type":"aer"'; }
# inject_qemu WHAT...: HMP pcie_aer_inject_error; wait for one more AER event.
inject() {
	_before=$(n_aer)
	"$@" > /tmp/inject.out 2>&1
	wait_for 30 sh -c "[ \$(nicctl events --json | grep -c '\"type\":\"aer\"') -gt $_before ]"
	sleep 1
	nicctl events --json | grep '"type":"aer"' | tail -n +$((_before + 1))
}

# ---- PCIe link health, read from the guest's devices (before any error) ------------------------------
mts=$(awk '{printf "%d", $1 * 1000}' /sys/bus/pci/devices/$PCI0/current_link_speed)
w=$(cat /sys/bus/pci/devices/$PCI0/current_link_width)
pl=$(nicctl show --json | grep -F "\"ifname\":\"$IF0\"" | sed -n 's/.*"pcie":{\([^}]*\)}.*/\1/p')
check "show: $IF0's PCIe link as sysfs has it ($pl; sysfs $mts MT/s x$w)" \
	sh -c "echo '$pl' | grep -q '\"speed_mts\":$mts,\"width\":$w,' && echo '$pl' | grep -q '\"port\":\"$RP0\"'"
nicctl explain "$IF0" > /tmp/explain0.txt
grep 'PCIe link' /tmp/explain0.txt
check "explain: PCIe link figures in the evidence, not degraded" \
	sh -c "grep -q 'evidence: PCIe link [0-9.]* GT/s x$w (device .*, port $RP0 ' /tmp/explain0.txt && ! grep -q DEGRADED /tmp/explain0.txt"

# ---- non-fatal uncorrectable, with a TLP header: MWr32 from 01:00.0 -------
ev=$(inject unc nic0 $PCI0 POISON_TLP 0x1000 0x40000001 0x0100000f 0xfebf1000 0)
echo "$ev" | head -n 2
check "POISON_TLP on nic0: one aer event for $IF0" \
	sh -c "echo '$ev' | grep -c . | grep -qx 1 && echo '$ev' | grep -q '\"ifname\":\"$IF0\"'"
check "decoded: nonfatal, Poisoned TLP, on the NIC itself" \
	sh -c "echo '$ev' | grep -q '\"severity\":\"nonfatal\"' && echo '$ev' | grep -q '\"status_bits\":\"Poisoned TLP\"' && echo '$ev' | grep -q '\"relation\":\"self\"'"
check "TLP decoded: MWr32 from 01:00.0 to 0xfebf1000" \
	sh -c "echo '$ev' | grep -q '\"tlp\":\"MWr32 requester 01:00.0 tag 0x00 address 0xfebf1000'"
check "driver virtio-pci, no AER handlers" \
	sh -c "echo '$ev' | grep -q '\"driver\":\"virtio-pci\"' && echo '$ev' | grep -q '\"handlers\":false'"

check_wait "recovery outcome recorded for $IF0 (aer_recovery)" 20 \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"$IF0\"' | grep -q '\"type\":\"aer_recovery\"'"
rv=$(nicctl events --json | grep -F "\"ifname\":\"$IF0\"" | grep '"type":"aer_recovery"' | head -n 1)
echo "$rv" | sed 's/^/# /' | tee /tmp/rv
check "recovery failed, with the kernel's line (no error_detected callback / recovery failed)" \
	sh -c "grep -q '\"recovery\":\"failed\"' /tmp/rv && grep -q \"can't recover\\|recovery failed\" /tmp/rv"
nicctl events "$IF0" | grep 'AER recovery' | head -n 1

# ---- more error types, by name and by hex status ----------------------------
for t in COMP_TIME:0x4000:'Completion Timeout' UNX_COMP:0x10000:'Unexpected Completion' \
	0x100000:0x100000:'Unsupported Request'; do
	name=${t%%:*}
	hex=${t#*:}
	bits=${hex#*:}
	hex=${hex%%:*}
	ev=$(inject unc nic1 $PCI1 $name $hex)
	echo "$ev" | sed -n 's/.*"aer":/# aer: /p'
	# Unrecovered errors stay set in the status register: the kernel
	# reports the new bit along with the earlier ones.
	check "$name on nic1: $IF1, nonfatal, '$bits' among the status bits" \
		sh -c "echo '$ev' | grep -q '\"ifname\":\"$IF1\"' && echo '$ev' | grep -q '\"status_bits\":\"[^\"]*$bits' && echo '$ev' | grep -q '\"severity\":\"nonfatal\"'"
done

# ---- an error on the port above nic1 ----------------------------------------------
ev=$(inject unc rp1 $RP1 POISON_TLP 0x1000)
echo "$ev" | sed 's/^/# /'
check "error on root port $RP1 is tied to $IF1 below it (relation upstream)" \
	sh -c "echo '$ev' | grep -q '\"ifname\":\"$IF1\"' && echo '$ev' | grep -q '\"relation\":\"upstream\"' && echo '$ev' | grep -q '\"pci_addr\":\"$RP1\"'"
check "and not to $IF0" sh -c "! echo '$ev' | grep -q '\"ifname\":\"$IF0\"'"

# ---- counters, text, explain -------------------------------------------------------
nicctl show
s0=$(nicctl show --json | grep -F "\"ifname\":\"$IF0\"")
check "nicctl show counts $IF0's AER errors (n_aer_nonfatal $(echo "$s0" | json_num n_aer_nonfatal))" \
	sh -c "echo '$s0' | grep -q '\"n_aer_cor\":0,\"n_aer_nonfatal\":1,\"n_aer_fatal\":0'"
nicctl events "$IF0" | grep AER | head -n 3
check "text event names the error and the missing handlers" \
	sh -c "nicctl events $IF0 | grep -q 'PCIe AER nonfatal error on $PCI0: Poisoned TLP; TLP MWr32 .*has no AER handlers'"
nicctl explain "$IF0" > /tmp/explain.txt
cat /tmp/explain.txt
check "explain: uncorrectable AER without handlers is the cause, with the bits" \
	sh -c "grep -q 'failed: uncorrectable PCIe AER error (nonfatal: Poisoned TLP) on $PCI0' /tmp/explain.txt"
report_to /tmp/report-aer.txt /tmp/sum-aer.txt
head -n 12 /tmp/report-aer.txt
check "report summary: $IF0 failed by the uncorrectable AER error, with the bits and the recovery" \
	sh -c "grep -q '^$IF0 (.*): failed: uncorrectable PCIe AER error (nonfatal: Poisoned TLP) on $PCI0' /tmp/sum-aer.txt && grep -q 'evidence: .*AER report(s), .*recovery: failed' /tmp/sum-aer.txt"
check "report: $IF0's row counts one nonfatal AER error (0/1/0)" \
	sh -c "sed -n '/^== devices ==\$/,/^-- /p' /tmp/report-aer.txt | grep '^$IF0 ' | grep -q ' 0/1/0 '"
check "report: the kernel log section holds the AER lines for $PCI0" \
	sh -c "sed -n '/^== kernel_log ==\$/,\$p' /tmp/report-aer.txt | grep -q '$PCI0.*AER\\|AER.*$PCI0'"

# ---- fatal: on nic0 itself, then on the port above it ----------------------------
ev=$(inject unc nic0 $PCI0 MALF_TLP 0x40000)
echo "$ev" | sed 's/^/# /'
check "fatal error on nic0 itself: severity fatal, tied to $IF0" \
	sh -c "echo '$ev' | grep -q '\"severity\":\"fatal\"' && echo '$ev' | grep -q '\"ifname\":\"$IF0\"' && echo '$ev' | grep -q '\"relation\":\"self\"'"
ev=$(inject unc rp0 $RP0 DLP 0x10)
echo "$ev" | sed 's/^/# /'
check "DLP on root port $RP0: fatal, Data Link Protocol, tied to $IF0 (upstream)" \
	sh -c "echo '$ev' | grep -q '\"severity\":\"fatal\"' && echo '$ev' | grep -q '\"status_bits\":\"Data Link Protocol' && echo '$ev' | grep -q '\"ifname\":\"$IF0\"' && echo '$ev' | grep -q '\"relation\":\"upstream\"'"
check "kernel log: recovery impossible without handlers" \
	sh -c "dmesg | grep -q \"can't recover\\|no error_detected\""

# ---- correctable, through aer_inject ---------------------------------------------
if modprobe aer_inject && [ -e /dev/aer_inject ]; then
	ev=$(inject aer-inject $PCI0 cor 0x40)
	check "correctable Bad TLP (aer_inject) on $IF0: decoded" \
		sh -c "echo '$ev' | grep -q '\"ifname\":\"$IF0\"' && echo '$ev' | grep -q '\"severity\":\"correctable\"' && echo '$ev' | grep -q '\"status_bits\":\"Bad TLP\"'"
	ev=$(inject aer-inject $PCI1 cor 0x1001)
	check "two correctable bits at once on $IF1: Receiver Error|Replay Timer Timeout" \
		sh -c "echo '$ev' | grep -q '\"ifname\":\"$IF1\"' && echo '$ev' | grep -q '\"status_bits\":\"Receiver Error|Replay Timer Timeout\"'"
else
	not_ok "aer_inject module loads"
fi

sleep 1
kill $wpid
wait $wpid 2>/dev/null
check "watch saw every AER event ($(grep -c '"type":"aer"' /tmp/watch.json))" \
	test "$(grep -c '"type":"aer"' /tmp/watch.json)" -eq "$(n_aer)"
check "rmmod nicdiag is clean" rmmod nicdiag
