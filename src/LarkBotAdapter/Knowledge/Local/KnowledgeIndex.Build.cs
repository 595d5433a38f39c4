using System.Runtime.InteropServices;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

public sealed partial class KnowledgeIndex
{
    // Indexes chunks once.
    public static KnowledgeIndex Build(IEnumerable<KnowledgeChunk> chunks, KnowledgeRankingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        options ??= KnowledgeRankingOptions.Default;
        var all = chunks.ToArray();
        var counts = new Dictionary<string, FieldCounts>[all.Length];
        var headingLengths = new int[all.Length];
        var bodyLengths = new int[all.Length];
        var tokens = new List<string>();
        for (var c = 0; c < all.Length; c++)
        {
            counts[c] = new Dictionary<string, FieldCounts>(StringComparer.Ordinal);
            Count(all[c].HeadingPath[0], 0, counts[c], tokens);
            headingLengths[c] = Count(string.Join(' ', all[c].HeadingPath.Skip(1)), 1, counts[c], tokens);
            bodyLengths[c] = Count(all[c].Text, 2, counts[c], tokens);
        }
        var avgHeading = Math.Max(1.0, headingLengths.DefaultIfEmpty().Average());
        var avgBody = Math.Max(1.0, bodyLengths.DefaultIfEmpty().Average());
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var postingChunks = new List<List<int>>();
        var postingWeights = new List<List<float>>();
        for (var c = 0; c < all.Length; c++)
        {
            // Lengths below half the average count as half the average: a two-line intro must not outrank the steps.
            var headingNorm = 1 - options.B + (options.B * Math.Max(headingLengths[c], avgHeading / 2) / avgHeading);
            var bodyNorm = 1 - options.B + (options.B * Math.Max(bodyLengths[c], avgBody / 2) / avgBody);
            foreach (var (term, n) in counts[c])
            {
                // The title is shared by every passage of a document, so it is not length-normalised.
                var tf = (options.TitleWeight * Math.Min(1, n.Title)) + (options.HeadingWeight * n.Heading / headingNorm) + (n.Body / bodyNorm);
                if (!terms.TryGetValue(term, out var id))
                {
                    id = terms[term] = postingChunks.Count;
                    postingChunks.Add([]);
                    postingWeights.Add([]);
                }
                postingChunks[id].Add(c);
                postingWeights[id].Add((float)(tf * (options.K1 + 1) / (tf + options.K1)));
            }
        }
        return new KnowledgeIndex(all, terms, [.. postingChunks.Select(p => p.ToArray())], [.. postingWeights.Select(p => p.ToArray())], options);
    }

    private static int Count(string text, int field, Dictionary<string, FieldCounts> counts, List<string> tokens)
    {
        tokens.Clear();
        KnowledgeTokenizer.Tokenize(text, tokens);
        foreach (var term in tokens)
        {
            ref var n = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, term, out _);
            n = field switch
            {
                0 => n with { Title = n.Title + 1 },
                1 => n with { Heading = n.Heading + 1 },
                _ => n with { Body = n.Body + 1 },
            };
        }
        return tokens.Count;
    }

    private readonly record struct FieldCounts(int Title, int Heading, int Body);
}
