using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatOps.TestKit.Metrics;

/// <summary>
/// The CloudWatch agent's EMF endpoint on a loopback port: over TCP, newline-delimited lines from any number of
/// connections; over UDP, one line per datagram. Records every line it receives.
/// </summary>
public sealed class FakeEmfAgent : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TcpListener? _tcp;
    private readonly UdpClient? _udp;
    private readonly Task _loop;

    private FakeEmfAgent(bool udp)
    {
        if (udp)
        {
            _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            Endpoint = $"udp://127.0.0.1:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port}";
            _loop = ReceiveAsync(_udp);
        }
        else
        {
            _tcp = new TcpListener(IPAddress.Loopback, 0);
            _tcp.Start();
            Endpoint = $"tcp://127.0.0.1:{((IPEndPoint)_tcp.LocalEndpoint).Port}";
            _loop = AcceptAsync(_tcp);
        }
    }

    /// <summary>The value for AWS_EMF_AGENT_ENDPOINT.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    public static FakeEmfAgent Tcp() => new(udp: false);

    public static FakeEmfAgent Udp() => new(udp: true);

    /// <summary>A tcp:// endpoint where nothing listens (a port that was just free).</summary>
    public static string DeadEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"tcp://127.0.0.1:{port}";
    }

    /// <summary>Waits until a received line satisfies the condition (or fails after a generous timeout).</summary>
    public async Task<string> WaitForAsync(Func<string, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_lines.FirstOrDefault(condition) is { } line)
            {
                return line;
            }
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp?.Stop();
        _udp?.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(_stop.Token);
            _ = ReadAsync(client);
        }
    }

    private async Task ReadAsync(TcpClient client)
    {
        using (client)
        using (var reader = new StreamReader(client.GetStream(), Encoding.UTF8))
        {
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    _lines.Enqueue(line);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The agent stopped or the proxy closed the connection.
            }
        }
    }

    private async Task ReceiveAsync(UdpClient udp)
    {
        while (!_stop.IsCancellationRequested)
        {
            var datagram = await udp.ReceiveAsync(_stop.Token);
            foreach (var line in Encoding.UTF8.GetString(datagram.Buffer).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _lines.Enqueue(line);
            }
        }
    }
}
