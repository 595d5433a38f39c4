using System.Buffers;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// An inverted index over passages, ranked with BM25F: the document title, the section headings and the body
// are three fields, headings and body length-normalised on their own, the headings weighted highest. Each posting stores its final term weight, so a query
// only adds up idf × weight along the postings of its terms. Immutable after Build; thread-safe.
public sealed partial class KnowledgeIndex
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

    // The indexed passages, in the order given to Build.
    public IReadOnlyList<KnowledgeChunk> Chunks => _chunks;

    // Number of distinct terms.
    public int TermCount => _terms.Count;

    // The best passages for question above the relevance floor, best first.
    // context: Earlier text of the conversation; its terms count with KnowledgeRankingOptions.ContextWeight.
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
}
