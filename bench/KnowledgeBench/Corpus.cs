using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.Bench;

/// <summary>A larger corpus made from the bundled documents: each copy renames the services and adds its own terms, so
/// the vocabulary and the posting lists grow the way a real folder of similar runbooks would.</summary>
internal static class Corpus
{
    private static readonly string[] Services = ["checkout-api", "order-projector", "orders-db", "billing-db", "search-api", "payments"];

    public static List<KnowledgeChunk> Replicate(IReadOnlyList<KnowledgeChunk> source, int size)
    {
        var chunks = new List<KnowledgeChunk>(size);
        for (var copy = 0; chunks.Count < size; copy++)
        {
            foreach (var chunk in source)
            {
                if (chunks.Count == size)
                {
                    break;
                }
                chunks.Add(copy == 0 ? chunk : Vary(chunk, copy));
            }
        }
        return chunks;
    }

    public static string ServiceName(int copy) => $"svc{copy:D2}";

    private static KnowledgeChunk Vary(KnowledgeChunk chunk, int copy)
    {
        var name = ServiceName(copy);
        string Rename(string text) => Services.Aggregate(text, (t, s) => t.Replace(s, $"{name}-{s}", StringComparison.Ordinal));
        var path = chunk.HeadingPath.Select((h, i) => i == 0 ? $"{Rename(h)} ({name})" : Rename(h)).ToArray();
        var body = Rename(chunk.Text) + $"\n\nApplies to {name} in region r{copy % 7} and team t{copy % 11}. 适用于{name}团队。";
        return new KnowledgeChunk($"{name}/{chunk.File}", path, body, chunk.Part);
    }
}
