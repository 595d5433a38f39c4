using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Routing;

// Which responder answers which intent; the last registration of an intent wins.
public sealed class RouteTable(IEnumerable<IResponder> responders)
{
    private readonly Dictionary<Intent, IResponder> _routes =
        responders.GroupBy(r => r.Intent).ToDictionary(g => g.Key, g => g.Last());

    public IResponder For(Intent intent) =>
        _routes.TryGetValue(intent, out var responder)
            ? responder
            : throw new InvalidOperationException($"No responder is registered for {intent.ToLabel()}.");
}
