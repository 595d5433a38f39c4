using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Counts the request body bytes the app itself reads (the body stream is wrapped before the endpoints run),
/// whatever the client or the test server buffer in between.</summary>
public sealed class BodyReadMeter : IStartupFilter
{
    private long _lastRead;

    /// <summary>Bytes read from the body of the last request that finished.</summary>
    public long LastRead => Interlocked.Read(ref _lastRead);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await using var counting = new ReadCountingStream(context.Request.Body);
            context.Request.Body = counting;
            await nextMiddleware(context);
            Interlocked.Exchange(ref _lastRead, counting.BytesRead);
        });
        next(app);
    };

    private sealed class ReadCountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}
