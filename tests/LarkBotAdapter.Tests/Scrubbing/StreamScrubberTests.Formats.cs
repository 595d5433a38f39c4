using ChatOps.LarkBotAdapter.Scrubbing;

namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

// The multi-line formats of issue 20 item 3 (key files, name/value pairs, a lone key line) split between chunks.
public sealed partial class StreamScrubberTests
{
    private static readonly string FormatsAnswer = string.Join('\n',
        "The task definition and the keys I found:",
        "{\n  \"environment\": [\n    {\n      \"name\": \"DB_PASSWORD\",\n      \"value\": \"" + FakeSecrets.Password + "\"\n    },",
        "    {\"name\": \"LOG_LEVEL\", \"value\": \"debug\"}\n  ]\n}",
        "environment:\n- name: GITHUB_TOKEN\n  value: " + FakeSecrets.GitHubToken + "\n- name: LOG_LEVEL\n  value: info",
        "$ aws configure get aws_secret_access_key",
        FakeSecrets.SecretKey,
        FakeSecrets.PuttyKey,
        FakeSecrets.OpenSshKey,
        "DB_PASS=" + FakeSecrets.Password + " and a JWT " + FakeSecrets.Jwt,
        "That is all.\n");

    [Fact]
    public void MultiLineFormatCutAcrossTwoChunksAtAnyPositionIsMaskedAsIfWhole()
    {
        var whole = SecretScrubber.Scrub(FormatsAnswer);
        FakeSecrets.AssertNoneIn(whole);
        Assert.Contains("\"name\": \"DB_PASSWORD\",\n      \"value\": \"[redacted: password]\"", whole, StringComparison.Ordinal);

        for (var at = 1; at < FormatsAnswer.Length; at++)
        {
            var scrubber = new StreamScrubber();
            var streamed = scrubber.Push(FormatsAnswer[..at]) + scrubber.Push(FormatsAnswer[at..]) + scrubber.Flush();

            Assert.True(whole == streamed, $"split at {at} gave:\n{streamed}");
        }
    }

    [Fact]
    public void MultiLineFormatsStreamedCharacterByCharacterAreMaskedAsIfWhole()
    {
        var scrubber = new StreamScrubber();
        var streamed = string.Concat(FormatsAnswer.Select(c => scrubber.Push(c.ToString()))) + scrubber.Flush();

        Assert.Equal(SecretScrubber.Scrub(FormatsAnswer), streamed);
    }

    [Fact]
    public void PairWithASecretNameWaitsForItsValue()
    {
        var scrubber = new StreamScrubber();

        Assert.Equal("[{", scrubber.Push("[{\"name\": \"DB_PASSWORD\", "));
        Assert.Equal("", scrubber.Push("\"value\": \"Fake-"));
        Assert.Equal("\"name\": \"DB_PASSWORD\", \"value\": \"[redacted: password]\"}, ", scrubber.Push("Passw0rd!42\"}, {\"name"));
    }

    [Fact]
    public void SecretNamedFieldThatIsNoPairHoldsTheStreamOnlyForAWhile()
    {
        var scrubber = new StreamScrubber();
        var released = scrubber.Push("{\"Name\": \"rotate-token\", \"Arn\": \"arn:aws:lambda:us-east-1:123456789012:function:rotate-token\"} ");
        for (var i = 0; i < 200 && !released.Contains("Arn", StringComparison.Ordinal); i++)
        {
            released += scrubber.Push("more words follow ");
        }

        Assert.StartsWith("{\"Name\": \"rotate-token\", \"Arn\"", released, StringComparison.Ordinal);
    }

    [Fact]
    public void PuttyKeyFileIsHeldUntilItsMacLineEnds()
    {
        var scrubber = new StreamScrubber();
        var cut = FakeSecrets.PuttyKey.IndexOf("Private-MAC", StringComparison.Ordinal) + 20;

        Assert.Equal("key:\n", scrubber.Push("key:\n" + FakeSecrets.PuttyKey[..cut]));
        Assert.Equal("", scrubber.Push(FakeSecrets.PuttyKey[cut..] + "\n"));
        Assert.Equal("[redacted: private key]\nDone ", scrubber.Push("Done now"));
    }
}
