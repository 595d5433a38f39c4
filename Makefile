# Built by `sam build` (Metadata: BuildMethod: makefile): SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set.
# Framework-dependent (the dotnet10 runtime provides .NET), ReadyToRun for a faster cold start, linux-x64 apphost
# named LarkBotAdapter = the Handler that the Lambda Web Adapter starts.
PROJECT := src/LarkBotAdapter/LarkBotAdapter.csproj

.PHONY: build-BotFunction
build-BotFunction:
	dotnet publish $(PROJECT) -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true --nologo -o $(ARTIFACTS_DIR)
