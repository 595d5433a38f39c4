namespace ChatOps.IntentRecognition;

/// <summary>The route a question takes. Labels on the wire are <see cref="IntentLabels"/>.</summary>
public enum Intent
{
    /// <summary>Answerable from the team's documents (runbooks, SLAs, procedures).</summary>
    KnowledgeBase,

    /// <summary>Needs the live state of AWS accounts or clusters.</summary>
    AwsOps,

    /// <summary>Neither: answered with a short, polite refusal.</summary>
    OffTopic,
}
