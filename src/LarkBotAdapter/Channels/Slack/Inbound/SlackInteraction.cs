using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// The parts of an interaction payload the bot reads: its type (block_actions, view_submission, …), who acted in
// which team, for block_actions the actions (type, action_id, value of the clicked element), and the response_url
// that answers the clicker (null when absent).
internal sealed record SlackInteraction(string Type, string TeamId, string UserId, IReadOnlyList<SlackInteraction.Action> Actions, string? ResponseUrl = null)
{
    // Actions read at most; a click sends one.
    private const int MaxActions = 5;

    internal sealed record Action(string Type, string ActionId, string? Value);

    // Throws JsonException for bad JSON, FormatException naming the field that is missing.
    public static SlackInteraction Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("payload must be a JSON object");
        }
        var type = String(root, "type") ?? throw new FormatException("payload.type is required");
        var user = root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? String(u, "id") : null;
        var team = root.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? String(t, "id") : null;
        team ??= root.TryGetProperty("user", out var u2) && u2.ValueKind == JsonValueKind.Object ? String(u2, "team_id") : null;
        if (user is null || team is null)
        {
            throw new FormatException("payload.user.id and payload.team.id are required");
        }
        var actions = new List<Action>();
        if (root.TryGetProperty("actions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in list.EnumerateArray().Take(MaxActions))
            {
                if (action.ValueKind == JsonValueKind.Object && String(action, "type") is { } actionType)
                {
                    actions.Add(new Action(actionType, String(action, "action_id") ?? "", String(action, "value")));
                }
            }
        }
        return new SlackInteraction(type, team, user, actions, String(root, "response_url"));
    }

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
