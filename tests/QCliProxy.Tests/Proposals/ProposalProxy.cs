using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Proposals;

/// <summary>
/// The real proxy with what approvals need around it: a runbook folder, a saved AWS Support service list, the fake
/// Support MCP server as QCLI_SUPPORT_MCP_COMMAND, and the fake CLI told (in $HOME/mcp-proposals) to start the real
/// `QCliProxy mcp-proposals`. The state folder lives outside the host, so a second host can play the restarted proxy.
/// </summary>
public sealed class ProposalProxy : IAsyncDisposable
{
    public const string Services = """
        {"services":[
          {"code":"amazon-elastic-compute-cloud-linux","name":"Amazon Elastic Compute Cloud (Linux)",
           "categories":[{"code":"instance-issue","name":"Instance Issue"},{"code":"other","name":"Other"}]},
          {"code":"amazon-simple-storage-service","name":"Amazon Simple Storage Service",
           "categories":[{"code":"general-guidance","name":"General Guidance"}]}]}
        """;

    // Prints each argument on its own line and the profile it runs with; "hold" waits for $HOME/release first;
    // "fail" leaks a key id and exits 4. The run log is best effort: run as another account it may not be writable,
    // and the error would otherwise land at a random place among the stdout lines the tests read.
    private const string Runbook = """
        #!/bin/sh
        { echo "$$" >> "$HOME/runbook-runs.log"; } 2>/dev/null
        if [ "$1" = hold ]; then echo holding; while [ ! -e "$HOME/release" ]; do sleep 0.02; done; fi
        for a in "$@"; do printf 'ARG=%s\n' "$a"; done
        printf 'AWS_PROFILE=%s\n' "${AWS_PROFILE-<unset>}"
        printf 'UID=%s\n' "$(id -u)"
        if [ "$1" = fail ]; then echo "key AKIAIOSFODNN7EXAMPLE leaked" >&2; exit 4; fi
        exit 0
        """;

    private int _signed;

    private ProposalProxy(string kit, QCliProxyHost host)
    {
        Kit = kit;
        Host = host;
    }

    public string Kit { get; }

    public QCliProxyHost Host { get; private set; }

    public string StateDir => Path.Combine(Kit, "state");

    public string RunbookDir => Path.Combine(Kit, "runbooks");

    public string Home => Host.Home;

    /// <summary>The cases the fake Support server created, one JSON object each.</summary>
    public IReadOnlyList<JsonNode> Cases =>
        File.Exists(Path.Combine(Home, "support-cases.log"))
            ? File.ReadAllLines(Path.Combine(Home, "support-cases.log")).Select(l => JsonNode.Parse(l)!).ToList()
            : [];

    public int RunbookRuns => File.Exists(Path.Combine(Home, "runbook-runs.log")) ? File.ReadAllLines(Path.Combine(Home, "runbook-runs.log")).Length : 0;

