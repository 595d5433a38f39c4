using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// The fast path of POST /slack/events: verify ▸ challenge ▸ parse ▸ filter ▸ claim ▸ hand off. Calls
// no model, proxy or Slack API; bad input changes nothing. Redeliveries (X-Slack-Retry-Num) take the same
// path and stop at the claim (team + channel + ts), so app_mention and message copies of one message
// are answered once too.
public sealed class SlackIngress(
    IOptionsMonitor<SlackOptions> options,
    SecretRefresher secrets,
    SlackBotIdentity identity,
    ThreadActivity threads,
    TurnAdmission admission,
    TimeProvider time,
    ILogger<SlackIngress> logger)
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public async Task<EventReply> HandleAsync(byte[] body, IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        if (!await VerifiedAsync(options, secrets, body, headers, time, logger, cancellationToken))
        {
            return PlatformReplies.Unauthorized();
        }
        switch (SlackEventParser.Parse(body, identity.TryGetCached()))
        {
            case SlackInbound.Malformed bad:
                return PlatformReplies.BadRequest(bad.Reason);
            case SlackInbound.UrlVerification challenge:
                return PlatformReplies.Challenge(challenge.Challenge);
            case SlackInbound.Message message:
                var retry = headers[RetryNumHeader].ToString();
                var redelivery = retry.Length > 0;
                if (redelivery)
                {
                    Log.Redelivery(logger, message.Turn.ClaimKey, retry);
                }
                return await AdmitAsync(message, firstDelivery: !redelivery, cancellationToken);
            default:
                return PlatformReplies.Ack();
        }
    }

    // Checks the request with the current signing secret; when that fails, re-reads the platform secret (it may
    // have been rotated; at most once per interval) and checks again only if it changed.
    internal static async Task<bool> VerifiedAsync(
        IOptionsMonitor<SlackOptions> options, SecretRefresher secrets, byte[] body, IHeaderDictionary headers, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken) =>
        Verified(options.CurrentValue, body, headers, time, logger)
        || (await secrets.TryRefreshAsync("a Slack request failed verification", SecretRefresher.AckPathWait, cancellationToken)
            && options.CurrentValue.IsConfigured
            && Verified(options.CurrentValue, body, headers, time, logger));

    // Checks X-Slack-Signature and the timestamp window; logs why a request is refused.
    internal static bool Verified(SlackOptions slack, byte[] body, IHeaderDictionary headers, TimeProvider time, ILogger logger)
    {
        if (SlackSignature.Verify(
            slack.SigningSecret!, headers[SlackSignature.TimestampHeader], body, headers[SlackSignature.SignatureHeader], time.GetUtcNow(), slack.MaxRequestAge))
        {
            return true;
        }
        Log.Rejected(logger);
        return false;
    }

    private async Task<EventReply> AdmitAsync(SlackInbound.Message message, bool firstDelivery, CancellationToken cancellationToken)
    {
        var turn = message.Turn;
        if (ChatTurnRules.Problem(turn) is { } problem)
        {
            return PlatformReplies.BadRequest(problem);
        }
        var botId = message.BotUserId;
        if (turn.SenderId == botId)
        {
            return PlatformReplies.Ack();
        }
        var mentionsBot = botId is not null && turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
        var addressed = message.IsAppMention || turn.IsDirect || mentionsBot;
        var needsCheck = false;
        if (!addressed && await threads.IsBotThreadAsync(turn, cancellationToken))
        {
            // In the bot's thread no @ is needed, unless the message only @mentions someone else.
            addressed = turn.MentionedIds.Count == 0 || botId is null;
            needsCheck = turn.MentionedIds.Count > 0 && botId is null;
        }
        if (!addressed)
        {
            return PlatformReplies.Ack();
        }
        // Slack cannot de-duplicate a post, so only one event per message tells the asker the store is down: its first
        // delivery, and of a mention's two events (app_mention and its message copy) the app_mention.
        var notice = firstDelivery && (message.IsAppMention || (turn.IsDirect && !mentionsBot));
        return await admission.AdmitEventAsync(turn, needsCheck, notice, cancellationToken);
    }
}
