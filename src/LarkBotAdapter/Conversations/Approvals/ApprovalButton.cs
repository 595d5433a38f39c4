using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Conversations.Approvals;

// What an approval card's buttons carry — the proposal id and its arguments hash — written and read one way for every
// platform, and read strictly: a P- id (letters, digits, '-', '_'; at most 64 characters) and 64 lowercase hex digits,
// or nothing. Lark buttons carry fields (with the decision); Slack buttons a JSON object (the decision is the action id).
public static class ApprovalButton
{
    // The "action" field of a Lark approval button.
    public const string Action = "approval";

    // Proposal ids are P- and letters and digits; this is generous, and bounds what reaches the store and the logs.
    public const int MaxIdChars = 64;

    // Longest value read (Slack's button value limit).
    public const int MaxValueChars = 2_000;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // {action: approval, decision: approve | reject, proposal, hash}.
    public static IReadOnlyDictionary<string, string> Fields(ApprovalCard card, bool approve) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["action"] = Action,
        ["decision"] = approve ? "approve" : "reject",
        ["proposal"] = card.ProposalId,
        ["hash"] = card.ArgumentsHash,
    };

    // Whether fields are an approval button's (its "action" is ours), valid or not.
    public static bool IsApproval(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("action", out var action) && action == Action;

    // The click Fields wrote; null for anything else.
    public static ApprovalClick? Read(IReadOnlyDictionary<string, string> fields) =>
        IsApproval(fields)
        && fields.TryGetValue("decision", out var decision) && decision is "approve" or "reject"
        && fields.TryGetValue("proposal", out var id) && fields.TryGetValue("hash", out var hash) && IsValid(id, hash)
            ? new ApprovalClick(id, hash, decision == "approve")
            : null;

    // {"proposal": id, "hash": arguments hash}.
    public static string Json(ApprovalCard card)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("proposal", card.ProposalId);
            json.WriteString("hash", card.ArgumentsHash);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The click Json wrote, decided by approve (the button pressed); null for anything else.
    public static ApprovalClick? ReadJson(string? value, bool approve)
    {
        if (value is not { Length: > 0 and <= MaxValueChars })
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("proposal", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("hash", out var hash) && hash.ValueKind == JsonValueKind.String
                && IsValid(id.GetString()!, hash.GetString()!)
                    ? new ApprovalClick(id.GetString()!, hash.GetString()!, approve)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsValid(string id, string hash) =>
        id.Length is > 2 and <= MaxIdChars && id.StartsWith("P-", StringComparison.Ordinal) && id.Skip(2).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower);
}
