using System.Net.Http.Headers;
using ChatOps.TestKit.Lark;

namespace ChatOps.ColdStartBench;

/// <summary>One signed, encrypted @mention, built and encrypted before the clock starts; each attempt sends the same
/// bytes (a retry Lark would send looks the same).</summary>
internal sealed class ColdEvent
{
    public const string AppId = LarkEvent.DefaultAppId;
    public const string AppSecret = "bench-app-secret";
    public const string VerificationToken = LarkEvent.DefaultToken;
    public const string EncryptKey = "bench-encrypt-key";
    public const string BotOpenId = LarkEvent.DefaultBotOpenId;

    // A runbook question: the local classifier routes it to knowledge_base, answered from the bundled documents.
    private const string Question = "according to the runbook, how do I restart checkout-api?";

    private readonly byte[] _body;
    private readonly KeyValuePair<string, string>[] _headers;

    private ColdEvent(string messageId, byte[] body, KeyValuePair<string, string>[] headers)
    {
        MessageId = messageId;
        _body = body;
        _headers = headers;
    }

    public string MessageId { get; }

    public static async Task<ColdEvent> CreateAsync(string messageId)
    {
        var json = LarkEvent.Text(Question).MentioningBot(BotOpenId).InGroup("oc_cold_start").WithMessageId(messageId).Build();
        using var request = LarkRequest.Encrypted(json, EncryptKey, DateTimeOffset.UtcNow);
        var body = await request.Content!.ReadAsByteArrayAsync();
        var headers = request.Headers.Select(h => KeyValuePair.Create(h.Key, string.Join(",", h.Value))).ToArray();
        return new ColdEvent(messageId, body, headers);
    }

    public HttpRequestMessage NewRequest(Uri baseAddress)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, LarkRequest.Path)) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
