namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// Learns every app's open_id in the background at start-up (failures only delay it to the first job).
internal sealed class LarkIdentityWarmup(LarkOptions options, LarkBotIdentity identity, LarkOpenApiClient client, ILogger<LarkIdentityWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var app in options.Apps)
        {
            try
            {
                await identity.GetAsync(app, client, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.WarmupFailed(logger, app.AppId, ex.Message);
            }
        }
    }
}
