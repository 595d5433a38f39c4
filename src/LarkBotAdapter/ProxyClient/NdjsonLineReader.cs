using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using ChatOps.Contracts;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// Reads protocol lines as their bytes arrive: one line parsed at a time, never the whole body in memory.
internal sealed class NdjsonLineReader(Stream stream, int maxLineBytes = NdjsonLineReader.DefaultMaxLineBytes) : IAsyncDisposable
{
    public const int DefaultMaxLineBytes = 1024 * 1024;

    private readonly PipeReader _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));

    // The next line, or null at the end of the stream. Blank lines and unknown line types are skipped.
    // Throws QCliProxyException: A line is not protocol JSON, or is longer than the limit.
    public async ValueTask<QCliStreamLine?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var line = default(QCliStreamLine);
            var found = false;
            while (!found && TryTakeLine(ref buffer, result.IsCompleted, out var bytes))
            {
                line = Parse(bytes);
                found = line is not null;
            }
            if (found)
            {
                _reader.AdvanceTo(buffer.Start);
                return line;
            }
            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return null;
            }
            if (buffer.Length > maxLineBytes)
            {
                throw new QCliProxyException(QCliFailure.Protocol, $"The proxy sent a line longer than {maxLineBytes} bytes.");
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public ValueTask DisposeAsync() => _reader.CompleteAsync();

    // A complete line, or at the end of the stream whatever is left (a last line without its newline).
    private static bool TryTakeLine(ref ReadOnlySequence<byte> buffer, bool completed, out ReadOnlySequence<byte> line)
    {
        if (buffer.PositionOf((byte)'\n') is { } newline)
        {
            line = buffer.Slice(0, newline);
            buffer = buffer.Slice(buffer.GetPosition(1, newline));
            return true;
        }
        if (completed && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }
        line = default;
        return false;
    }

    private static QCliStreamLine? Parse(ReadOnlySequence<byte> bytes)
    {
        if (IsBlank(bytes))
        {
            return null;
        }
        QCliStreamLine? line;
        try
        {
            var json = new Utf8JsonReader(bytes);
            line = JsonSerializer.Deserialize(ref json, QCliProtocolJsonContext.Default.QCliStreamLine);
        }
        catch (JsonException ex)
        {
            throw new QCliProxyException(QCliFailure.Protocol, "The proxy sent a line that is not JSON.", ex);
        }
        return line?.Type switch
        {
            QCliStreamLine.ChunkType => line with { Text = line.Text ?? string.Empty },
            QCliStreamLine.DoneType when line.ExitCode is not null => line,
            QCliStreamLine.ErrorType => line,
            // Protocol 2; a proposal line without its proposal is skipped like an unknown line.
            QCliStreamLine.ProposalType when line.Proposal is { Id.Length: > 0, Fields: not null } => line,
            QCliStreamLine.DoneType => throw new QCliProxyException(QCliFailure.Protocol, "The proxy sent a done line without an exitCode."),
            null => throw new QCliProxyException(QCliFailure.Protocol, "The proxy sent a line without a type."),
            // Unknown types are skipped so the proxy can add informational lines without breaking this client.
            _ => null,
        };
    }

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
