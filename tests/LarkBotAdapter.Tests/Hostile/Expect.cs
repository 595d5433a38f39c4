namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>What a hostile request must end in.</summary>
public enum Expect
{
    /// <summary>A 4xx answer and no side effect at all.</summary>
    Refused,

    /// <summary>200 (acknowledged, e.g. another event type or a challenge) and no side effect at all.</summary>
    Ignored,

    /// <summary>200 and exactly one answer (or polite refusal) in the thread: a real message with hostile content.</summary>
    Answered,

    /// <summary>Generated input whose fate is not known up front: 4xx with no side effect, or 200 and never silent once
    /// accepted (one answer per job the ingress took, none when it took none; on <c>/events</c>, one answer).</summary>
    Survives,
}
