namespace ChatOps.LarkBotAdapter.Ingress;

/// <summary>What the ingress did with a turn.</summary>
public enum AdmissionOutcome
{
    /// <summary>Claimed and handed to the worker: it will be answered.</summary>
    Accepted,

    /// <summary>Already claimed by an earlier or concurrent delivery: acknowledged, not answered again.</summary>
    Duplicate,

    /// <summary>Hand-off unavailable: nothing was kept; the platform should redeliver (answer 5xx).</summary>
    Unavailable,

    /// <summary>The claim store could not answer: nothing was kept; the platform should redeliver (answer 5xx). The
    /// asker was told in the thread, best effort, unless the caller asked for no notice.</summary>
    StoreUnavailable,
}
