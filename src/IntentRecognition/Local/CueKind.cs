namespace ChatOps.IntentRecognition.Local;

/// <summary>What a matched word or phrase is evidence of.</summary>
internal enum CueKind
{
    /// <summary>Asks for live state: metrics, logs, status, counts, costs so far, "now".</summary>
    Live,

    /// <summary>Asks for documented knowledge: procedures, policies, SLAs, ownership, how-to.</summary>
    Docs,

    /// <summary>Chit-chat and topics outside operations.</summary>
    OffTopic,

    /// <summary>Names something the team operates (services, AWS resources); says "in scope", not which route.</summary>
    Domain,
}
