namespace ChatOps.IntentRecognition.Model;

/// <summary>The rules around the model's probabilities. <c>aws_ops</c> runs the AWS CLI, so it needs a clear win
/// (<see cref="AwsThreshold"/>), not just a plurality; the knowledge summary raises <c>knowledge_base</c>.
/// The thresholds are chosen on the dev set (<c>Data/intent-dev.tsv</c>), never on a held-out or regression set.</summary>
internal static class IntentDecision
{
    /// <summary>Smallest probability with which a question goes to <c>aws_ops</c>; below it the safer of the other two wins.</summary>
    public const double AwsThreshold = 0.5;

    /// <summary>An <c>aws_ops</c> probability that is a clear win: below it, a question that asks for documents ("per the
    /// runbook", "the ADR", "按文档") is about the documents, and one whose only ops words are everyday ones ("build",
    /// "region", "stuck") must also name something of ours ("our", "prod", a service, a resource id). On the dev set 0.8
    /// gets one ops question more in 1,436 than 0.85, and 0.9 loses six; 0.85 keeps more off-topic questions off the
    /// ops route, the one error with a hard bar.</summary>
    public const double ClearWin = 0.85;

    /// <summary>The <c>aws_ops</c> probability a question that names a document (a runbook, the deploy doc, an ADR, a
    /// postmortem, "according to", 文档, 规范, 复盘…) needs, without a resource id. Chosen on the dev set.</summary>
    public const double DocumentWin = 0.95;

    /// <summary>Follow-ups with a top probability below this keep the previous route of the thread.</summary>
    public const double FollowUpConfidence = 0.9;

    /// <summary>A question (four words or more) more than this much made of knowledge-summary terms is about a documented
    /// topic, whatever the model makes of words it never saw. Shorter messages ("msk cluster health") say too little.</summary>
    public const double SummaryCoverage = 0.5;

    /// <summary>Below this <c>knowledge_base</c> probability a question with a word of another domain (a car, the weather,
    /// a stock price) and no strong documentation cue is off-topic rather than knowledge (chosen on the dev set).</summary>
    public const double OtherSenseKnowledge = 0.9;

    /// <summary>Below this <c>off_topic</c> probability a question that asks for documents (a strong documentation cue) about
    /// something operated, with no word of another domain, is knowledge rather than chat (chosen on the dev set).</summary>
    public const double DocumentsOverChat = 0.8;

    /// <summary>How much one unit of knowledge-summary evidence multiplies the odds of <c>knowledge_base</c> (e^x).</summary>
    public const double SummaryBoost = 1.5;

    /// <summary>The scores after the knowledge-summary boost (<paramref name="summaryWeight"/> = summed term weights, capped at 3).</summary>
    public static IntentScores Boost(IntentScores scores, double summaryWeight)
    {
        if (summaryWeight <= 0)
        {
            return scores;
        }

        var kb = scores.KnowledgeBase * Math.Exp(SummaryBoost * Math.Min(3, summaryWeight));
        var total = kb + scores.AwsOps + scores.OffTopic;
        return new IntentScores(kb / total, scores.AwsOps / total, scores.OffTopic / total);
    }

    /// <summary>The route: <c>aws_ops</c> only when allowed, the most probable and at least <see cref="AwsThreshold"/>.</summary>
    public static Intent Decide(IntentScores scores, bool awsAllowed)
    {
        var best = scores.Best();
        if (best == Intent.AwsOps && awsAllowed && scores.AwsOps >= AwsThreshold)
        {
            return Intent.AwsOps;
        }

        return scores.Best(i => i != Intent.AwsOps);
    }
}
