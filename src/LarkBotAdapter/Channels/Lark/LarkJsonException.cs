namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>Thrown inside the parser only; it always becomes <see cref="LarkInbound.Malformed"/>.</summary>
internal sealed class LarkJsonException(string reason) : Exception(reason);
