#!/usr/bin/env bash
# Installs the Q CLI proxy as a systemd service on Amazon Linux 2023 or Ubuntu (22.04/24.04).
# Usage: sudo ./install.sh <published-app-folder>
#   where the folder is the output of:
#   dotnet publish src/QCliProxy -c Release -r linux-x64 --self-contained -o publish   (linux-arm64 on Graviton)
# Idempotent: re-running upgrades the app and keeps the environment file and the state folder.
set -euo pipefail

app_source=${1:-}
here=$(cd "$(dirname "$0")" && pwd)
service_user=qcli
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

# An unprivileged system user whose home is the state folder (ProtectHome=true hides /home from the service).
if ! id "$service_user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$state_dir" --shell /usr/sbin/nologin "$service_user"
fi
install -d -m 0700 -o "$service_user" -g "$service_user" "$state_dir" "$state_dir/conversations"

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

# The environment file: root only (systemd reads it before dropping to the service user), with a fresh secret.
install -d -m 0700 -o root -g root "$config_dir"
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
systemctl enable qcli-proxy >/dev/null
systemctl restart qcli-proxy

cat <<NEXT
install.sh: qcli-proxy is installed and (re)started. Next, as README.md describes:
  1. install the Q CLI for the service user and log in:  sudo -u $service_user -H bash -l
  2. write $state_dir/.aws/config with read-only profiles; list them in QCLI_AWS_PROFILES in $env_file
  3. sudo systemctl restart qcli-proxy && curl -s http://127.0.0.1:8080/healthz
NEXT
