# SPDX-License-Identifier: GPL-2.0
# The guest plays a host with an IOMMU: NIC 1 goes to vfio-pci and a
# process (vmnet, as QEMU would) opens it through VFIO.  An AER error
# injected on that function is then the VM's.
T=/tmp/vfio
mkdir -p $T
PCI=0000:02:00.0
modprobe vfio-pci
# QEMU's emulated VT-d here has no interrupt remapping (TCG); without it
# type1 refuses the container ("No interrupt remapping support").
modprobe vfio_iommu_type1 allow_unsafe_interrupts=1
check "the IOMMU put $PCI in a group" test -e /sys/bus/pci/devices/$PCI/iommu_group
GROUP=$(basename "$(readlink /sys/bus/pci/devices/$PCI/iommu_group)")
echo vfio-pci > /sys/bus/pci/devices/$PCI/driver_override
echo $PCI > /sys/bus/pci/devices/$PCI/driver/unbind
echo $PCI > /sys/bus/pci/drivers_probe
check_wait "$PCI bound to vfio-pci" 20 sh -c "readlink /sys/bus/pci/devices/$PCI/driver | grep -q vfio-pci"
check_wait "pci_bind: vfio-pci took $PCI" 20 has pci_bind "\"pci_addr\":\"$PCI\"" '"pci_driver":"vfio-pci"'
nicctl events | grep -F "$PCI" | grep -F 'bound to'
check "no host_fail: the probe succeeded" sh -c "! nicctl events --json | grep -q host_fail"
check_wait "/dev/vfio/$GROUP exists" 20 test -c /dev/vfio/$GROUP

vmnet -name guest=vmpt vfio $PCI hold 900 > $T/vm.out 2>&1 &
VM=$!
check_wait "vmpt: opened $PCI through VFIO" 30 grep -q "vmnet: holding" $T/vm.out
cat $T/vm.out
check "vmpt: no step failed" sh -c "! grep -q failed $T/vm.out"
check_wait "vfio_open: $PCI by vmpt's process" 20 \
	has vfio_open "\"pid\":$VM" "\"pci_addr\":\"$PCI\""
nicctl vms $VM | tee $T/vms.out
check "vms: vmpt has $PCI passed through" grep -q "passthrough $PCI (vfio-pci)" $T/vms.out

# An uncorrectable error on the passed-through function: the VM's.
# (QEMU's injections into an endpoint do not reach a 5.10 guest: there the
# kernel's aer_inject plays the device, as in t-aer.)
case "$(uname -r)" in
5.10.*) modprobe aer_inject && aer-inject $PCI uncor 0x1000 ;;
*) qmp-hmp "pcie_aer_inject_error nic1 POISON_TLP" > /dev/null ;;
esac
check_wait "aer: on $PCI, tied to vmpt's process" 30 \
	has aer "\"pid\":$VM" "\"pci_addr\":\"$PCI\"" '"driver":"vfio-pci"'
nicctl events | grep -F ' aer' | tail -n 2
nicctl events | grep -F "[vmnet $VM]" | tail -n 3
check "aer: vfio-pci has error handlers (it tells the VM)" \
	has aer "\"pid\":$VM" '"handlers":true'
nicctl vms $VM > $T/vms2.out
cat $T/vms2.out
check "vms: the AER error is in vmpt's story" grep -q "aer: nonfatal .*Poisoned TLP on $PCI" $T/vms2.out

kill $VM
wait $VM 2>/dev/null
echo $PCI > /sys/bus/pci/devices/$PCI/driver/unbind
check_wait "pci_unbind: vfio-pci let $PCI go" 20 has pci_unbind "\"pci_addr\":\"$PCI\"" '"pci_driver":"vfio-pci"'
echo > /sys/bus/pci/devices/$PCI/driver_override
echo $PCI > /sys/bus/pci/drivers_probe
check_wait "virtio-pci took $PCI back" 20 has pci_bind "\"pci_addr\":\"$PCI\"" '"pci_driver":"virtio-pci"'
check "rmmod nicdiag" rmmod nicdiag
