using System.Net;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>A large body produced on demand in 16 KB writes; with <c>declareLength</c> false it has no
/// Content-Length (sent chunked).</summary>
public sealed class GeneratedContent(long length, bool declareLength) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[16 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (long sent = 0; sent < length; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
        }
    }

    protected override bool TryComputeLength(out long size)
    {
        size = length;
        return declareLength;
    }
}
