#!/usr/bin/env bash
# qcli-fetch-secrets [CONFIG] [OUTPUT]: reads the proxy's secrets from Secrets Manager into a root-only environment
# file that systemd hands to the service (fleet install: template.yaml's user data installs it as
# /usr/local/sbin/qcli-fetch-secrets, run as root by qcli-proxy.service's ExecStartPre before each start).
# CONFIG lines: AWS_REGION=<region>, and NAME=<secret ARN> for each variable (QCLI_PROXY_SECRET, KIRO_API_KEY).
# A secret is a plain string, or JSON holding a key named like the variable. Values are never printed.
set -euo pipefail

config=${1:-/etc/qcli-proxy/secrets.conf}
output=${2:-/run/qcli-proxy-secrets/secrets.env}
fail() { echo "qcli-fetch-secrets: $*" >&2; exit 1; }

[ -r "$config" ] || fail "cannot read $config"
region=$(sed -n 's/^AWS_REGION=//p' "$config")
umask 077
mkdir -p "$(dirname "$output")"
chmod 0700 "$(dirname "$output")"
partial=$(mktemp "$output.XXXXXX")
trap 'rm -f "$partial"' EXIT

while IFS='=' read -r name arn; do
  case "$name" in '' | '#'* | AWS_REGION) continue ;; esac
  [[ $name =~ ^[A-Z][A-Z0-9_]*$ ]] || fail "$config: '$name' is not a variable name"
  [[ $arn =~ ^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+$ ]] ||
    fail "$name: '$arn' is not a Secrets Manager secret ARN"
  value=$(aws secretsmanager get-secret-value --secret-id "$arn" ${region:+--region "$region"} --query SecretString --output text) ||
    fail "$name: could not read $arn (the aws error is above)"
  if [ "${value:0:1}" = "{" ]; then
    value=$(python3 -c 'import json, sys
found = json.loads(sys.stdin.read()).get(sys.argv[1])
print(found if isinstance(found, str) else "", end="")' "$name" <<< "$value") || fail "$name: $arn holds JSON that does not parse"
    [ -n "$value" ] || fail "$name: $arn is JSON without a string key $name"
  fi
  # systemd's environment files read quotes, backslashes and spaces specially: a secret is plain token characters.
  [[ $value =~ ^[A-Za-z0-9._~+/=:@-]+$ ]] ||
    fail "$name: the value in $arn is empty or has characters other than letters, digits and . _ ~ + / = : @ -"
  printf '%s=%s\n' "$name" "$value" >> "$partial"
done < "$config"

mv -f "$partial" "$output"
trap - EXIT
echo "qcli-fetch-secrets: $(cut -d= -f1 "$output" | paste -sd, -) written to $output"
