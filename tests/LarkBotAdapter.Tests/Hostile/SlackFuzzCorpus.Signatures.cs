using ChatOps.TestKit.Slack;
using static ChatOps.LarkBotAdapter.Tests.Hostile.HostileRequests;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

public static partial class SlackFuzzCorpus
{
    private const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string SignatureHeader = "X-Slack-Signature";

    private static void AddSignatures(CorpusBuilder c)
    {
        c.Add("signed with another app's secret", Expect.Refused, () => Signed((ts, body) => [(TimestampHeader, ts), (SignatureHeader, SlackSign("test-other-signing-secret", ts, body))]), 401);
        c.Add("valid signature replayed with another body", Expect.Refused, () => Signed((ts, _) => [(TimestampHeader, ts), (SignatureHeader, SlackSign(SlackRequest.DefaultSigningSecret, ts, Utf8(Valid())))]), 401);
        c.Add("timestamp ten minutes old", Expect.Refused, () => Signed((_, body) => Right(Stamp(-600), body)), 401);
        c.Add("timestamp ten minutes ahead", Expect.Refused, () => Signed((_, body) => Right(Stamp(600), body)), 401);
        foreach (var ts in new[] { "", "abc", "-1", "+1700000000", " 1700000000", "1e9", "1700000000.5", "9999999999999" })
        {
            c.Add($"timestamp \"{ts}\", correctly signed", Expect.Refused, () => Signed((_, body) => Right(ts, body)), 401);
        }
        c.Add("signature header missing", Expect.Refused, () => Signed((ts, _) => [(TimestampHeader, ts)]), 401);
        c.Add("timestamp header missing", Expect.Refused, () => Signed((ts, body) => [Right(ts, body)[1]]), 401);
        c.Add("signature header empty", Expect.Refused, () => Signed((ts, _) => [(TimestampHeader, ts), (SignatureHeader, "")]), 401);
        c.Add("signature with v1= prefix", Expect.Refused, () => Signed((ts, body) => [(TimestampHeader, ts), (SignatureHeader, "v1=" + SlackSign(SlackRequest.DefaultSigningSecret, ts, body)[3..])]), 401);
        c.Add("signature in upper-case hex", Expect.Refused, () => Signed((ts, body) => [(TimestampHeader, ts), (SignatureHeader, "v0=" + SlackSign(SlackRequest.DefaultSigningSecret, ts, body)[3..].ToUpperInvariant())]), 401);
        c.Add("signature of 10,000 characters", Expect.Refused, () => Signed((ts, _) => [(TimestampHeader, ts), (SignatureHeader, "v0=" + new string('a', 10_000))]), 401);
        c.Add("right signature, lower-case header names", Expect.Answered, () => Signed((ts, body) => Renamed(Right(ts, body), n => n.ToLowerInvariant())));
        c.Add("right signature, upper-case header names", Expect.Answered, () => Signed((ts, body) => Renamed(Right(ts, body), n => n.ToUpperInvariant())));
        c.Add("wrong signature, lower-case header names", Expect.Refused, () => Signed((ts, body) => Renamed(Wrong(ts, body), n => n.ToLowerInvariant())), 401);
        c.Add("wrong signature, upper-case header names", Expect.Refused, () => Signed((ts, body) => Renamed(Wrong(ts, body), n => n.ToUpperInvariant())), 401);
        c.Add("signature header twice (same right value)", Expect.Refused, () => Signed((ts, body) => [.. Right(ts, body), Right(ts, body)[1]]), 401);
        c.Add("signature header twice (wrong, then right)", Expect.Refused, () => Signed((ts, body) => [.. Wrong(ts, body), Right(ts, body)[1]]), 401);
        c.Add("timestamp header twice", Expect.Refused, () => Signed((ts, body) => [.. Right(ts, body), (TimestampHeader, ts)]), 401);
    }

    private static string Stamp(int secondsFromNow) => SlackRequest.UnixSeconds(DateTimeOffset.UtcNow.AddSeconds(secondsFromNow));

    private static (string, string)[] Right(string ts, byte[] body) => [(TimestampHeader, ts), (SignatureHeader, SlackSign(SlackRequest.DefaultSigningSecret, ts, body))];

    private static (string, string)[] Wrong(string ts, byte[] body) => [(TimestampHeader, ts), (SignatureHeader, SlackSign("test-wrong-secret", ts, body))];

    private static (string, string)[] Renamed((string Name, string Value)[] headers, Func<string, string> rename) =>
        [.. headers.Select(h => (rename(h.Name), h.Value))];

    /// <summary>A valid app_mention body with the headers the case makes for it (given the current timestamp).</summary>
    private static HttpRequestMessage Signed(Func<string, byte[], (string, string)[]> headers)
    {
        var body = Utf8(Valid());
        return Raw(SlackRequest.EventsPath, body, Json, headers(Now, body));
    }
}
