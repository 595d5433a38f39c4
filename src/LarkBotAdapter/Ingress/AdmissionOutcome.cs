namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>What the ingress did with a turn.</summary>
public enum AdmissionOutcome
{
    /// <summary>Claimed and handed to the worker: it will be answered.</summary>
    Accepted,

    /// <summary>Already claimed by an earlier or concurrent delivery: acknowledged, not answered again.</summary>
    Duplicate,

    /// <summary>State or hand-off unavailable: nothing was kept; the platform should redeliver (answer 5xx).</summary>
    Unavailable,
}
