using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// Starts live answers as streaming cards (LiveReply over LarkStreamingCard), and remembers per app whether it can:
// the first card creation Lark refuses (no cardkit:card:write scope, any Lark error code) turns cards off for that app
// for the life of the process, once, with a log line; its answers go out as segmented posts. Holds the app-wide pacing
// every card of an app shares (one for card operations, one for creations: Lark limits each call separately).
public sealed class LarkLiveCards(LarkOpenApiClient client, LarkCardLimits limits, TimeProvider time, ILogger<LarkLiveCards> logger)
{
    private readonly PerApp<SlotPacer> _appPacers = new(() => new SlotPacer(limits.AppSpacing, time));
    private readonly PerApp<WindowPacer> _createPacers = new(() => new WindowPacer(limits.CreatesPerWindow, limits.CreateWindow, time));

    internal LarkOpenApiClient Client => client;

    internal LarkCardLimits Limits => limits;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    internal LiveAvailability Availability { get; } = new();

    public bool IsUnavailable(string appId) => Availability.IsOff(appId);

    internal SlotPacer AppPacer(string appId) => _appPacers.For(appId);

    internal WindowPacer CreatePacer(string appId) => _createPacers.For(appId);

    internal SlotPacer CardPacer() => new(limits.CardSpacing, time);

    public async Task<ILiveReply?> StartAsync(LarkApp app, ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        IsUnavailable(app.AppId)
            ? null
            : await new LiveReply<LarkCardPart>(new LarkStreamingCard(this, app, turn, ledger), ledger).StartAsync(first, cancellationToken);
}
