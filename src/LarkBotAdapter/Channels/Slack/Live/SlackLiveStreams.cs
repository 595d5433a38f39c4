using System.Collections.Concurrent;
using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// Starts streamed answers and shows the assistant status, and remembers per workspace (team) whether it can: the
// first chat.startStream Slack refuses for the workspace or token (unknown method, missing scope, not allowed) turns
// streams off for that workspace for the life of the process, once, with a log line; its answers go out as segmented
// posts. Holds the per-workspace pacing every stream of a workspace shares (Slack's rate tiers count per workspace).
public sealed class SlackLiveStreams(SlackWebApiClient client, SlackStreamLimits limits, TimeProvider time, ILogger<SlackLiveStreams> logger)
{
    private static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, bool> _statusOff = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _statusFailureLogged = new(StringComparer.Ordinal);
    private readonly PerApp<SlotPacer> _appendPacers = new(() => new SlotPacer(limits.AppendSpacing, time));
    private readonly PerApp<SlotPacer> _updatePacers = new(() => new SlotPacer(limits.UpdateSpacing, time));
    private readonly LiveAvailability _availability = new();

    internal SlackWebApiClient Client => client;

    internal SlackStreamLimits Limits => limits;

    internal ILogger Logger => logger;

    public bool IsUnavailable(string teamId) => _availability.IsOff(teamId);

    internal SlotPacer AppendPacer(string teamId) => _appendPacers.For(teamId);

    internal SlotPacer UpdatePacer(string teamId) => _updatePacers.For(teamId);

    // Slack's answers that mean the workspace or token cannot stream at all (rather than this one answer).
    internal static bool CannotStream(SlackApiException ex) =>
        ex.Error is "unknown_method" or "method_not_supported" or "not_allowed_token_type" or "missing_scope" or "not_allowed"
            or "feature_not_enabled" or "no_permission" or "method_deprecated" or "access_denied";

    public async Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        IsUnavailable(turn.AppId)
            ? null
            : await new LiveReply<SlackStreamPart>(new SlackLiveReply(this, turn, ledger), ledger).StartAsync(first, cancellationToken);

    // Whether turn's answer goes out as segments after ex, which came before anything was shown (false: it fails).
    internal bool FallBack(ChatTurn turn, Exception ex)
    {
        switch (ex)
        {
            case SlackApiException { IsCannotPostHere: true } when turn.ResponseUrl is not null:
                // A slash command where the bot cannot post: the segments go to its response_url.
                return true;
            case SlackApiException { IsTargetGone: true }:
                return false;
            case SlackApiException refused when CannotStream(refused):
                if (_availability.TurnOff(turn.AppId))
                {
                    Log.StreamsUnavailable(logger, turn.AppId, refused.Error);
                }
                return true;
            default:
                // Slack is struggling or refused this one answer: it goes out as segments, the next one streams again.
                Log.StreamNotStarted(logger, turn.ClaimKey, ex);
                return true;
        }
    }

    // Best effort, a few seconds at most: a failure is logged once per workspace, and a workspace whose token
    // cannot set a status is not asked again.
    public async Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken)
    {
        if (_statusOff.ContainsKey(turn.AppId))
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StatusTimeout);
        try
        {
            await client.SetAssistantStatusAsync(turn.ChatId, turn.RootId ?? turn.MessageId, status, timeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            var error = ex is SlackApiException api ? api.Error : ex.GetType().Name;
            if (ex is SlackApiException refused && CannotStream(refused))
            {
                _statusOff[turn.AppId] = true;
            }
            if (_statusFailureLogged.TryAdd(turn.AppId, true))
            {
                Log.StatusNotShown(logger, turn.AppId, error);
            }
        }
    }
}
