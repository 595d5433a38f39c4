using System.Globalization;
using System.Text.Json;

namespace ChatOps.IntentRecognition.Bedrock;

/// <summary>Turns a Converse answer into an <see cref="IntentResult"/>, or refuses: a guess is never made.</summary>
internal static class ToolAnswer
{
    private const int MaxReasonChars = 300;

    public static IntentResult Parse(string json, IReadOnlyList<string> awsProfiles)
    {
        ConverseResponse? response;
        try
        {
            response = JsonSerializer.Deserialize(json, ConverseJsonContext.Default.ConverseResponse);
        }
        catch (JsonException ex)
        {
            throw new IntentClassificationException("Bedrock's answer is not valid Converse JSON.", ex);
        }

        var toolUse = response?.Output?.Message?.Content?
            .Select(block => block.ToolUse)
            .FirstOrDefault(use => use?.Name == ClassificationPrompt.ToolName)
            ?? throw new IntentClassificationException(
                $"Bedrock did not call {ClassificationPrompt.ToolName} (stopReason: {response?.StopReason ?? "none"}).");

        if (toolUse.Input.ValueKind != JsonValueKind.Object
            || !toolUse.Input.TryGetProperty("intent", out var label)
            || label.ValueKind != JsonValueKind.String
            || !IntentLabels.TryParse(label.GetString(), out var intent))
        {
            throw new IntentClassificationException("Bedrock's classify_intent call has no known intent label.");
        }

        return new IntentResult(intent.Value, IntentResult.SourceBedrock, Confidence(toolUse.Input), Reason(toolUse.Input))
        {
            AwsProfile = Profile(toolUse.Input, awsProfiles),
            Usage = response!.Usage is { } usage ? new TokenUsage(usage.InputTokens, usage.OutputTokens) : null,
        };
    }

    // Only a configured profile is ever returned (in its configured spelling); anything else means "none named".
    private static string? Profile(JsonElement input, IReadOnlyList<string> awsProfiles)
    {
        if (awsProfiles.Count == 0
            || !input.TryGetProperty(ClassificationPrompt.ProfileProperty, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var named = value.GetString()?.Trim();
        return awsProfiles.FirstOrDefault(p => string.Equals(p, named, StringComparison.OrdinalIgnoreCase));
    }

    private static double Confidence(JsonElement input)
    {
        if (!input.TryGetProperty("confidence", out var value))
        {
            return 1;
        }

        // Models sometimes quote numbers; anything unreadable means "not reported".
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => 1,
        };
        return double.IsFinite(parsed) ? Math.Clamp(parsed, 0, 1) : 1;
    }

    private static string? Reason(JsonElement input)
    {
        if (!input.TryGetProperty("reason", out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var reason = value.GetString()?.Trim();
        return reason is { Length: > MaxReasonChars } ? reason[..MaxReasonChars] + "…" : reason;
    }
}
