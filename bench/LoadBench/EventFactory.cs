using System.Globalization;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>Signed, encrypted <c>im.message.receive_v1</c> @mentions. A duplicate is the same event (same event and
/// message id) encrypted and signed afresh, as Lark redelivers it.</summary>
internal sealed class EventFactory(BenchOptions options)
{
    public const string AppSecret = "bench-app-secret";
    public const string EncryptKey = "bench-encrypt-key";

    private readonly string[] _chats = [.. options.ChatIds];
    private readonly string[] _users = [.. options.UserIds];

    public static string MessageId(int message) => $"om_load_{message.ToString("D7", CultureInfo.InvariantCulture)}";

    /// <summary>The message number of a bench message id, or -1.</summary>
    public static int MessageOf(string messageId) =>
        messageId.StartsWith("om_load_", StringComparison.Ordinal)
        && int.TryParse(messageId.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    public string Json(int message) => LarkEvent.Text("@_user_1 " + MessageMix.Question(message))
        .MentioningBot()
        .InGroup(_chats[message % _chats.Length])
        .From(_users[message / _chats.Length % _users.Length])
        .WithMessageId(MessageId(message))
        .WithEventId($"ev_load_{MessageMix.Ref(message)}")
        .Build();

    public static HttpRequestMessage Request(string json) =>
        LarkRequest.Encrypted(json, EncryptKey, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
}
