namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// The envelope of a Lark event (schema 2.0 header; v1 fields mapped onto it).
// EventId: Unique per delivery attempt group; Lark may redeliver one message under a new id.
// EventType: For example im.message.receive_v1.
// AppId: The app the event was sent to (cli_…).
// Token: The verification token carried in the event; compare with LarkCrypto.TokenEquals.
// CreateTime: When Lark created the event; null when absent or unreadable.
// TenantKey: The tenant; null when absent.
public sealed record LarkEventHeader(
    string EventId,
    string EventType,
    string AppId,
    string? Token,
    DateTimeOffset? CreateTime,
    string? TenantKey);
