using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary>The answer checks over a range of messages: each answered once, completely, with no error reply.</summary>
internal sealed record AnswerCheck(int Messages, int Answered, int Lost, int Incomplete, int Duplicated, int ErrorReplies,
    int RepeatedSegments, int UnknownUuids, int Segments, int MisClassified, IReadOnlyList<double> FirstSegmentMs, IReadOnlyList<int> LostSample)
{
    public bool Passed => Lost == 0 && Incomplete == 0 && Duplicated == 0 && ErrorReplies == 0 && UnknownUuids == 0;

    public static AnswerCheck Of(Ledger ledger, int from, int to)
    {
        int answered = 0, lost = 0, incomplete = 0, duplicated = 0, errors = 0, repeats = 0, unknown = 0, segments = 0, unclassified = 0;
        var firstSegment = new List<double>(to - from);
        var lostSample = new List<int>();
        for (var m = from; m < to; m++)
        {
            var r = ledger[m];
            repeats += r.Repeats;
            unknown += r.UnknownUuids;
            segments += r.Replies;
            duplicated += r.Duplicated ? 1 : 0;
            errors += r.ErrorReply ? 1 : 0;
            unclassified += r.Classified == 0 ? 1 : 0;
            if (!r.Answered)
            {
                lost++;
                if (lostSample.Count < 10)
                {
                    lostSample.Add(m);
                }
                continue;
            }
            answered++;
            incomplete += r.Complete ? 0 : 1;
            firstSegment.Add(Stopwatch.GetElapsedTime(r.SentAt, r.FirstReplyAt).TotalMilliseconds);
        }
        return new AnswerCheck(to - from, answered, lost, incomplete, duplicated, errors, repeats, unknown, segments, unclassified, firstSegment, lostSample);
    }

    public void Print()
    {
        Console.WriteLine($"unique messages: {Messages}; answered: {Answered}; lost (no reply): {Lost}; incomplete answers: {Incomplete}; " +
                          $"error replies: {ErrorReplies}");
        Console.WriteLine($"answered more than once (segment re-posted, or classified/proxied twice): {Duplicated}; segments re-posted: {RepeatedSegments}; " +
                          $"unknown uuids: {UnknownUuids}; thread replies (segments): {Segments}; never classified by the fake model: {MisClassified}");
        if (LostSample.Count > 0)
        {
            Console.WriteLine($"first lost messages: {string.Join(", ", LostSample.Select(EventFactory.MessageId))}");
        }
        Console.WriteLine(Stats.Header);
        Console.WriteLine(Stats.Of("event sent -> first segment at Lark", FirstSegmentMs).Row);
    }
}
