using System.Text;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Chat;

// What a signed request must still satisfy before a CLI runs; each failure is a bad_request.
internal static class ChatRequestRules
{
    public const int MaxConversationIdLength = 512;

    // Returns Null when the request is acceptable, otherwise the reason.
    public static string? Problem(QCliChatRequest? request, ProxyOptions options)
    {
        if (request is null)
        {
            return "the body must be a JSON object";
        }

        if (string.IsNullOrWhiteSpace(request.ConversationId) || request.ConversationId.Length > MaxConversationIdLength)
        {
            return $"conversationId is required (at most {MaxConversationIdLength} characters)";
        }

        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return "prompt is required";
        }

        if (request.Prompt.Contains('\0', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(request.Prompt) > QCliProtocol.MaxPromptBytes)
        {
            return $"prompt must be at most {QCliProtocol.MaxPromptBytes} bytes of text";
        }

        if (!string.IsNullOrEmpty(request.AwsProfile) && !options.AwsProfiles.Contains(request.AwsProfile, StringComparer.Ordinal))
        {
            return options.AwsProfiles.Count == 0
                ? $"unknown awsProfile '{request.AwsProfile}': this proxy offers no profiles"
                : $"unknown awsProfile '{request.AwsProfile}': choose one of {string.Join(", ", options.AwsProfiles)}";
        }

        return null;
    }
}
