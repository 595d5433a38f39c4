using System.Globalization;

namespace ChatOps.LarkBotAdapter.Feedback;

// What an answer's 👍/👎 buttons carry back when clicked: which answer (the asked message's claim key) and how it
// was made. The platform echoes the values we set, inside a request it signs, so nothing here needs a lookup.
public sealed record AnswerFeedback(string AnswerKey, string Route, string Model, string Classifier, long LatencyMs)
{
    // The value that marks a button as a feedback button.
    public const string Action = "feedback";

    // Longest value Slack keeps for a button (2,000 characters); the answer key is the only long field.
    private const int MaxAnswerKeyChars = 512;

    // The button values for vote, as string pairs (Lark's callback value object; Slack encodes them as JSON).
    public IReadOnlyDictionary<string, string> Values(Vote vote) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["action"] = Action,
        ["vote"] = vote.ToWire(),
        ["answer"] = AnswerKey,
        ["route"] = Route,
        ["model"] = Model,
        ["classifier"] = Classifier,
        ["ms"] = LatencyMs.ToString(CultureInfo.InvariantCulture),
    };

    // Reads button values back; null when they are not a well-formed feedback button's.
    public static (AnswerFeedback Answer, Vote Vote)? TryRead(IReadOnlyDictionary<string, string> values)
    {
        string Get(string key) => values.TryGetValue(key, out var value) ? value : "";
        if (Get("action") != Action || VoteWire.TryParse(Get("vote")) is not { } vote)
        {
            return null;
        }
        var answer = Get("answer");
        if (answer.Length is 0 or > MaxAnswerKeyChars || !long.TryParse(Get("ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return null;
        }
        return (new AnswerFeedback(answer, Clip(Get("route")), Clip(Get("model")), Clip(Get("classifier")), ms), vote);
    }

    private static string Clip(string value) => value.Length <= 200 ? value : value[..200];
}
