#!/usr/bin/env bash
# Installs the Q CLI proxy as a systemd service on Amazon Linux 2023 or Ubuntu (22.04/24.04).
# Usage: sudo ./install.sh <published-app-folder> [--cli-from <folder>]
#   <published-app-folder> is the output of:
#   dotnet publish src/QCliProxy -c Release -r linux-x64 --self-contained -o publish   (linux-arm64 on Graviton)
#   --cli-from copies the CLI's executables (kiro-cli*, or q and qchat) from that folder (e.g. /root/.local/bin after
#   installing the CLI as root) to /usr/local/bin, root-owned: neither the proxy's user nor the CLI's can change them.
# Two accounts: qcli runs the proxy; qcli-agent runs the CLI (its own home, no access to the proxy's files).
# Idempotent: re-running upgrades the app and the agents and keeps the environment file and the state folders.
set -euo pipefail

app_source=${1:-}
cli_from=
if [ "${2:-}" = "--cli-from" ]; then cli_from=${3:-}; fi
here=$(cd "$(dirname "$0")" && pwd)
service_user=qcli
agent_user=qcli-agent
agent_home=/var/lib/qcli-agent
state_dir=/var/lib/qcli-proxy
install_dir=/opt/qcli-proxy
config_dir=/etc/qcli-proxy
env_file=$config_dir/qcli-proxy.env

fail() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (sudo)"
[ -n "$app_source" ] && [ -x "$app_source/QCliProxy" ] || fail "usage: sudo $0 <folder with the published QCliProxy>"
. /etc/os-release
case "${ID:-}" in
  amzn | ubuntu | debian) ;;
  *) echo "install.sh: untested distribution '${ID:-unknown}', continuing" >&2 ;;
esac

# The AWS CLI v2 is what Q's use_aws tool runs.
if ! command -v aws >/dev/null; then
  if [ "${ID:-}" = amzn ]; then
    dnf install -y awscli-2
  else
    echo "install.sh: the AWS CLI v2 is not installed; install it (e.g. 'snap install aws-cli --classic') before using use_aws" >&2
  fi
fi

# The sandbox every CLI run gets (QCLI_SANDBOX=bwrap) and the iptables rule that closes IMDS to the CLI's account.
need_packages=()
command -v bwrap >/dev/null || need_packages+=(bubblewrap)
command -v iptables >/dev/null || need_packages+=("$([ "${ID:-}" = amzn ] && echo iptables-nft || echo iptables)")
if [ "${#need_packages[@]}" -gt 0 ]; then
  if [ "${ID:-}" = amzn ]; then dnf install -y "${need_packages[@]}"; else apt-get install -y "${need_packages[@]}"; fi
fi

# Two unprivileged system users with homes outside /home (ProtectHome=true hides /home from the service).
if ! id "$service_user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$state_dir" --shell /usr/sbin/nologin "$service_user"
fi
if ! id "$agent_user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$agent_home" --shell /usr/sbin/nologin "$agent_user"
fi
usermod -a -G "$agent_user" "$service_user"
# The proxy's home: the CLI's group may pass through to a conversation folder it is given, never list it.
install -d -m 0710 -o "$service_user" -g "$agent_user" "$state_dir"
install -d -m 0710 -o "$service_user" -g "$agent_user" "$state_dir/conversations"
# The CLI's home: its login and data. The agent folders in it are root's, so the CLI cannot rewrite its own limits.
install -d -m 0700 -o "$agent_user" -g "$agent_user" "$agent_home"
install -d -m 0755 -o root -g root "$agent_home/.kiro" "$agent_home/.kiro/agents" "$agent_home/.aws" "$agent_home/.aws/amazonq" "$agent_home/.aws/amazonq/cli-agents"
install -m 0644 -o root -g root "$here/agents/kiro-cli/chatops.json" "$agent_home/.kiro/agents/chatops.json"
install -m 0644 -o root -g root "$here/agents/q/chatops.json" "$agent_home/.aws/amazonq/cli-agents/chatops.json"
# The agent with approvals (QCLI_AGENT=chatops-approvals): proposal tools, KB retrieval, the Support server's read tools.
install -m 0644 -o root -g root "$here/agents/kiro-cli/chatops-approvals.json" "$agent_home/.kiro/agents/chatops-approvals.json"
install -m 0644 -o root -g root "$here/agents/q/chatops-approvals.json" "$agent_home/.aws/amazonq/cli-agents/chatops-approvals.json"

