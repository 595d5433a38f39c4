using System.Text;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The test kit's encoder (which feeds the fake Agent Runtime) against frames made by @smithy/eventstream-codec.</summary>
public sealed class EventStreamEncoderTests
{
    [Theory]
    [MemberData(nameof(Names))]
    public void EncoderWritesTheSameBytesAsTheSmithyCodec(string name)
    {
        var vector = EventStreamVectors.Named(name);
        var frame = EventStreamEncoder.Encode(vector.HeaderPairs, Encoding.UTF8.GetBytes(vector.Payload));
        Assert.Equal(vector.FrameBase64, Convert.ToBase64String(frame));
    }

    [Fact]
    public void EventHelperWritesTheStandardEventHeaders()
    {
        var vector = EventStreamVectors.Named("output");
        Assert.Equal(vector.Frame, EventStreamEncoder.Event("output", vector.Payload));
    }

    [Fact]
    public void ExceptionHelperWritesTheStandardExceptionHeaders()
    {
        var vector = EventStreamVectors.Named("throttling-exception");
        Assert.Equal(vector.Frame, EventStreamEncoder.Exception("throttlingException", vector.Payload));
    }

    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void VectorsCameFromTheSmithyCodec()
    {
        Assert.Equal("@smithy/eventstream-codec", EventStreamVectors.Instance.Codec.Package);
        Assert.True(EventStreamVectors.Instance.Vectors.Count >= 5);
    }

    public static TheoryData<string> Names => EventStreamVectors.Names;
}
