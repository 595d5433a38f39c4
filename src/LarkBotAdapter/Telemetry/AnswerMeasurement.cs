namespace ChatOps.LarkBotAdapter.Telemetry;

// What one answer measured: route (intent label, or "unclassified"), channel (platform), outcome (ok, error, gone),
// the time from the answer's start to its end, to the classifier's result and to the first text the asker saw,
// and the classifier's Bedrock tokens (RetrieveAndGenerate reports none).
public sealed record AnswerMeasurement(
    string Route, string Channel, string Outcome, TimeSpan Total, TimeSpan? Classifier, TimeSpan? FirstText, int InputTokens, int OutputTokens);