    public static async Task<ProposalProxy> StartAsync(Action<Dictionary<string, string?>>? settings = null)
    {
        var kit = Path.Combine(Path.GetTempPath(), "qcli-proposal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(kit, "runbooks"));
        var runbook = Path.Combine(kit, "runbooks", "restart-api");
        await File.WriteAllTextAsync(runbook, Runbook.Replace("\r", "", StringComparison.Ordinal) + "\n");
        // Readable and executable by others, as a root-owned runbook is for QCLI_RUN_AS.
        File.SetUnixFileMode(runbook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        await File.WriteAllTextAsync(Path.Combine(kit, "runbooks", "notes.txt"), "not executable");
        await File.WriteAllTextAsync(Path.Combine(kit, "services.json"), Services);
        var proxy = new ProposalProxy(kit, null!);
        proxy.Host = await proxy.StartHostAsync(settings);
        return proxy;
    }

    /// <summary>Stops this proxy and starts another on the same state folder, as a restart would.</summary>
    public async Task RestartAsync()
    {
        // The new host has a new HOME: carry over what the fakes recorded.
        var logs = new Dictionary<string, byte[]>();
        foreach (var log in new[] { "support-cases.log", "runbook-runs.log" })
        {
            if (File.Exists(Path.Combine(Home, log)))
            {
                logs[log] = await File.ReadAllBytesAsync(Path.Combine(Home, log));
            }
        }

        await Host.DisposeAsync();
        Host = await StartHostAsync(null);
        foreach (var (log, bytes) in logs)
        {
            await File.WriteAllBytesAsync(Path.Combine(Home, log), bytes);
        }
    }

    /// <summary>A second proxy on the same state folder, as another instance of the fleet; the caller disposes it.</summary>
    public Task<QCliProxyHost> StartPeerAsync() => StartHostAsync(null);

    public Task<ProxyReply> ChatAsync(string prompt, bool protocol2 = true, string? awsProfile = "prod")
    {
        var request = QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json(prompt, awsProfile: awsProfile), DateTimeOffset.UtcNow);
        if (protocol2)
        {
            request.Headers.Add("X-ChatOps-Protocol", "2");
        }

        return Host.SendAsync(request);
    }

    public Task<ChatStream> OpenChatAsync(string prompt)
    {
        var request = QCliProxySigner.ChatRequest(QCliProxyHost.Secret, QCliProxyHost.Json(prompt, awsProfile: "prod"), DateTimeOffset.UtcNow);
        request.Headers.Add("X-ChatOps-Protocol", "2");
        return Host.OpenAsync(request);
    }

    /// <summary>The fake CLI's prompt that calls a proposal tool.</summary>
    public static string Propose(string tool, object arguments) => $"@propose {tool} {JsonSerializer.Serialize(arguments)}";

    public static object SupportCase(string subject = "EC2 instances unreachable", string severity = "high", string category = "instance-issue") => new
    {
        subject,
        service_code = "amazon-elastic-compute-cloud-linux",
        category_code = category,
        severity_code = severity,
        communication_body = "Since 09:40 UTC three instances fail status checks.\nIds: i-0abc, i-0def.",
        cc_emails = new[] { "oncall@example.com" },
    };

    /// <summary>A signed execute request, as the bot sends it; secondsAgo makes a retry's signature differ from the
    /// first one (the proxy refuses a repeated signature as a replay, as it does for chat).</summary>
    public static HttpRequestMessage ExecuteRequest(string id, string? hash, string approvedBy = "lark:ou_approver", string? secret = QCliProxyHost.Secret, int secondsAgo = 0)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { argumentsHash = hash, approvedBy }));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/proposals/{Uri.EscapeDataString(id)}/execute") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-ChatOps-Protocol", "2");
        if (secret is not null)
        {
            var timestamp = DateTimeOffset.UtcNow.AddSeconds(-secondsAgo).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(QCliProxySigner.TimestampHeader, timestamp);
            request.Headers.Add(QCliProxySigner.SignatureHeader, QCliProxySigner.Signature(secret, "POST", request.RequestUri!.OriginalString, timestamp, body));
        }

        return request;
    }

    /// <summary>Sends an execute request; each one is signed a second later than the one before (still within the
    /// signature window), as the bot's retries are, so no two share a signature.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Result)> ExecuteAsync(string id, string? hash, CancellationToken ct = default)
    {
        using var response = await Host.Client.SendAsync(ExecuteRequest(id, hash, secondsAgo: -Interlocked.Increment(ref _signed)), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text) : null);
    }

    /// <summary>The proposals a reply carried, with their hash recomputed independently (FakeProposal).</summary>
    public static IReadOnlyList<(JsonNode Line, FakeProposal Proposal)> Proposals(ProxyReply reply) =>
        reply.Lines.Where(l => l.Type == "proposal").Select(l =>
        {
            var line = JsonNode.Parse(l.Raw)!;
            var p = line["proposal"]!;
            var fields = p["fields"]!.AsArray().Select(f => ((string)f!["name"]!, (string)f["value"]!)).ToList();
            return (line, new FakeProposal((string)p["id"]!, (string)p["kind"]!, (string)p["title"]!, fields, (string?)p["profile"], (string)p["conversationId"]!));
        }).ToList();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Kit, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still be letting go; the temp folder is cleaned by the OS.
        }
    }

    private async Task<QCliProxyHost> StartHostAsync(Action<Dictionary<string, string?>>? settings)
    {
        var host = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_STATE_DIR"] = StateDir;
            s["QCLI_RUNBOOK_DIR"] = RunbookDir;
            s["QCLI_SUPPORT_SERVICES_FILE"] = Path.Combine(Kit, "services.json");
            s["QCLI_SUPPORT_MCP_COMMAND"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "FakeSupportMcp.dll");
            settings?.Invoke(s);
        });
        await File.WriteAllLinesAsync(Path.Combine(host.Home, "mcp-proposals"), ["dotnet", Path.Combine(AppContext.BaseDirectory, "QCliProxy.dll"), "mcp-proposals"]);
        return host;
    }
}
