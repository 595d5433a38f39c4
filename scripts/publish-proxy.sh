#!/usr/bin/env bash
# Packages the proxy bundle the fleet installs (deploy/qcli-proxy/template.yaml, parameter BundleS3Uri) and, with
# --bucket, uploads it to S3. `make package-proxy` / `make publish-proxy BUCKET=…` run it.
#   scripts/publish-proxy.sh [--out DIR] [--version V] [--runtime linux-x64] [--published DIR] [--cli-from DIR]
#                            [--bucket BUCKET [--prefix PREFIX]]
# The tarball qcli-proxy-<version>.tar.gz holds: app/ (dotnet publish of src/QCliProxy, self-contained; --published
# takes an existing publish folder instead), kit/ (deploy/qcli-proxy without the stack's own files: install.sh, the
# agents, runbooks, unit files, fleet/), cli/ (with --cli-from: the CLI's executables for install.sh --cli-from) and
# BUNDLE (version, commit, runtime). Every version gets its own key, so a new one rolls the fleet.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/artifacts/proxy-bundle
runtime=linux-x64
version='' published='' cli_from='' bucket='' prefix=qcli-proxy
fail() { echo "publish-proxy.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --out | --version | --runtime | --published | --cli-from | --bucket | --prefix)
      if [ $# -lt 2 ] || [ -z "$2" ]; then fail "$1 needs a value"; fi
      declare "$(echo "${1#--}" | tr - _)=$2"
      shift 2 ;;
    *) fail "unknown argument '$1' (see the usage at the top of $0)" ;;
  esac
done

commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
version=${version:-$(date -u +%Y%m%d%H%M%S)-$commit}
[[ $version =~ ^[A-Za-z0-9._-]+$ ]] || fail "--version may hold letters, digits, '.', '_' and '-' only"
[[ $runtime =~ ^linux-(x64|arm64)$ ]] || fail "--runtime must be linux-x64 or linux-arm64"
[[ $prefix =~ ^[A-Za-z0-9._/-]*$ ]] || fail "--prefix may hold letters, digits, '.', '_', '-' and '/' only"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

if [ -n "$published" ]; then
  [ -d "$published" ] || fail "--published $published is not a folder"
  cp -a "$published" "$staging/app"
else
  dotnet publish "$root/src/QCliProxy" -c Release -r "$runtime" --self-contained --nologo -o "$staging/app"
fi
[ -x "$staging/app/QCliProxy" ] || fail "the published app has no executable QCliProxy"

cp -a "$root/deploy/qcli-proxy" "$staging/kit"
rm -rf "$staging/kit/template.yaml" "$staging/kit/samconfig.toml" "$staging/kit/.aws-sam"

parts=(app kit BUNDLE)
if [ -n "$cli_from" ]; then
  mkdir "$staging/cli"
  for name in kiro-cli kiro-cli-chat kiro-cli-term q qchat qterm; do
    if [ -f "$cli_from/$name" ]; then cp "$cli_from/$name" "$staging/cli/$name"; fi
  done
  [ -n "$(ls -A "$staging/cli")" ] || fail "--cli-from $cli_from holds neither kiro-cli nor q"
  parts+=(cli)
fi
printf 'version=%s\ncommit=%s\nruntime=%s\n' "$version" "$commit" "$runtime" > "$staging/BUNDLE"

mkdir -p "$out"
tarball=$out/qcli-proxy-$version.tar.gz
tar -C "$staging" --owner=0 --group=0 -czf "$tarball" "${parts[@]}"
echo "publish-proxy.sh: $tarball"

if [ -n "$bucket" ]; then
  uri="s3://$bucket/${prefix:+${prefix%/}/}qcli-proxy-$version.tar.gz"
  aws s3 cp "$tarball" "$uri" --only-show-errors
  echo "publish-proxy.sh: uploaded; deploy the proxy stack with BundleS3Uri=$uri"
fi
