using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// The fast path of POST /slack/events, behind RequireSlackSignature: parse ▸ challenge ▸ filter ▸ address ▸ claim ▸ hand off. Calls
// no model, proxy or Slack API; bad input changes nothing. Redeliveries (X-Slack-Retry-Num) take the same
// path and stop at the claim (team + channel + ts), so app_mention and message copies of one message
// are answered once too.
public sealed class SlackIngress(SlackBotIdentity identity, AddressPolicy addresses, TurnAdmission admission, ILogger<SlackIngress> logger)
{
    public const string RetryNumHeader = "X-Slack-Retry-Num";

    public async Task<EventReply> HandleAsync(PlatformRequest request, CancellationToken cancellationToken)
    {
        switch (SlackEventParser.Parse(request.Body, identity.TryGetCached()))
        {
            case SlackInbound.Malformed bad:
                return PlatformReplies.BadRequest(bad.Reason);
            case SlackInbound.UrlVerification challenge:
                return PlatformReplies.Challenge(challenge.Challenge);
            case SlackInbound.Message message:
                var retry = request.Headers[RetryNumHeader].ToString();
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
        var facts = new AddressFacts(botId, ReportedAsMention: message.IsAppMention, MentionsArriveSeparately: true);
        var addressing = await addresses.DecideAsync(turn, facts, cancellationToken);
        if (addressing == Addressing.NotForBot)
        {
            return PlatformReplies.Ack();
        }
        // Slack cannot de-duplicate a post, so only one event per message tells the asker the store is down: its first
        // delivery, and of a mention's two events (app_mention and its message copy) the app_mention.
        var mentionsBot = botId is not null && turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
        var notice = firstDelivery && (message.IsAppMention || (turn.IsDirect && !mentionsBot));
        return await admission.AdmitEventAsync(turn, addressing == Addressing.AskWorker, notice, cancellationToken);
    }
}
