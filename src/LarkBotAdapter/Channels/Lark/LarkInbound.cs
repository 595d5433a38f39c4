using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>What a (decrypted) Lark event body turned out to be. Closed: only the nested records derive from it.</summary>
public abstract record LarkInbound
{
    private LarkInbound()
    {
    }

    /// <summary>The URL check Lark sends when the request URL is configured; answer <c>{"challenge": …}</c>.</summary>
    public sealed record UrlVerification(string Challenge, string? Token) : LarkInbound;

    /// <summary>An <c>im.message.receive_v1</c> event.</summary>
    /// <param name="SenderType"><c>user</c> or <c>app</c> (another bot); the ingress drops app senders.</param>
    public sealed record MessageReceived(LarkEventHeader Header, ChatTurn Turn, string SenderType) : LarkInbound;

    /// <summary>A well-formed event of a type the bot does not handle (acknowledge and ignore).</summary>
    public sealed record OtherEvent(LarkEventHeader Header) : LarkInbound;

    /// <summary>Not a Lark event the bot can read; the endpoint answers 400.</summary>
    public sealed record Malformed(string Reason) : LarkInbound;
}
