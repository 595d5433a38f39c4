namespace ChatOps.LarkBotAdapter.State;

// One person's 👍/👎 on one answer, as the state store keeps it (one per voter and answer; a new click replaces it).
// AnswerKey: The answered message's claim key. Voter: platform-qualified user id. Vote: "up" or "down".
// Route, Model, Classifier and LatencyMs describe the answer as it was produced.
public sealed record AnswerVote(
    string AnswerKey,
    string Voter,
    string Vote,
    string Route,
    string Model,
    string Classifier,
    long LatencyMs,
    DateTimeOffset At);
