# SPDX-License-Identifier: GPL-2.0
# Loaded late, with two NICs already probed.
nicctl show
n=$(nicctl show --json | grep -c '"driver":"virtio_net"')
check "both virtio_net devices watched after a late load ($n)" test "$n" = 2
nicctl events --json > /tmp/ev.json
check "arrivals recorded with cause present" \
	test "$(grep -F '"type":"dev_arrive"' /tmp/ev.json | grep -cF '"cause":"present"')" -ge 2
check "no spurious admin or carrier events at load" \
	sh -c "! grep -q '\"type\":\"admin_\|\"type\":\"carrier_' /tmp/ev.json"
IF=$(netdev_of_driver virtio_net)
ip link set "$IF" up
check_wait "$IF carrier on" 30 grep -qx 1 /sys/class/net/$IF/carrier
check_wait "admin_up recorded for $IF" 20 \
	sh -c "nicctl events --json | grep -F '\"ifname\":\"$IF\"' | grep -qF '\"type\":\"admin_up\"'"
