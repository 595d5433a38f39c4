using ChatOps.LarkBotAdapter;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.LarkBotAdapter.Secrets;
using ChatOps.OpsAgent.Gate;

if (args is [ToolGate.Command, ..])
{
    // chatops-kubectl / chatops-helm of ask's laptop route (Local/Ops/GateWrappers): the proxy's gate, no host.
    return ToolGate.Run(args[1..], Environment.GetEnvironmentVariable, Console.Error);
}

if (LocalCommands.Handles(args))
{
    return await LocalCommands.RunAsync(args);
}

var builder = WebApplication.CreateSlimBuilder(args).AddPlatformSecrets();
builder.Services.AddChatOpsWeb(builder.Configuration);

var app = builder.Build();
app.MapChatOps();
await app.RunAsync();
return 0;

// Entry point; public so WebApplicationFactory can host the app in tests.
public partial class Program;
