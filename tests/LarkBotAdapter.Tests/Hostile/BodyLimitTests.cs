using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>5 MB bodies, with and without Content-Length: 413, no side effect, and the app stops reading at the limit.</summary>
[Collection(HostileCollection.Name)]
public sealed class BodyLimitTests(HostileApp app)
{
    private const long FiveMegabytes = 5L * 1024 * 1024;

    // The limit plus one read buffer: far below the 5 MB offered.
    private const long ReadBound = RequestBody.MaxBytes + (64 * 1024);

    public static TheoryData<string, bool> Endpoints => new()
    {
        { "/lark/events", true }, { "/lark/events", false },
        { SlackRequest.EventsPath, true }, { SlackRequest.EventsPath, false },
        { SlackRequest.CommandsPath, true }, { SlackRequest.CommandsPath, false },
        { "/events", true }, { "/events", false },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task FiveMegabyteBodyIsRefusedWithoutReadingItAll(string path, bool withContentLength)
    {
        var hostile = new HostileCase($"5 MB to {path}", () => Request(path, withContentLength), Expect.Refused, 413);

        await app.CheckAsync(hostile);

        var read = app.BodyMeter.LastRead;
        Assert.True(read <= ReadBound, $"the app read {read} bytes of a {FiveMegabytes}-byte body");
        // With a declared length the app refuses before reading; without one it stops just past the limit.
        Assert.Equal(withContentLength, read == 0);
    }

    private static HttpRequestMessage Request(string path, bool withContentLength)
    {
        var content = new GeneratedContent(FiveMegabytes, withContentLength);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        content.Headers.ContentType = new(path == SlackRequest.CommandsPath ? HostileRequests.Form : HostileRequests.Json);
        request.Headers.TransferEncodingChunked = !withContentLength;
        return request;
    }
}