# Approvals: uv (uvx starts the AWS Support and Bedrock KB Retrieval MCP servers; each account caches them in its
# home on first use), the root-owned runbook folder, and where the saved Support service list goes.
if ! command -v uvx >/dev/null; then
  if ! command -v pipx >/dev/null; then
    if [ "${ID:-}" = amzn ]; then dnf install -y pipx || dnf install -y python3-pip; else apt-get install -y pipx; fi
  fi
  if command -v pipx >/dev/null; then
    PIPX_HOME=/opt/pipx PIPX_BIN_DIR=/usr/local/bin pipx install uv
  else
    python3 -m pip install --root-user-action=ignore --prefix /usr/local uv
  fi
fi
install -d -m 0755 -o root -g root /opt/qcli-runbooks /usr/local/share/qcli-proxy
install -m 0644 -o root -g root "$here/runbooks/README.md" /opt/qcli-runbooks/README.md

# The CLI itself, root-owned and read-only for both users.
if [ -n "$cli_from" ]; then
  found=0
  for name in kiro-cli kiro-cli-chat kiro-cli-term q qchat qterm; do
    if [ -f "$cli_from/$name" ]; then
      install -m 0755 -o root -g root "$cli_from/$name" "/usr/local/bin/$name"
      found=1
    fi
  done
  [ "$found" -eq 1 ] || fail "--cli-from $cli_from holds neither kiro-cli nor q"
fi

# bwrap must be able to make its namespaces as the CLI's account. Ubuntu 24.04 forbids unprivileged user namespaces
# to programs without an AppArmor profile allowing them (kernel.apparmor_restrict_unprivileged_userns=1): bwrap gets one.
if [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null || echo 0)" = 1 ] && [ ! -f /etc/apparmor.d/bwrap ]; then
  printf '%s\n' 'abi <abi/4.0>,' 'include <tunables/global>' 'profile bwrap /usr/bin/bwrap flags=(unconfined) {' '  userns,' \
    '  include if exists <local/bwrap>' '}' > /etc/apparmor.d/bwrap
  apparmor_parser -r /etc/apparmor.d/bwrap
fi
if ! (cd / && runuser -u "$agent_user" -- bwrap --ro-bind / / --unshare-pid --proc /proc true); then
  fail "bwrap cannot run as $agent_user (see the error above), so QCLI_SANDBOX=bwrap would refuse every run. On Ubuntu 24.04
  kernel.apparmor_restrict_unprivileged_userns=1 needs an AppArmor profile giving /usr/bin/bwrap 'userns' (this script
  writes /etc/apparmor.d/bwrap; check 'aa-status' and 'apparmor_parser -r /etc/apparmor.d/bwrap'); elsewhere check
  user.max_user_namespaces (sysctl) is above 0. Or set QCLI_SANDBOX=none in $env_file (no isolation between runs)."
fi

# IMDS: the CLI's account may not reach the instance metadata service (the instance role). The rule is inserted now and
# at every boot by a oneshot unit that qcli-proxy.service requires; the rules in place are printed.
install -m 0755 -o root -g root "$here/imds-block.sh" /usr/local/sbin/qcli-imds-block
install -m 0644 "$here/qcli-imds-block.service" /etc/systemd/system/qcli-imds-block.service
/usr/local/sbin/qcli-imds-block apply "$agent_user"
/usr/local/sbin/qcli-imds-block show "$agent_user" || fail "the iptables rule blocking $agent_user from 169.254.169.254 is not in place"

