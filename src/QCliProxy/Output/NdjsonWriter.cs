using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Output;

// Writes one JSON object per line to the response and flushes it, so every line leaves at once.
internal sealed class NdjsonWriter(PipeWriter output) : IDisposable
{
    // Relaxed escaping keeps non-ASCII answers (e.g. Chinese) readable and compact; the body is never HTML.
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public ValueTask WriteChunkAsync(string text, CancellationToken ct) => WriteAsync(QCliStreamLine.Chunk(text), ct);

    public ValueTask WriteProposalAsync(QCliProposal proposal, CancellationToken ct) => WriteAsync(QCliStreamLine.ProposalMade(proposal), ct);

    public ValueTask WriteDoneAsync(int exitCode, CancellationToken ct) => WriteAsync(QCliStreamLine.Done(exitCode), ct);

    public ValueTask WriteErrorAsync(string code, string message, CancellationToken ct) =>
        WriteAsync(QCliStreamLine.Error(code, message), ct);

    public void Dispose() => _json.Dispose();

    private async ValueTask WriteAsync(QCliStreamLine line, CancellationToken ct)
    {
        JsonSerializer.Serialize(_json, line, QCliProtocolJsonContext.Default.QCliStreamLine);
        _json.Flush();
        _json.Reset();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
        await output.FlushAsync(ct);
    }
}
