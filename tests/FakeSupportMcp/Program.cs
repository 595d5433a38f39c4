using ChatOps.FakeSupportMcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// stdout is the protocol: logs go to stderr.
var builder = Host.CreateEmptyApplicationBuilder(settings: null);
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "awslabs_support_mcp_server", Version = "0.0.0-fake" })
    .WithStdioServerTransport()
    .WithTools<SupportTools>();
await builder.Build().RunAsync();
