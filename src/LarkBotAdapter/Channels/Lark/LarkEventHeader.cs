namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>The envelope of a Lark event (schema 2.0 <c>header</c>; v1 fields mapped onto it).</summary>
/// <param name="EventId">Unique per delivery attempt group; Lark may redeliver one message under a new id.</param>
/// <param name="EventType">For example <c>im.message.receive_v1</c>.</param>
/// <param name="AppId">The app the event was sent to (<c>cli_…</c>).</param>
/// <param name="Token">The verification token carried in the event; compare with <see cref="LarkCrypto.TokenEquals"/>.</param>
/// <param name="CreateTime">When Lark created the event; null when absent or unreadable.</param>
/// <param name="TenantKey">The tenant; null when absent.</param>
public sealed record LarkEventHeader(
    string EventId,
    string EventType,
    string AppId,
    string? Token,
    DateTimeOffset? CreateTime,
    string? TenantKey);
