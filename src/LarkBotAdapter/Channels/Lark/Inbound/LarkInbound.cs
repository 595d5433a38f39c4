using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// What a (decrypted) Lark event body turned out to be. Closed: only the nested records derive from it.
public abstract record LarkInbound
{
    private LarkInbound()
    {
    }

    // The URL check Lark sends when the request URL is configured; answer {"challenge": …}.
    public sealed record UrlVerification(string Challenge, string? Token) : LarkInbound;

    // An im.message.receive_v1 event.
    // SenderType: user or app (another bot); the ingress drops app senders.
    public sealed record MessageReceived(LarkEventHeader Header, ChatTurn Turn, string SenderType) : LarkInbound;

    // A click on one of the bot's interactive cards (card.action.trigger); answered on /lark/cards.
    public sealed record CardAction(LarkEventHeader Header, LarkCardAction Action) : LarkInbound;

    // A well-formed event of a type the bot does not handle (acknowledge and ignore).
    public sealed record OtherEvent(LarkEventHeader Header) : LarkInbound;

    // Not a Lark event the bot can read; the endpoint answers 400.
    public sealed record Malformed(string Reason) : LarkInbound;
}