# The AWS profiles: readable by the proxy only; each run gets a copy holding its one profile.
install -d -m 0750 -o root -g "$service_user" "$config_dir" "$config_dir/aws"
for file in config credentials; do
  [ -f "$config_dir/aws/$file" ] || install -m 0640 -o root -g "$service_user" /dev/null "$config_dir/aws/$file"
done

# The app: root-owned and read-only for the service, swapped in whole.
rm -rf "$install_dir.new"
cp -a "$app_source" "$install_dir.new"
cp "$here/README.md" "$install_dir.new/README.md"
chown -R root:root "$install_dir.new"
chmod -R go-w "$install_dir.new"
rm -rf "$install_dir.old"
[ -d "$install_dir" ] && mv "$install_dir" "$install_dir.old"
mv "$install_dir.new" "$install_dir"
rm -rf "$install_dir.old"

# The kubectl/helm gate: the agents' shell may run only chatops-kubectl and chatops-helm, root-owned, which check the
# arguments against a fixed grammar and run the real binary without a shell (README "kubectl and helm"). The gate
# finds kubectl/helm on the CLI's PATH; to name another binary run `sudo QCLI_KUBECTL=/path ./install.sh …` (or
# QCLI_HELM): the path is written into the wrapper, and kept on later runs that do not name one.
for tool in kubectl helm; do
  wrapper=/usr/local/bin/chatops-$tool
  variable=QCLI_$(echo "$tool" | tr '[:lower:]' '[:upper:]')
  real=${!variable:-}
  if [ -z "$real" ] && [ -f "$wrapper" ]; then real=$(sed -n "s/^export $variable=//p" "$wrapper"); fi
  if [ -n "$real" ] && ! [[ "$real" =~ ^/[A-Za-z0-9_./+-]+$ ]]; then fail "$variable must be an absolute path without spaces or quotes"; fi
  {
    echo '#!/bin/sh'
    echo "# Installed by qcli-proxy's install.sh: $tool through the gate's fixed grammar, never through a shell."
    if [ -n "$real" ]; then echo "export $variable=$real"; fi
    echo "exec $install_dir/QCliProxy tool $tool \"\$@\""
  } > "$wrapper.new"
  chown root:root "$wrapper.new"
  chmod 0755 "$wrapper.new"
  mv -f "$wrapper.new" "$wrapper"
done

# The environment file: root only (systemd reads it before dropping to the service user), with a fresh secret.
if [ ! -f "$env_file" ]; then
  secret=$(openssl rand -hex 32 2>/dev/null || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
  sed "s/^QCLI_PROXY_SECRET=.*/QCLI_PROXY_SECRET=$secret/" "$here/qcli-proxy.env.example" > "$env_file"
  unset secret
  echo "install.sh: created $env_file with a new QCLI_PROXY_SECRET (give the same value to the Lambda)"
fi
chown root:root "$env_file"
chmod 0600 "$env_file"

install -m 0644 "$here/qcli-proxy.service" /etc/systemd/system/qcli-proxy.service
systemctl daemon-reload
systemctl enable qcli-imds-block >/dev/null
systemctl enable qcli-proxy >/dev/null
systemctl restart qcli-proxy

cat <<NEXT
install.sh: qcli-proxy is installed and (re)started. Next, as README.md describes:
  1. the CLI in /usr/local/bin (re-run with --cli-from), then log it in as $agent_user, or set KIRO_API_KEY in $env_file
  2. write $config_dir/aws/config with read-only profiles; list them in QCLI_AWS_PROFILES in $env_file
  3. sudo systemctl restart qcli-proxy && curl -s http://127.0.0.1:8080/healthz
  approvals (optional, README "Approvals"): QCLI_AGENT=chatops-approvals; scripts in /opt/qcli-runbooks;
     aws support describe-services --language en > /usr/local/share/qcli-proxy/support-services.json
     (Business, Enterprise On-Ramp or Enterprise Support plan)
NEXT
