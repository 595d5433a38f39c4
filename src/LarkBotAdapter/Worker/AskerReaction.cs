using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Worker;

// The reaction on the asker's message: "working" when the worker takes the job, replaced by "done" or
// "failed" at the end. Best effort: each call gets a few seconds, a failure is logged and the answer goes on.
internal sealed class AskerReaction
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    private readonly IReactionChannel? _channel;
    private readonly ChatTurn _turn;
    private readonly ILogger _logger;
    private string _working = "";

    private AskerReaction(IReactionChannel? channel, ChatTurn turn, ILogger logger)
    {
        _channel = channel;
        _turn = turn;
        _logger = logger;
    }

    // Adds the "working" reaction (nothing where the channel cannot react, or the question arrived without a
    // message of its own: a slash command).
    public static async Task<AskerReaction> AddAsync(IChatChannel channel, ChatTurn turn, bool enabled, ILogger logger, CancellationToken cancellationToken)
    {
        var reaction = new AskerReaction(enabled && !turn.CreatesThread ? channel.Reactions : null, turn, logger);
        await reaction.TryAsync(async (c, token) => reaction._working = await c.AddReactionAsync(turn, Reaction.Working, token), cancellationToken);
        return reaction;
    }

    public async Task FinishAsync(bool failed, CancellationToken cancellationToken)
    {
        if (_working.Length > 0)
        {
            await TryAsync((c, token) => c.RemoveReactionAsync(_turn, Reaction.Working, _working, token), cancellationToken);
        }
        await TryAsync((c, token) => c.AddReactionAsync(_turn, failed ? Reaction.Failed : Reaction.Done, token), cancellationToken);
    }

    private async Task TryAsync(Func<IReactionChannel, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        if (_channel is null)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        try
        {
            await call(_channel, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReactionFailed(_logger, _turn.ClaimKey, ex);
        }
    }
}
