namespace ChatOps.QCliProxy.Proposals.Tools;

// `QCliProxy mcp-proposals`: the proposal tools as a stdio MCP server, started by the CLI from its agent configuration.
// stdout carries the protocol, so every log line goes to stderr.
internal static class ProposalMcpServer
{
    public const string Command = "mcp-proposals";

    public static async Task<int> RunAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        // A refused proposal is the tool's answer to the model, not a fault of the server.
        builder.Logging.AddFilter("ModelContextProtocol", LogLevel.Critical);
        builder.Services.AddSingleton(ProposalToolContext.FromEnvironment());
        builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "chatops-proposals", Version = "2" })
            .WithStdioServerTransport()
            .WithTools<ProposalTools>();
        await builder.Build().RunAsync();
        return 0;
    }
}
