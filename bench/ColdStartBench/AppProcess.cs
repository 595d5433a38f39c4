using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ChatOps.ColdStartBench;

/// <summary>The published app started the way the Lambda Web Adapter starts it (the apphost, with DOTNET_ROOT), on a
/// free loopback port, with obviously fake Lark and AWS settings and nothing pointing at a cloud.</summary>
internal sealed class AppProcess : IDisposable
{
    private static readonly string[] ClearedPrefixes =
        ["LARK_", "SLACK_", "KNOWLEDGE_", "BEDROCK_", "RECOGNITION_", "QLI_", "QCLI_", "OPS_", "CHATOPS_", "AWS_", "ASPNETCORE_", "DOTNET_"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, long startedAt, Uri baseAddress)
    {
        _process = process;
        StartedAt = startedAt;
        BaseAddress = baseAddress;
    }

    /// <summary><see cref="Stopwatch"/> timestamp taken just before <see cref="Process.Start()"/>.</summary>
    public long StartedAt { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static AppProcess Start(Variant variant, Uri larkBaseAddress)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(variant.Apphost)
        {
            WorkingDirectory = variant.OutputDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in start.Environment.Keys.Where(k => ClearedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) || k is "URLS").ToList())
        {
            start.Environment.Remove(key);
        }
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["LARK_APP_ID"] = ColdEvent.AppId;
        start.Environment["LARK_APP_SECRET"] = ColdEvent.AppSecret;
        start.Environment["LARK_VERIFICATION_TOKEN"] = ColdEvent.VerificationToken;
        start.Environment["LARK_ENCRYPT_KEY"] = ColdEvent.EncryptKey;
        start.Environment["LARK_BASE_URL"] = larkBaseAddress.ToString();
        start.Environment["AWS_ACCESS_KEY_ID"] = "bench-access-key-id";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "bench-secret-access-key";
        start.Environment["AWS_REGION"] = "us-east-1";

        var process = Children.Start(start, out var startedAt);
        var app = new AppProcess(process, startedAt, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>VmRSS (resident now) and VmHWM (peak resident) from /proc/&lt;pid&gt;/status, in MiB.</summary>
    public (double RssMiB, double PeakMiB) Memory()
    {
        double Field(string[] lines, string name) =>
            lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(l => long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0)
                .FirstOrDefault();
        var status = File.ReadAllLines($"/proc/{_process.Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Field(status, "VmRSS"), Field(status, "VmHWM"));
    }

    /// <summary>User + system CPU time of all the app's threads so far: unlike wall time, barely moved by other load.</summary>
    public double CpuMs()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalMilliseconds;
    }

    public void Dispose()
    {
        Children.Stop(_process);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
