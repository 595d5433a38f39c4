using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Bedrock;

/// <summary>Bedrock Runtime wire JSON: Converse answers and AWS error bodies.</summary>
public static class ConverseJson
{
    /// <summary>A Converse answer (<c>stopReason: tool_use</c>) calling <paramref name="toolName"/> with <paramref name="input"/>.</summary>
    public static string ToolUseAnswer(string toolName, JsonObject input) => Answer(
        new JsonObject
        {
            ["toolUse"] = new JsonObject
            {
                ["toolUseId"] = "tooluse_" + Guid.NewGuid().ToString("N")[..22],
                ["name"] = toolName,
                ["input"] = input,
            },
        },
        "tool_use");

    /// <summary>The classifier tool's answer for <paramref name="label"/>.</summary>
    public static string ClassifyAnswer(string label) => ToolUseAnswer("classify_intent", new JsonObject
    {
        ["intent"] = label,
        ["confidence"] = 0.9,
        ["reason"] = $"The fake model chose {label}.",
    });

    /// <summary>A Converse answer with a text block only (<c>stopReason: end_turn</c>).</summary>
    public static string TextAnswer(string text) => Answer(new JsonObject { ["text"] = text }, "end_turn");

    /// <summary>An AWS JSON error body.</summary>
    public static string ErrorBody(string message) => new JsonObject { ["message"] = message }.ToJsonString();

    /// <summary>The text the user asked, from a Converse request body: inside <c>&lt;user_message&gt;</c> when
    /// present, else all text of the last user message.</summary>
    public static string UserText(JsonNode request)
    {
        var lastUser = request["messages"]?.AsArray().LastOrDefault(m => (string?)m?["role"] == "user");
        var text = string.Concat(lastUser?["content"]?.AsArray().Select(b => (string?)b?["text"] ?? string.Empty) ?? []);
        var open = text.IndexOf("<user_message>", StringComparison.Ordinal);
        var close = text.LastIndexOf("</user_message>", StringComparison.Ordinal);
        return open >= 0 && close > open ? text[(open + "<user_message>".Length)..close].Trim() : text;
    }

    private static string Answer(JsonObject block, string stopReason) => new JsonObject
    {
        ["output"] = new JsonObject
        {
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = new JsonArray(block) },
        },
        ["stopReason"] = stopReason,
        ["usage"] = new JsonObject { ["inputTokens"] = 412, ["outputTokens"] = 38, ["totalTokens"] = 450 },
        ["metrics"] = new JsonObject { ["latencyMs"] = 321 },
    }.ToJsonString();
}
