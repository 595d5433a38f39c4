using System.Diagnostics.Metrics;
using System.Text;
using ChatOps.Metrics;

namespace ChatOps.LarkBotAdapter.Telemetry;

// The bot's instruments, on its one Meter. An instrument is one line here: its CloudWatch name, unit and the
// dimension sets its EMF lines declare (each set is billed per combination of values, so they stay few and small);
// record it where the thing happens. Metric names, units and dimensions: docs/ARCHITECTURE.md, "Metrics".
public sealed class ChatOpsMetrics(MetricCatalog catalog)
{
    public const string MeterName = "ChatOps.LarkBotAdapter";

    public const string Route = "Route";
    public const string Channel = "Channel";
    public const string Outcome = "Outcome";
    public const string Direction = "Direction";
    public const string Reason = "Reason";
    public const string Vote = "Vote";
    public const string Decision = "Decision";
    public const string State = "State";

    public MetricCatalog Catalog => catalog;

    // Per answer: tags Route, Channel, Outcome (ok, error, gone).
    public Counter<long> Answers { get; } = catalog.Counter("Answers", EmfUnit.Count, [], [Route], [Channel], [Outcome]);
    public Histogram<double> ClassifierLatency { get; } = catalog.Histogram("ClassifierLatency", EmfUnit.Milliseconds, [], [Route]);
    public Histogram<double> FirstTextLatency { get; } = catalog.Histogram("FirstTextLatency", EmfUnit.Milliseconds, [], [Route]);
    public Histogram<double> AnswerLatency { get; } = catalog.Histogram("AnswerLatency", EmfUnit.Milliseconds, [], [Route]);
    public Counter<long> BedrockTokens { get; } = catalog.Counter("BedrockTokens", EmfUnit.Count, [Direction]);

    // Per ack of a platform request: tag Channel; a refusal (4xx/5xx) also counts with its Reason.
    public Histogram<double> AckLatency { get; } = catalog.Histogram("AckLatency", EmfUnit.Milliseconds, [], [Channel]);
    public Counter<long> AcksRefused { get; } = catalog.Counter("AcksRefused", EmfUnit.Count, [Reason]);

    // Per 👍/👎 click that records or changes a vote; per approval decision or execution (CloudWatch name "Approvals";
    // the property is not called that, so the area graph does not read it as the Approvals area).
    public Counter<long> FeedbackVotes { get; } = catalog.Counter("FeedbackVotes", EmfUnit.Count, [Route, Vote]);
    public Counter<long> Decisions { get; } = catalog.Counter("Approvals", EmfUnit.Count, [Decision, Outcome]);

    // Alarm threads: per episode opened (tags Channel, State: ALARM or INSUFFICIENT_DATA), per first diagnosis started
    // (Channel), and the time from the SNS notification's arrival to the diagnosis's first visible text (Channel).
    public Counter<long> AlarmEpisodes { get; } = catalog.Counter("AlarmEpisodes", EmfUnit.Count, [], [Channel], [State]);
    public Counter<long> AlarmDiagnoses { get; } = catalog.Counter("AlarmDiagnoses", EmfUnit.Count, [], [Channel]);
    public Histogram<double> AlarmFirstDiagnosisText { get; } = catalog.Histogram("AlarmFirstDiagnosisText", EmfUnit.Milliseconds, [], [Channel]);

    public void Answered(AnswerMeasurement answer)
    {
        KeyValuePair<string, object?> route = new(Route, answer.Route), channel = new(Channel, answer.Channel);
        Answers.Add(1, route, channel, new(Outcome, answer.Outcome));
        AnswerLatency.Record(answer.Total.TotalMilliseconds, route, channel);
        if (answer.Classifier is { } classifier)
        {
            ClassifierLatency.Record(classifier.TotalMilliseconds, route, channel);
        }
        if (answer.FirstText is { } firstText)
        {
            FirstTextLatency.Record(firstText.TotalMilliseconds, route, channel);
        }
        if (answer.InputTokens + answer.OutputTokens > 0)
        {
            BedrockTokens.Add(answer.InputTokens, route, channel, new(Direction, "input"));
            BedrockTokens.Add(answer.OutputTokens, route, channel, new(Direction, "output"));
        }
    }

    public void Acked(string channel, int status, TimeSpan elapsed)
    {
        AckLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(Channel, channel));
        if (status >= 400)
        {
            AcksRefused.Add(1, new(Channel, channel), new(Reason, RefusalReason(status)));
        }
    }

    public void EpisodeOpened(string channel, string state) => AlarmEpisodes.Add(1, new(Channel, channel), new(State, state));

    public void DiagnosisStarted(string channel) => AlarmDiagnoses.Add(1, new KeyValuePair<string, object?>(Channel, channel));

    public void DiagnosisShown(string channel, TimeSpan sinceNotification) =>
        AlarmFirstDiagnosisText.Record(sinceNotification.TotalMilliseconds, new KeyValuePair<string, object?>(Channel, channel));

    public void Voted(string route, string vote) => FeedbackVotes.Add(1, new(Route, route), new(Vote, vote));

    public void Decided(string decision, Enum outcome) => Decisions.Add(1, new(Decision, decision), new(Outcome, Name(outcome)));

    // AlreadyDecided → already_decided: enum values as dimension values.
    public static string Name(Enum value)
    {
        var text = value.ToString();
        var name = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            name.Append(char.IsUpper(c) && name.Length > 0 ? "_" : "").Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }

    private static string RefusalReason(int status) => status switch
    {
        400 => "bad_request",
        401 or 403 => "signature",
        404 => "not_configured",
        413 => "too_large",
        429 => "rate_limited",
        503 => "unavailable",
        _ => "http_" + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
