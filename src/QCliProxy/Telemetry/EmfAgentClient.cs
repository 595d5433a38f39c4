using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ChatOps.QCliProxy.Telemetry;

// Sends EMF lines to the CloudWatch agent from one background loop. Send never blocks: lines wait in a bounded queue
// (the oldest dropped when it is full), so a missing, slow or restarting agent costs metrics, never a run. TCP
// reconnects after a failure, waiting RetryDelay between attempts; the first failure is logged once, and so is the
// recovery.
internal sealed class EmfAgentClient : IAsyncDisposable
{
    public const int Capacity = 1000;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(2);

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly EmfAgentEndpoint _endpoint;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private Socket? _socket;
    private bool _failing;

    public EmfAgentClient(EmfAgentEndpoint endpoint, TimeProvider time, ILogger logger)
    {
        (_endpoint, _time, _logger) = (endpoint, time, logger);
        _loop = Task.Run(() => SendLoopAsync(_stop.Token));
    }

    public void Send(string line) => _lines.Writer.TryWrite(line);

    // Sends what is queued for up to FlushTimeout (not when the agent is already unreachable), then stops.
    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        if (!_failing)
        {
            await Task.WhenAny(_loop, Task.Delay(FlushTimeout, _time));
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting to retry.
        }

        _socket?.Dispose();
        _stop.Dispose();
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        await foreach (var line in _lines.Reader.ReadAllAsync(stop))
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            while (!await TrySendAsync(bytes, stop))
            {
                await Task.Delay(RetryDelay, _time, stop);
            }
        }
    }

    private async Task<bool> TrySendAsync(byte[] bytes, CancellationToken stop)
    {
        try
        {
            _socket ??= await ConnectAsync(stop);
            await _socket.SendAsync(bytes, SocketFlags.None, stop);
            if (_failing)
            {
                _failing = false;
                Log.AgentReachable(_logger, _endpoint.ToString());
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException)
        {
            _socket?.Dispose();
            _socket = null;
            if (!_failing)
            {
                _failing = true;
                Log.AgentUnreachable(_logger, _endpoint.ToString(), Capacity, e.Message);
            }

            return false;
        }
    }

    private async Task<Socket> ConnectAsync(CancellationToken stop)
    {
        var socket = _endpoint.Protocol == ProtocolType.Tcp
            ? new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true }
            : new Socket(SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(_endpoint.Host, _endpoint.Port, stop);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
