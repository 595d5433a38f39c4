using System.Collections.Concurrent;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Cards;

// Starts streaming cards, and remembers per app whether it can: the first card creation Lark refuses (no
// cardkit:card:write scope, any Lark error code) turns cards off for that app for the life of the process, once,
// with a log line; its answers go out as segmented posts. Holds the app-wide pacing every card of an app shares (one
// for card operations, one for creations: Lark limits each call separately).
public sealed class LarkLiveCards(LarkOpenApiClient client, LarkCardLimits limits, TimeProvider time, ILogger<LarkLiveCards> logger)
{
    private readonly ConcurrentDictionary<string, bool> _unavailable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlotPacer> _appPacers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WindowPacer> _createPacers = new(StringComparer.Ordinal);

    internal LarkOpenApiClient Client => client;

    internal LarkCardLimits Limits => limits;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    public bool IsUnavailable(string appId) => _unavailable.ContainsKey(appId);

    internal SlotPacer AppPacer(string appId) => _appPacers.GetOrAdd(appId, _ => new SlotPacer(limits.AppSpacing, time));

    internal WindowPacer CreatePacer(string appId) => _createPacers.GetOrAdd(appId, _ => new WindowPacer(limits.CreatesPerWindow, limits.CreateWindow, time));

    public async Task<ILiveReply?> StartAsync(LarkApp app, ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken)
    {
        if (IsUnavailable(app.AppId))
        {
            return null;
        }
        var card = new LarkStreamingCard(this, app, turn, ledger);
        try
        {
            await card.OpenAsync(first, cancellationToken);
            return card;
        }
        catch (LarkApiException ex) when (!card.Shown && ex.IsMessageRecalled)
        {
            throw new ReplyFailedException(ex.Message, targetGone: true, transient: false, ex);
        }
        catch (LarkApiException ex) when (!card.Shown && !ex.IsTransient)
        {
            if (_unavailable.TryAdd(app.AppId, true))
            {
                Log.CardsUnavailable(logger, app.AppId, ex.Code, ex);
            }
            return null;
        }
        catch (Exception ex) when (!card.Shown && ex is LarkApiException or HttpRequestException)
        {
            // Lark is struggling: this answer goes out as segments, the next one tries a card again.
            Log.CardNotStarted(logger, turn.ClaimKey, ex);
            return null;
        }
    }
}
