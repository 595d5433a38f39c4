using System.Buffers;
using System.Runtime.InteropServices;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>An inverted index over passages, ranked with BM25F: the document title, the section headings and the body
/// are three fields, headings and body length-normalised on their own, the headings weighted highest. Each posting stores its final term weight, so a query
/// only adds up idf × weight along the postings of its terms. Immutable after <see cref="Build"/>; thread-safe.</summary>
public sealed class KnowledgeIndex
{
    private readonly KnowledgeChunk[] _chunks;
    private readonly Dictionary<string, int> _terms;
    private readonly int[][] _postingChunks;
    private readonly float[][] _postingWeights;
    private readonly float[] _idf;
    private readonly float _unknownIdf;
    private readonly KnowledgeRankingOptions _options;

    private KnowledgeIndex(KnowledgeChunk[] chunks, Dictionary<string, int> terms, int[][] postingChunks, float[][] postingWeights, KnowledgeRankingOptions options)
    {
        _chunks = chunks;
        _terms = terms;
        _postingChunks = postingChunks;
        _postingWeights = postingWeights;
        _options = options;
        _idf = postingChunks.Select(p => Idf(chunks.Length, p.Length)).ToArray();
        _unknownIdf = Idf(chunks.Length, 0);
    }

    /// <summary>The indexed passages, in the order given to <see cref="Build"/>.</summary>
    public IReadOnlyList<KnowledgeChunk> Chunks => _chunks;

    /// <summary>Number of distinct terms.</summary>
    public int TermCount => _terms.Count;

    /// <summary>Indexes <paramref name="chunks"/> once.</summary>
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

    /// <summary>The best passages for <paramref name="question"/> above the relevance floor, best first.</summary>
    /// <param name="context">Earlier text of the conversation; its terms count with <see cref="KnowledgeRankingOptions.ContextWeight"/>.</param>
    public IReadOnlyList<KnowledgeHit> Search(string question, int top = 3, string? context = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var query = new Dictionary<string, float>(StringComparer.Ordinal);
        AddTerms(query, question, 1f);
        if (!string.IsNullOrWhiteSpace(context))
        {
            AddTerms(query, context, (float)_options.ContextWeight);
        }
        if (query.Count == 0 || _chunks.Length == 0 || top <= 0)
        {
            return [];
        }
        var scores = ArrayPool<float>.Shared.Rent(_chunks.Length);
        var covered = ArrayPool<float>.Shared.Rent(_chunks.Length);
        try
        {
            Array.Clear(scores, 0, _chunks.Length);
            Array.Clear(covered, 0, _chunks.Length);
            var total = 0f;
            foreach (var (term, weight) in query)
            {
                if (!_terms.TryGetValue(term, out var id))
                {
                    total += weight * _unknownIdf;
                    continue;
                }
                var idf = weight * _idf[id];
                total += idf;
                var chunkIds = _postingChunks[id];
                var weights = _postingWeights[id];
                for (var p = 0; p < chunkIds.Length; p++)
                {
                    scores[chunkIds[p]] += idf * weights[p];
                    covered[chunkIds[p]] += idf;
                }
            }
            return Select(scores, covered, total, top);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<float>.Shared.Return(covered);
        }
    }

    private List<KnowledgeHit> Select(float[] scores, float[] covered, float total, int top)
    {
        var best = new List<int>(top + 1);
        for (var c = 0; c < _chunks.Length; c++)
        {
            if (scores[c] <= _options.MinScore || covered[c] < _options.MinCoverage * total)
            {
                continue;
            }
            // Insertion into a short sorted list: ties keep document order, so results are deterministic.
            var at = best.Count;
            while (at > 0 && scores[best[at - 1]] < scores[c])
            {
                at--;
            }
            if (at < top)
            {
                best.Insert(at, c);
                if (best.Count > top)
                {
                    best.RemoveAt(top);
                }
            }
        }
        var hits = new List<KnowledgeHit>(best.Count);
        foreach (var c in best)
        {
            if (hits.Count > 0 && scores[c] < _options.RelativeCutoff * hits[0].Score)
            {
                break;
            }
            hits.Add(new KnowledgeHit(_chunks[c], scores[c], total > 0 ? covered[c] / total : 0));
        }
        return hits;
    }

    private void AddTerms(Dictionary<string, float> query, string text, float weight)
    {
        foreach (var term in KnowledgeTokenizer.Tokenize(text))
        {
            var w = KnowledgeTokenizer.IsCjkUnigram(term) ? weight * (float)_options.CjkUnigramWeight : weight;
            query[term] = Math.Max(query.GetValueOrDefault(term), w);
        }
    }

    private static float Idf(int documents, int frequency) =>
        (float)Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));

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
