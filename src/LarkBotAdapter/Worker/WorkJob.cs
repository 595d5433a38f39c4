using System.Text.Json.Serialization;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Worker;

// The hand-off from ingress to worker: a small JSON document (also the Lambda async-invoke payload).
// Kind: Always TurnKind for now; other kinds are rejected.
// Hop: How many hand-offs this job has had; a job is never handed off twice.
// NeedsAddressCheck: The ingress could not tell whether the bot was @mentioned (its open_id was not
// known yet); the worker checks before answering.
public sealed record WorkJob(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("turn")] ChatTurn Turn,
    [property: JsonPropertyName("hop")] int Hop,
    [property: JsonPropertyName("acceptedAt")] DateTimeOffset AcceptedAt,
    [property: JsonPropertyName("needsAddressCheck")] bool NeedsAddressCheck = false)
{
    public const string TurnKind = "chat.turn";

    // Hand-offs allowed: ingress → worker, nothing further.
    public const int MaxHops = 1;
}
