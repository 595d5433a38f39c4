using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Worker;

// The one record of which reply positions of a job are already in the chat (position → the platform's message id),
// kept in the state store under the job's claim key so a retried job skips them and continues after the last. Loaded
// once per run; every post is recorded here, whatever the platform.
// A state outage never stops the answer: a record that cannot be read starts empty (a retried job may then repeat
// segments an earlier run posted — on Lark the reply uuid still collapses them within its hour), and a post that
// cannot be recorded is remembered for this run only, while later posts are still offered to the store. Each is logged.
internal sealed class PostedSegments
{
    private readonly IStateStore _state;
    private readonly string _jobKey;
    private readonly TimeSpan _ttl;
    private readonly ILogger _logger;
    private readonly Dictionary<int, string> _posted;

    private PostedSegments(IStateStore state, string jobKey, TimeSpan ttl, ILogger logger, Dictionary<int, string> posted)
    {
        _state = state;
        _jobKey = jobKey;
        _ttl = ttl;
        _logger = logger;
        _posted = posted;
    }

    // What this and earlier runs posted, as channels that keep per-job state need it (Slack's parent message).
    public IReadOnlyDictionary<int, string> Records => _posted;

    // Reads job jobKey's record; new records live ttl (the claim's: no
    // retry of the job comes later).
    public static async Task<PostedSegments> LoadAsync(
        IStateStore state, string jobKey, TimeSpan ttl, ILogger logger, CancellationToken cancellationToken)
    {
        Dictionary<int, string> posted;
        try
        {
            posted = new Dictionary<int, string>(await state.GetPostedSegmentsAsync(jobKey, cancellationToken));
        }
        catch (StateUnavailableException ex)
        {
            Log.NotLoaded(logger, jobKey, ex);
            posted = [];
        }
        return new PostedSegments(state, jobKey, ttl, logger, posted);
    }

    public bool Contains(int position) => _posted.ContainsKey(position);

    // Reply position of part part of a live answer (a streaming card, a Slack stream): below
    // every segment position and Slack's parent (-1), so live parts and segments share the one record.
    public static int LivePosition(int part) => LiveBase - part;

    private const int LiveBase = -1000;

    // The live parts recorded so far, as a channel sees them (part → reference); what earlier runs recorded
    // is fixed when this is called, what this run records goes to the store.
    public ILiveReplyLedger LiveLedger() => new Ledger(this, _posted.Where(p => p.Key <= LiveBase).ToDictionary(p => LiveBase - p.Key, p => p.Value));

    private sealed class Ledger(PostedSegments posted, IReadOnlyDictionary<int, string> earlier) : ILiveReplyLedger
    {
        public IReadOnlyDictionary<int, string> Earlier => earlier;

        public Task RecordAsync(int part, string reference, CancellationToken cancellationToken) =>
            posted.RecordAsync(PostReceipt.Of(LivePosition(part), reference), cancellationToken);
    }

    public async Task RecordAsync(PostReceipt receipt, CancellationToken cancellationToken)
    {
        foreach (var position in receipt.Positions)
        {
            _posted[position] = receipt.MessageRef;
            try
            {
                await _state.RecordPostedSegmentAsync(_jobKey, position, receipt.MessageRef, _ttl, cancellationToken);
            }
            catch (StateUnavailableException ex)
            {
                Log.NotRecorded(_logger, _jobKey, position, ex);
            }
        }
    }
}
