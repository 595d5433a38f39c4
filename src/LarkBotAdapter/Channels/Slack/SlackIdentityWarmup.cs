using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>Learns the bot's user id in the background at start-up (a failure only delays it to the first need).</summary>
internal sealed partial class SlackIdentityWarmup(IOptions<SlackOptions> options, SlackBotIdentity identity, ILogger<SlackIdentityWarmup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            return;
        }
        try
        {
            await identity.GetAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.WarmupFailed(logger, ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Could not learn the Slack bot's user id at start-up: {Reason}")]
        public static partial void WarmupFailed(ILogger logger, string reason);
    }
}
