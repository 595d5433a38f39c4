using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Scrubbing;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

public sealed partial class StreamScrubberTests
{
    private static readonly string Answer = string.Join('\n',
        "Here is what the CLI printed:",
        $"[default]\naws_access_key_id = {FakeSecrets.AccessKeyId}\naws_secret_access_key = {FakeSecrets.SecretKey}",
        $"{{\"Credentials\": {{\"SessionToken\": \"{FakeSecrets.SessionToken}\", \"password\": \"correct horse {FakeSecrets.Password}\"}}}}",
        $"CREDENTIALS\t{FakeSecrets.TemporaryKeyId}\t2025-01-01T00:00:00Z\t{FakeSecrets.SecretKey}",
        $"bot token {FakeSecrets.SlackBotToken} and Authorization: Bearer {FakeSecrets.Jwt}",
        FakeSecrets.PrivateKey,
        "The deployment of checkout-api is healthy.\n");

    [Fact]
    public void SecretCutAcrossTwoChunksAtAnyPositionIsMaskedAsIfWhole()
    {
        var whole = SecretScrubber.Scrub(Answer);
        FakeSecrets.AssertNoneIn(whole);

        for (var at = 1; at < Answer.Length; at++)
        {
            var scrubber = new StreamScrubber();
            var streamed = scrubber.Push(Answer[..at]) + scrubber.Push(Answer[at..]) + scrubber.Flush();

            Assert.True(whole == streamed, $"split at {at} gave:\n{streamed}");
        }
    }

    [Fact]
    public void CharacterByCharacterStreamIsMaskedAsIfWhole()
    {
        var scrubber = new StreamScrubber();
        var streamed = string.Concat(Answer.Select(c => scrubber.Push(c.ToString()))) + scrubber.Flush();

        Assert.Equal(SecretScrubber.Scrub(Answer), streamed);
    }

    [Fact]
    public void TextFlowsUpToTheLastWordWhileTheStreamIsOpen()
    {
        var scrubber = new StreamScrubber();

        Assert.Equal("Checking the cluster ", scrubber.Push("Checking the cluster no"));
        Assert.Equal("nodes now. ", scrubber.Push("des now. The"));
        Assert.Equal("The", scrubber.Flush());
    }

    [Fact]
    public void KeyNameWaitsForItsValue()
    {
        var scrubber = new StreamScrubber();

        Assert.Equal("Found ", scrubber.Push("Found aws_secret_access_key = "));
        Assert.Equal("", scrubber.Push("wJalrXUtnFEMI/K7MDENG/"));
        Assert.Equal("aws_secret_access_key = [redacted: aws secret key] in the ", scrubber.Push("bPxRfiCYEXAMPLEKEY in the file"));
    }

    // The Segmenter cuts at whitespace, so per-segment scrubbing alone would miss "key =" | "value" across two messages.
    [Fact]
    public async Task SecretNeverReachesASegmentWhereverTheSegmenterCuts()
    {
        var options = new SegmenterOptions { MinChars = 20, MaxChars = 64, QuietPeriod = TimeSpan.FromHours(1) };
        var splitSomewhere = false;
        for (var filler = 0; filler < 64; filler++)
        {
            var text = new string('x', filler) + $" aws_secret_access_key = {FakeSecrets.SecretKey} is in ~/.aws/credentials\n";

            var raw = await SegmentsAsync(options, Chunks(text));
            splitSomewhere |= raw.Any(s => SecretScrubber.Scrub(s).Contains("bPxRfiCYEXAMPLEKEY", StringComparison.Ordinal));
            var scrubbed = await SegmentsAsync(options, StreamScrubber.ScrubAsync(Chunks(text), CancellationToken.None));

            Assert.All(scrubbed, s => FakeSecrets.AssertNoneIn(s));
            Assert.Contains("aws_secret_access_key = [redacted: aws secret key]", string.Join(" ", scrubbed), StringComparison.Ordinal);
        }
        Assert.True(splitSomewhere, "no filler length made the Segmenter cut between the key name and its value");
    }

    [Fact]
    public async Task FailingSourceYieldsWhatItSentScrubbedThenItsException()
    {
        var received = new List<string>();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var text in StreamScrubber.ScrubAsync(Failing($"partial answer token={FakeSecrets.Password}"), CancellationToken.None))
            {
                received.Add(text);
            }
        });

        Assert.Equal("proxy gone", failure.Message);
        Assert.Equal("partial answer token=[redacted: token]", string.Concat(received));
    }

    [Fact]
    public void HundredKilobytesWithoutWhitespaceArrivingInSmallChunksIsHeldThenScrubbedOnce()
    {
        var scrubber = new StreamScrubber();
        var piece = "\"token\":\"" + new string('z', 91);
        var released = 0;
        for (var i = 0; i < 1_000; i++)
        {
            released += scrubber.Push(piece).Length;
        }

        Assert.Equal(0, released);
        Assert.Contains("[redacted: token]", scrubber.Flush(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> SegmentsAsync(SegmenterOptions options, IAsyncEnumerable<string> chunks)
    {
        var segments = new List<string>();
        await foreach (var segment in new Segmenter(options, new FakeTimeProvider()).SegmentAsync(chunks))
        {
            segments.Add(segment.Markdown);
        }
        return segments;
    }

    private static async IAsyncEnumerable<string> Chunks(string text)
    {
        foreach (var word in text.Split(' '))
        {
            await Task.Yield();
            yield return word + " ";
        }
    }

    private static async IAsyncEnumerable<string> Failing(string text)
    {
        await Task.Yield();
        yield return text;
        throw new InvalidOperationException("proxy gone");
    }
}
