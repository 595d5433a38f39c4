using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Deterministic mutations of a valid body (each case seeds its own <see cref="Random"/>): byte-level damage
/// (truncation, flips, deletions, repeats, hostile tokens) and JSON-tree damage (a value replaced by another type).</summary>
public static class FuzzMutator
{
    public const int Seed = 1729;

    private static readonly byte[][] Tokens =
    [
        "null"u8.ToArray(), "[]"u8.ToArray(), "{}"u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(), "\\u0000"u8.ToArray(),
        "\\ud800"u8.ToArray(), "9e999"u8.ToArray(), "-0"u8.ToArray(), ","u8.ToArray(), ":"u8.ToArray(), "}"u8.ToArray(),
        "]"u8.ToArray(), [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00],
        Encoding.UTF8.GetBytes("\u202E\u200D👩‍💻e\u0301"), Encoding.UTF8.GetBytes(HostileRequests.Nested(64)),
    ];

    /// <summary>The random source of case <paramref name="index"/>.</summary>
    public static Random For(int index) => new(Seed + index);

    public static byte[] MutateBytes(byte[] input, Random random)
    {
        var at = random.Next(input.Length + 1);
        var length = Math.Min(random.Next(1, 32), input.Length - at);
        return random.Next(5) switch
        {
            0 => input[..at],
            1 => Flip(input, at, random),
            2 => [.. input[..at], .. input[(at + length)..]],
            3 => [.. input[..(at + length)], .. input[at..]],
            _ => [.. input[..at], .. Tokens[random.Next(Tokens.Length)], .. input[at..]],
        };
    }

    public static string MutateTree(string json, Random random)
    {
        var root = JsonNode.Parse(json)!;
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        var replacement = Replacement(random);
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
            default:
                return replacement?.ToJsonString() ?? "null";
        }
        return root.ToJsonString();
    }

    private static byte[] Flip(byte[] input, int at, Random random)
    {
        if (input.Length == 0)
        {
            return [(byte)random.Next(256)];
        }
        var copy = (byte[])input.Clone();
        copy[Math.Min(at, copy.Length - 1)] = (byte)random.Next(256);
        return copy;
    }

    private static JsonNode? Replacement(Random random) => random.Next(9) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(1e308),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => new JsonArray(JsonValue.Create("x"), null),
        5 => new JsonObject { ["type"] = "url_verification" },
        6 => JsonValue.Create(new string('A', random.Next(1, 50_000))),
        7 => JsonNode.Parse(HostileRequests.Nested(random.Next(20, 60)).Replace("[]", "[1]", StringComparison.Ordinal)),
        _ => JsonValue.Create("\u202E\u0000\u200D👩‍💻e\u0301\uFEFF"),
    };

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }
        into.Add(node);
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            Collect(child, into);
        }
    }
}
