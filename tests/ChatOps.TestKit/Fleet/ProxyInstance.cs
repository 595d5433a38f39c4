using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;

namespace ChatOps.TestKit.Fleet;

/// <summary>
/// The real proxy as its own process (as under systemd on one instance of the fleet), on a free loopback port, with
/// the fake CLI and a state folder other instances may share. It can be killed (SIGKILL, a lost machine) or
/// terminated (SIGTERM, scale-in).
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProxyInstance : IDisposable
{
    private readonly Process _process;

    private ProxyInstance(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<ProxyInstance> StartAsync(string secret, string cli, string stateDir, string home, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(QCliProxy.Program).Assembly.Location);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["QCLI_PROXY_SECRET"] = secret;
        start.Environment["QCLI_COMMAND"] = cli;
        start.Environment["QCLI_STATE_DIR"] = stateDir;
        start.Environment["QCLI_MAX_CONCURRENCY"] = "4";
        start.Environment["HOME"] = home;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        var instance = new ProxyInstance(process, new Uri($"http://127.0.0.1:{port}/"));
        await instance.WaitUntilHealthyAsync();
        return instance;
    }

    /// <summary>SIGKILL: the machine is lost; nothing of the proxy runs any more cleanup.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd sends on scale-in or instance refresh.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>Working set (RSS) and private memory of the proxy process, in MiB (for the benches).</summary>
    public (double WorkingSetMiB, double PrivateMiB) Memory()
    {
        _process.Refresh();
        return (_process.WorkingSet64 / 1048576.0, _process.PrivateMemorySize64 / 1048576.0);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
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
        for (var i = 0; i < 600; i++)
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
