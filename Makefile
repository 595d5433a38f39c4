# Built by `sam build` (Metadata: BuildMethod: makefile): SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set.
# Framework-dependent (the dotnet10 runtime provides .NET), ReadyToRun for a faster cold start, linux-x64 apphost
# named LarkBotAdapter = the Handler that the Lambda Web Adapter starts.
PROJECT := src/LarkBotAdapter/LarkBotAdapter.csproj

.PHONY: build-BotFunction
build-BotFunction:
	dotnet publish $(PROJECT) -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --nologo -o $(ARTIFACTS_DIR)

# The proxy fleet's bundle (deploy/qcli-proxy/template.yaml, BundleS3Uri): `make package-proxy` builds the tarball in
# artifacts/proxy-bundle; `make publish-proxy BUCKET=my-bucket [PREFIX=qcli-proxy] [CLI_FROM=/root/.local/bin]` also
# uploads it and prints the BundleS3Uri to deploy with.
PROXY_BUNDLE_ARGS = $(if $(CLI_FROM),--cli-from $(CLI_FROM)) $(if $(VERSION),--version $(VERSION))

.PHONY: package-proxy publish-proxy
package-proxy:
	scripts/publish-proxy.sh $(PROXY_BUNDLE_ARGS)

publish-proxy:
	@test -n "$(BUCKET)" || { echo "make publish-proxy: set BUCKET=<S3 bucket for the bundle>" >&2; exit 2; }
	scripts/publish-proxy.sh --bucket $(BUCKET) $(if $(PREFIX),--prefix $(PREFIX)) $(PROXY_BUNDLE_ARGS)
