using System.Runtime.Versioning;
using ChatOps.TestKit.QCli;

namespace ChatOps.TestKit.Fleet;

/// <summary>
/// Several proxy processes on loopback sharing one state folder (EFS in production) and one HOME (where the fake CLI
/// records its runs), behind a round-robin balancer: the fleet of issue 22 on one machine.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ProxyFleet : IAsyncDisposable
{
    private ProxyFleet(string root, IReadOnlyList<ProxyInstance> instances, RoundRobinBalancer balancer)
    {
        Root = root;
        Instances = instances;
        Balancer = balancer;
        Client = new HttpClient { BaseAddress = balancer.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public string Root { get; }

    public string StateDir => Path.Combine(Root, "state");

    public string Home => Path.Combine(Root, "home");

    public IReadOnlyList<ProxyInstance> Instances { get; }

    public RoundRobinBalancer Balancer { get; }

    /// <summary>Talks to the balancer.</summary>
    public HttpClient Client { get; }

    /// <summary>How many times the fake CLI was started, on any instance.</summary>
    public int CliRuns => File.Exists(Path.Combine(Home, "runs.log")) ? File.ReadAllLines(Path.Combine(Home, "runs.log")).Length : 0;

    public static async Task<ProxyFleet> StartAsync(int size, IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "qcli-fleet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        var cli = Path.Combine(root, "bin", "q");
        File.Copy(FakeCli.Path, cli);
        File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        var starts = Enumerable.Range(0, size).Select(_ => ProxyInstance.StartAsync(
            QCliProxyHost.Secret, cli, Path.Combine(root, "state"), Path.Combine(root, "home"), settings));
        var instances = await Task.WhenAll(starts);
        var balancer = await RoundRobinBalancer.StartAsync([.. instances.Select(i => i.BaseAddress)]);
        return new ProxyFleet(root, instances, balancer);
    }

    /// <summary>Sends a signed chat request through the balancer; returns once the headers arrive.</summary>
    public async Task<ChatStream> OpenChatAsync(string prompt, string conversationId = QCliProxyHost.DefaultConversation) =>
        new(await Client.SendAsync(
            QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json(prompt, conversationId), DateTimeOffset.UtcNow),
            HttpCompletionOption.ResponseHeadersRead));

    public async Task<ProxyReply> ChatAsync(string prompt, string conversationId = QCliProxyHost.DefaultConversation)
    {
        using var stream = await OpenChatAsync(prompt, conversationId);
        var lines = await stream.RestAsync();
        return new ProxyReply(stream.Response.StatusCode, stream.Response.Content.Headers.ContentType?.MediaType, lines);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Balancer.DisposeAsync();
        foreach (var instance in Instances)
        {
            instance.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed CLI may still be letting go of its folder; the temp folder is cleaned by the OS.
        }
    }
}
