using ChatOps.LarkBotAdapter;
using ChatOps.LarkBotAdapter.Local;
using ChatOps.LarkBotAdapter.Secrets;

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
