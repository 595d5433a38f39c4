using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// The fast path of POST /lark/events, behind RequireLarkSignature (verify ▸ decrypt ▸ challenge ▸ parse):
// filter ▸ address ▸ claim ▸ hand off. Calls no model, proxy or chat API; bad input changes nothing.
public sealed class LarkIngress(LarkBotIdentity identity, AddressPolicy addresses, TurnAdmission admission)
{
    public async Task<EventReply> HandleAsync(LarkVerified verified, CancellationToken cancellationToken) =>
        verified.Inbound is LarkInbound.MessageReceived message ? await AdmitAsync(message, cancellationToken) : PlatformReplies.Ack();

    private async Task<EventReply> AdmitAsync(LarkInbound.MessageReceived message, CancellationToken cancellationToken)
    {
        var turn = message.Turn;
        if (message.SenderType != "user")
        {
            return PlatformReplies.Ack();
        }
        if (ChatTurnRules.Problem(turn) is { } problem)
        {
            return PlatformReplies.BadRequest(problem);
        }
        var addressing = await addresses.DecideAsync(turn, new AddressFacts(identity.TryGetCached(turn.AppId)), cancellationToken);
        if (addressing == Addressing.NotForBot)
        {
            return PlatformReplies.Ack();
        }
        var needsCheck = addressing == Addressing.AskWorker;
        // Lark de-duplicates the notice by its reply uuid, so every delivery may ask for it.
        // A message that may be for someone else (the bot's id is not known yet) gets no notice when the store is down.
        return await admission.AdmitEventAsync(turn, needsCheck, noticeIfStoreDown: !needsCheck, cancellationToken);
    }
}
