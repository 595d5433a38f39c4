namespace ChatOps.LarkBotAdapter.Conversations.Live;

// The worker's record of a job's live messages, as a channel sees it: part number (0 for the first message,
// then continuations) → the channel's reference (a card id, a stream ts). The worker keeps it with the job's posted
// segments, so a retried job finds what an earlier run started.
public interface ILiveReplyLedger
{
    // What earlier runs of the job recorded.
    IReadOnlyDictionary<int, string> Earlier { get; }

    // Records (or replaces) part part's reference. A state outage is logged, not thrown.
    Task RecordAsync(int part, string reference, CancellationToken cancellationToken);
}
