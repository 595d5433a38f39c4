namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Learns the bot's user id in the background at start-up (a failure only delays it to the first need).
internal sealed class SlackIdentityWarmup(SlackOptions options, SlackBotIdentity identity, SlackWebApiClient client, ILogger<SlackIdentityWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsConfigured)
        {
            return;
        }
        try
        {
            await identity.GetAsync(client, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WarmupFailed(logger, ex.Message);
        }
    }
}
