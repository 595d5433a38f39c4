namespace ChatOps.IntentRecognition.Model;

/// <summary>The model's probability for each intent (they add up to 1).</summary>
internal readonly record struct IntentScores(double KnowledgeBase, double AwsOps, double OffTopic)
{
    public double this[Intent intent] => intent switch
    {
        Intent.KnowledgeBase => KnowledgeBase,
        Intent.AwsOps => AwsOps,
        _ => OffTopic,
    };

    /// <summary>The most probable intent among <paramref name="allowed"/> (all when null); ties go to the safer route.</summary>
    public Intent Best(Func<Intent, bool>? allowed = null)
    {
        Intent? best = null;
        foreach (var intent in SafestFirst)
        {
            if ((allowed?.Invoke(intent) ?? true) && (best is null || this[intent] > this[best.Value]))
            {
                best = intent;
            }
        }

        return best ?? Intent.OffTopic;
    }

    private static readonly Intent[] SafestFirst = [Intent.OffTopic, Intent.KnowledgeBase, Intent.AwsOps];
}
