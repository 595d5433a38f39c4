using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatOps.QCliProxy.Chat;

/// <summary>Writes one JSON object per line to the response and flushes it, so every line leaves at once.</summary>
internal sealed class NdjsonWriter(PipeWriter output) : IDisposable
{
    public const string ContentType = "application/x-ndjson";

    // Relaxed escaping keeps non-ASCII answers (e.g. Chinese) readable and compact; the body is never HTML.
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public ValueTask WriteChunkAsync(string text, CancellationToken ct) => WriteAsync(new ChunkLine(text), ChatJsonContext.Default.ChunkLine, ct);

    public ValueTask WriteDoneAsync(int exitCode, CancellationToken ct) => WriteAsync(new DoneLine(exitCode), ChatJsonContext.Default.DoneLine, ct);

    public ValueTask WriteErrorAsync(string code, string message, CancellationToken ct) =>
        WriteAsync(new ErrorLine(code, message), ChatJsonContext.Default.ErrorLine, ct);

    public void Dispose() => _json.Dispose();

    private async ValueTask WriteAsync<T>(T line, JsonTypeInfo<T> type, CancellationToken ct)
    {
        JsonSerializer.Serialize(_json, line, type);
        _json.Flush();
        _json.Reset();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
        await output.FlushAsync(ct);
    }
}
