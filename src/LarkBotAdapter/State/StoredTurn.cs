using System.Text.Json.Serialization;
using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.State;

// A ConversationTurn as stored in DynamoDB; the intent travels as its wire label
// so renaming the enum never breaks stored threads.
internal sealed record StoredTurn(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("intent")] string? Intent)
{
    public static StoredTurn From(ConversationTurn turn) => new(turn.Role, turn.Text, turn.Intent?.ToLabel());

    // An unknown label (written by a newer version) drops the intent rather than the turn.
    public ConversationTurn ToTurn() =>
        new(Role, Text, IntentLabels.TryParse(Intent, out var intent) ? intent : null);
}
