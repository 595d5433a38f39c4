using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.ProxyBench;

/// <summary>The proxy as its own process (as under systemd), on a free loopback port, with the fake CLI.</summary>
internal sealed class ProxyProcess : IDisposable
{
    public const string Secret = "bench-proxy-secret-0001";

    private readonly Process _process;

    private ProxyProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ProxyProcess> StartAsync(string fakeCli, string root, int concurrency)
    {
        var port = FreePort();
        var dll = typeof(ChatOps.QCliProxy.Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["QCLI_PROXY_SECRET"] = Secret;
        start.Environment["QCLI_COMMAND"] = fakeCli;
        start.Environment["QCLI_STATE_DIR"] = Path.Combine(root, "state");
        start.Environment["QCLI_MAX_CONCURRENCY"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["HOME"] = Path.Combine(root, "home");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var proxy = new ProxyProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await proxy.WaitUntilHealthyAsync();
        return proxy;
    }

    /// <summary>Working set (RSS) and private memory of the proxy process, in MiB.</summary>
    public (double WorkingSetMiB, double PrivateMiB) Memory()
    {
        _process.Refresh();
        return (_process.WorkingSet64 / 1048576.0, _process.PrivateMemorySize64 / 1048576.0);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the proxy exited with code {_process.ExitCode}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the proxy did not become healthy");
    }
}
