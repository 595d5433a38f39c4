#!/usr/bin/env bash
# Closes the EC2 instance metadata service (IPv4 169.254.169.254, IPv6 fd00:ec2::254) to one account with an iptables
# owner match, so the CLI cannot take the instance role's credentials. Each rule is inserted at the top of OUTPUT (before
# any ACCEPT a firewall such as ufw adds there) only when `-C` does not find it: running it again changes nothing.
# install.sh installs it as /usr/local/sbin/qcli-imds-block and runs it at every boot from qcli-imds-block.service.
# Usage: qcli-imds-block apply|show <account>     (or source it and call imds_block / imds_show)

# The two rules, as "<command> <destination>" pairs.
imds_targets() {
  printf '%s\n' "iptables 169.254.169.254/32" "ip6tables fd00:ec2::254/128"
}

# Adds the rules that are missing. IPv4 must succeed; IPv6 may be absent (IPv6 disabled): that is reported, not fatal.
imds_block() {
  local account=$1 tool destination
  while read -r tool destination; do
    local rule=(-d "$destination" -m owner --uid-owner "$account" -j REJECT)
    if "$tool" -w -C OUTPUT "${rule[@]}" 2>/dev/null; then
      continue
    fi
    if ! "$tool" -w -I OUTPUT 1 "${rule[@]}"; then
      if [ "$tool" = iptables ]; then
        echo "qcli-imds-block: could not add the IPv4 rule blocking $account from the metadata service" >&2
        return 1
      fi
      echo "qcli-imds-block: no IPv6 rule for $account ($tool failed; IPv6 disabled?)" >&2
    fi
  done < <(imds_targets)
}

# Prints the rules that are in place; fails when the IPv4 one is not.
imds_show() {
  local account=$1 tool destination found=1
  while read -r tool destination; do
    if "$tool" -w -C OUTPUT -d "$destination" -m owner --uid-owner "$account" -j REJECT 2>/dev/null; then
      "$tool" -w -S OUTPUT | grep -F -- "-d $destination" || true
      if [ "$tool" = iptables ]; then found=0; fi
    fi
  done < <(imds_targets)
  return $found
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    apply) imds_block "${2:?account}" ;;
    show) imds_show "${2:?account}" ;;
    *) echo "usage: $0 apply|show <account>" >&2; exit 2 ;;
  esac
fi
