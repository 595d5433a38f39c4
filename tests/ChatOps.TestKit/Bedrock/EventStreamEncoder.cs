using System.Buffers.Binary;
using System.Text;

namespace ChatOps.TestKit.Bedrock;

/// <summary>Writes AWS event-stream frames (<c>application/vnd.amazon.eventstream</c>): total length, headers length,
/// prelude CRC, string headers, payload, message CRC — all integers big-endian. Cross-checked against
/// <c>@smithy/eventstream-codec</c> vectors.</summary>
public static class EventStreamEncoder
{
    private const byte StringHeaderType = 7;

    /// <summary>One frame with string headers in the given order.</summary>
    public static byte[] Encode(IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var headerBytes = new List<byte>();
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.Add(checked((byte)nameBytes.Length));
            headerBytes.AddRange(nameBytes);
            headerBytes.Add(StringHeaderType);
            headerBytes.Add((byte)(valueBytes.Length >> 8));
            headerBytes.Add((byte)valueBytes.Length);
            headerBytes.AddRange(valueBytes);
        }
        var total = 12 + headerBytes.Count + payload.Length + 4;
        var frame = new byte[total];
        BinaryPrimitives.WriteInt32BigEndian(frame, total);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), headerBytes.Count);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.Compute(frame.AsSpan(0, 8)));
        headerBytes.CopyTo(frame, 12);
        payload.CopyTo(frame.AsSpan(12 + headerBytes.Count));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.Compute(frame.AsSpan(0, total - 4)));
        return frame;
    }

    /// <summary>An <c>event</c> message of <paramref name="eventType"/> with a JSON payload.</summary>
    public static byte[] Event(string eventType, string json) => Encode(
        [new(":event-type", eventType), new(":content-type", "application/json"), new(":message-type", "event")],
        Encoding.UTF8.GetBytes(json));

    /// <summary>An <c>exception</c> message (a modeled error inside the stream), e.g. <c>throttlingException</c>.</summary>
    public static byte[] Exception(string exceptionType, string json) => Encode(
        [new(":exception-type", exceptionType), new(":content-type", "application/json"), new(":message-type", "exception")],
        Encoding.UTF8.GetBytes(json));
}
