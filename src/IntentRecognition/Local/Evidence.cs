namespace ChatOps.IntentRecognition.Local;

/// <summary>Summed cue weights of one message and the verdict they support on their own.</summary>
internal sealed record Evidence(double Live, double Docs, double OffTopic, double Domain, IReadOnlyList<CueHit> Hits)
{
    private const double AwsThreshold = 3;
    private const double AwsMargin = 1;
    private const double DocsThreshold = 2;
    private const double OffTopicThreshold = 2.5;

    public static Evidence From(IReadOnlyList<CueHit> hits, IReadOnlyList<CueHit> summaryHits)
    {
        // The summary says what the documents cover: a hit is evidence for them and marks the topic in scope.
        var summary = Math.Min(3, Sum(summaryHits));
        return new Evidence(
            Sum(hits, CueKind.Live),
            Sum(hits, CueKind.Docs) + summary,
            Sum(hits, CueKind.OffTopic),
            Sum(hits, CueKind.Domain) + (summary > 0 ? 1 : 0),
            [.. hits, .. summaryHits]);
    }

    /// <summary>The route this message decides by itself, or null when it needs context (a bare follow-up).</summary>
    public Intent? Decisive
    {
        get
        {
            if ((OffTopic >= OffTopicThreshold && OffTopic >= Live && OffTopic >= Docs)
                || (OffTopic > 0 && Live == 0 && Docs == 0 && Domain == 0))
            {
                return Intent.OffTopic;
            }

            // aws_ops runs the AWS CLI: it needs clear live-state evidence, more than any documentation evidence,
            // and something the team operates unless the live-state evidence is overwhelming.
            if (Live >= AwsThreshold && Live >= Docs + AwsMargin && (Domain > 0 || Live >= AwsThreshold * 1.5))
            {
                return Intent.AwsOps;
            }

            return Docs >= DocsThreshold ? Intent.KnowledgeBase : null;
        }
    }

    /// <summary>The route when nothing decides: in-scope questions go to the documents, the rest is off topic.</summary>
    public Intent Default => Domain > 0 || Docs > 0 ? Intent.KnowledgeBase : Intent.OffTopic;

    public double ConfidenceFor(Intent intent)
    {
        var margin = intent switch
        {
            Intent.AwsOps => Live - Docs,
            Intent.KnowledgeBase => Docs - Live,
            _ => OffTopic - Math.Max(Live, Docs),
        };
        return Math.Round(Math.Clamp(0.6 + (0.05 * margin), 0.55, 0.95), 2);
    }

    public string Describe(CueKind kind)
    {
        var names = Hits.Where(h => h.Kind == kind).OrderByDescending(h => h.Weight).Take(3).Select(h => h.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    // Indexed, not LINQ: this runs for every message and should not allocate.
    private static double Sum(IReadOnlyList<CueHit> hits, CueKind? kind = null)
    {
        var sum = 0.0;
        for (var i = 0; i < hits.Count; i++)
        {
            if (kind is null || hits[i].Kind == kind)
            {
                sum += hits[i].Weight;
            }
        }

        return sum;
    }
}
