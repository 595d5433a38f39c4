using System.Globalization;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// What the worker records for one card of a live answer: the card entity, when it was created (the base of
// its operation sequence, so a retry's sequence continues above the earlier run's) and the reply message showing it
// (empty until that reply is confirmed). Written as card:<card id>:<unix ms>:<message id>.
public sealed record LarkCardRef(string CardId, DateTimeOffset CreatedAt, string MessageId)
{
    private const string Prefix = "card:";

    public override string ToString() =>
        $"{Prefix}{CardId}:{CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}:{MessageId}";

    public static LarkCardRef? TryParse(string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = value[Prefix.Length..].Split(':', 3);
        return parts.Length == 3 && parts[0].Length > 0 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? new LarkCardRef(parts[0], DateTimeOffset.FromUnixTimeMilliseconds(ms), parts[2])
            : null;
    }
}
