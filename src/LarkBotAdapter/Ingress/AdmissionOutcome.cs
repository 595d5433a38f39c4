namespace ChatOps.LarkBotAdapter.Ingress;

// What the ingress did with a turn.
public enum AdmissionOutcome
{
    // Claimed and handed to the worker: it will be answered.
    Accepted,

    // Already claimed by an earlier or concurrent delivery: acknowledged, not answered again.
    Duplicate,

    // Hand-off unavailable: nothing was kept; the platform should redeliver (answer 5xx).
    Unavailable,

    // The claim store could not answer: nothing was kept; the platform should redeliver (answer 5xx). The
    // asker was told in the thread, best effort, unless the caller asked for no notice.
    StoreUnavailable,
}
