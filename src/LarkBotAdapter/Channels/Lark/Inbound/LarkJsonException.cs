namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Thrown inside the parser only; it always becomes LarkInbound.Malformed.
internal sealed class LarkJsonException(string reason) : Exception(reason);
