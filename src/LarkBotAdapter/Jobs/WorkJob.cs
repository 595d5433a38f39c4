using System.Text.Json.Serialization;
using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Jobs;

// The hand-off from ingress to worker: a small JSON document (also the Lambda async-invoke payload).
// Kind: TurnKind (answer a message), ExecuteKind (run an approved proposal) or AlarmKind (post a CloudWatch alarm in
// Turn's chat); other kinds are rejected.
// Hop: How many hand-offs this job has had; a job is never handed off twice.
// NeedsAddressCheck: The ingress could not tell whether the bot was @mentioned (its open_id was not
// known yet); the worker checks before answering.
public sealed record WorkJob(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("turn")] ChatTurn Turn,
    [property: JsonPropertyName("hop")] int Hop,
    [property: JsonPropertyName("acceptedAt")] DateTimeOffset AcceptedAt,
    [property: JsonPropertyName("needsAddressCheck")] bool NeedsAddressCheck = false,
    [property: JsonPropertyName("proposalId")] string? ProposalId = null,
    [property: JsonPropertyName("payload")] string? Payload = null)
{
    public const string TurnKind = "chat.turn";

    // Runs an approved proposal (ProposalId) and reports in Turn's thread.
    public const string ExecuteKind = "ops.execute";

    // Posts the alarm in Payload (the SNS message, CloudWatch's JSON) in Turn's chat; Turn.MessageId is sns-<MessageId>.
    public const string AlarmKind = "alarm.notify";

    // The key its lease and completion are recorded under: the message for a turn, the proposal for an execution, the
    // SNS message and the chat for an alarm.
    [JsonIgnore]
    public string Key => Kind switch
    {
        ExecuteKind => "exec:" + ProposalId,
        AlarmKind => $"alarm:{Turn.Platform}:{Turn.ChatId}:{Turn.MessageId}",
        _ => Turn.ClaimKey,
    };

    public static WorkJob Execute(ChatTurn turn, string proposalId, DateTimeOffset at) => new(ExecuteKind, turn, Hop: 1, at, ProposalId: proposalId);

    // Hand-offs allowed: ingress → worker, nothing further.
    public const int MaxHops = 1;
}
