namespace ChatOps.Bench;

/// <summary>What the fakes saw of one bench message (a struct in a preallocated array, so a soak's bookkeeping does
/// not grow while it runs).</summary>
internal struct MessageRecord
{
    /// <summary>Stopwatch timestamp of the first send (0: not sent).</summary>
    public long SentAt;

    /// <summary>Stopwatch timestamp of the first reply's arrival at the fake Lark (0: none).</summary>
    public long FirstReplyAt;

    /// <summary>Bit i: segment i arrived.</summary>
    public ulong Segments;

    public int Replies;

    /// <summary>Segments that arrived again (same uuid, or a segment index already seen).</summary>
    public int Repeats;

    /// <summary>Replies whose uuid is not one the app's key gives for this message (first 64 segments).</summary>
    public int UnknownUuids;

    /// <summary>1 + the index of the segment holding the expected ending (0: not seen).</summary>
    public int EndingAt;

    public int MaxIndex;

    public bool ErrorReply;

    /// <summary>Converse requests (one per job that classified this message).</summary>
    public int Classified;

    /// <summary>Q CLI proxy requests for this message.</summary>
    public int ProxyCalls;

    public readonly bool Answered => Replies > 0;

    /// <summary>Every segment from 0 to the last, and the last one holds the expected ending.</summary>
    public readonly bool Complete =>
        Replies > 0 && EndingAt == MaxIndex + 1 && Segments == (MaxIndex >= 63 ? ulong.MaxValue : (1UL << (MaxIndex + 1)) - 1);

    public readonly bool Duplicated => Repeats > 0 || Classified > 1 || ProxyCalls > 1;
}
