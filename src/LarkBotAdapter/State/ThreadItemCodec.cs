using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace ChatOps.LarkBotAdapter.State;

// Maps a ThreadContext to and from its DynamoDB item, keeping the item under the size limit.
internal static class ThreadItemCodec
{
    public const string TurnsAttribute = "turns";
    public const string AttributesAttribute = "attrs";
    public const string UpdatedAtAttribute = "updatedAt";
    public const string VersionAttribute = "version";

    // DynamoDB's item limit is 400 KB; the budget leaves room for the estimate's slack.
    public const int DefaultMaxItemBytes = (400 * 1024) - 2048;

    // Fills item (which already holds the key and expiry) with the thread;
    // oldest turns are dropped (and a lone oversized turn shortened) until the item fits.
    // Returns How many turns were dropped.
    public static int Write(ThreadContext thread, Dictionary<string, AttributeValue> item, int maxItemBytes)
    {
        var fixedBytes = 64 + Utf8(TurnsAttribute) + Utf8(UpdatedAtAttribute) + 40;
        foreach (var (name, value) in item)
        {
            fixedBytes += Utf8(name) + Utf8(value.S ?? value.N ?? string.Empty);
        }

        if (thread.Attributes.Count > 0)
        {
            var map = thread.Attributes.ToDictionary(a => a.Key, a => new AttributeValue { S = a.Value }, StringComparer.Ordinal);
            item[AttributesAttribute] = new AttributeValue { M = map };
            fixedBytes += Utf8(AttributesAttribute) + 3 + thread.Attributes.Sum(a => Utf8(a.Key) + Utf8(a.Value) + 4);
        }

        if (fixedBytes > maxItemBytes)
        {
            throw new ArgumentException("The thread's attributes alone exceed the DynamoDB item size limit.", nameof(thread));
        }

        var turns = thread.Turns.Select(StoredTurn.From).ToList();
        var sizes = turns.Select(t => JsonSerializer.SerializeToUtf8Bytes(t, StateJsonContext.Compact.StoredTurn).Length).ToList();
        var total = 2 + sizes.Sum() + Math.Max(0, sizes.Count - 1);
        var dropped = 0;
        while (fixedBytes + total > maxItemBytes && turns.Count > 1)
        {
            total -= sizes[0] + 1;
            sizes.RemoveAt(0);
            turns.RemoveAt(0);
            dropped++;
        }

        if (fixedBytes + total > maxItemBytes)
        {
            turns[0] = Shorten(turns[0], maxItemBytes - fixedBytes - 2);
        }

        item[TurnsAttribute] = new AttributeValue { S = JsonSerializer.Serialize(turns, StateJsonContext.Compact.ListStoredTurn) };
        item[UpdatedAtAttribute] = new AttributeValue { S = thread.UpdatedAt.ToString("O", CultureInfo.InvariantCulture) };
        return dropped;
    }

    public static ThreadContext Read(string threadKey, Dictionary<string, AttributeValue> item)
    {
        var turns = item.TryGetValue(TurnsAttribute, out var json) && json.S is { Length: > 0 } text
            ? JsonSerializer.Deserialize(text, StateJsonContext.Compact.ListStoredTurn) ?? []
            : [];
        var attributes = item.TryGetValue(AttributesAttribute, out var map) && map.M is { } entries
            ? entries.Where(e => e.Value.S is not null).ToDictionary(e => e.Key, e => e.Value.S!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var updatedAt = item.TryGetValue(UpdatedAtAttribute, out var stamp) && stamp.S is { } s
            ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : DateTimeOffset.MinValue;
        // Contexts saved before versions existed read as version 0.
        var version = item.TryGetValue(VersionAttribute, out var number) && number.N is { } n
            ? long.Parse(n, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : 0;
        return new ThreadContext(threadKey, turns.ConvertAll(t => t.ToTurn()), attributes, updatedAt, version);
    }

    private static StoredTurn Shorten(StoredTurn turn, int maxBytes)
    {
        while (JsonSerializer.SerializeToUtf8Bytes(turn, StateJsonContext.Compact.StoredTurn).Length > maxBytes && turn.Text.Length > 0)
        {
            var length = turn.Text.Length * 9 / 10;
            if (length > 0 && char.IsHighSurrogate(turn.Text[length - 1]))
            {
                length--;
            }

            turn = turn with { Text = turn.Text[..length] };
        }

        return turn;
    }

    private static int Utf8(string value) => Encoding.UTF8.GetByteCount(value);
}
