using System.Text;
using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

public sealed class AwsEventStreamReaderTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public async Task SmithyFramesDecodeToTheirHeadersAndPayload(string name)
    {
        var vector = EventStreamVectors.Named(name);
        var reader = new AwsEventStreamReader(new MemoryStream(vector.Frame));
        var message = await reader.ReadAsync(CancellationToken.None);
        Assert.NotNull(message);
        foreach (var pair in vector.HeaderPairs)
        {
            Assert.Equal(pair.Value, message.Headers[pair.Key].AsString());
        }
        Assert.Equal(vector.Payload, Encoding.UTF8.GetString(message.Payload ?? []));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(13)]
    public async Task FramesSplitAcrossReadsAreReassembled(int bytesPerRead)
    {
        var frames = EventStreamVectors.Instance.Vectors.Select(v => v.Frame).ToArray();
        var reader = new AwsEventStreamReader(new TricklingStream(frames.SelectMany(f => f).ToArray(), bytesPerRead));
        var payloads = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } message)
        {
            payloads.Add(Encoding.UTF8.GetString(message.Payload ?? []));
        }
        Assert.Equal(EventStreamVectors.Instance.Vectors.Select(v => v.Payload), payloads);
    }

    [Fact]
    public async Task FrameWithABadMessageCrcIsRejected()
    {
        var bad = Convert.FromBase64String(EventStreamVectors.Instance.BadCrc.FrameBase64);
        var reader = new AwsEventStreamReader(new MemoryStream(bad));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FrameWithABadPreludeCrcIsRejected()
    {
        var frame = EventStreamEncoder.Event("output", """{"text":"x"}""");
        frame[9] ^= 0x01;
        var reader = new AwsEventStreamReader(new MemoryStream(frame));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task StreamCutInsideAFrameIsRejected(int keep)
    {
        var frame = EventStreamEncoder.Event("output", """{"text":"cut short"}""");
        var reader = new AwsEventStreamReader(new MemoryStream(frame[..keep]));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ImpossibleLengthIsRejectedBeforeAllocating()
    {
        var reader = new AwsEventStreamReader(new MemoryStream([0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(CancellationToken.None));
    }

    public static TheoryData<string> Names => EventStreamVectors.Names;

    // Hands out at most a few bytes per read, like a slow network.
    private sealed class TricklingStream(byte[] data, int bytesPerRead) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }
}
