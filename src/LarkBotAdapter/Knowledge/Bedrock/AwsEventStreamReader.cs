using System.Buffers.Binary;
using Amazon.Runtime.EventStreams;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Reads AWS event-stream messages (application/vnd.amazon.eventstream) one at a time from a response
// body: the 4-byte big-endian total length first, then the rest of that message, decoded and CRC-checked by
// AWSSDK.Core's EventStreamMessage. Only one message is buffered at a time.
// stream: The response body; read as bytes arrive, in whatever pieces the network delivers.
public sealed class AwsEventStreamReader(Stream stream)
{
    // The largest message accepted (the format allows 16 MiB of payload plus 128 KiB of headers).
    public const int MaxMessageBytes = (16 * 1024 * 1024) + (128 * 1024) + 16;

    // Prelude (total length, headers length, prelude CRC) plus the message CRC.
    private const int MinMessageBytes = 16;

    private readonly byte[] _length = new byte[4];

    // The next message, or null at a clean end of the stream.
    // Throws InvalidDataException: The stream ended inside a message, a length is impossible, or a CRC does not match.
    public async ValueTask<EventStreamMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(_length, _length.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return null;
        }
        if (read < _length.Length)
        {
            throw new InvalidDataException("The event stream ended inside a message prelude.");
        }
        var total = BinaryPrimitives.ReadUInt32BigEndian(_length);
        if (total is < MinMessageBytes or > MaxMessageBytes)
        {
            throw new InvalidDataException($"An event-stream message claims an impossible length of {total} bytes.");
        }
        var buffer = new byte[total];
        _length.CopyTo(buffer, 0);
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(_length.Length), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The event stream ended inside a message.", ex);
        }
        try
        {
            return EventStreamMessage.FromBuffer(buffer, 0, buffer.Length);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The SDK signals CRC mismatches and malformed headers with several exception types; all mean a corrupt frame.
            throw new InvalidDataException("An event-stream message failed its checksum or is malformed.", ex);
        }
    }
}
