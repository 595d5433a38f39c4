using System.Runtime.Versioning;
using System.Text.Json;
using ChatOps.QCliProxy;
using ChatOps.QCliProxy.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.TestKit.QCli;

/// <summary>
/// The real proxy (src/QCliProxy) on a loopback port with the fake CLI, its own state folder and a HOME where the fake
/// records runs. The proxy's parent environment holds the secret and an unlisted variable, so tests can see neither
/// reaches the CLI.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class QCliProxyHost : IAsyncDisposable
{
    public const string Secret = "test-proxy-secret-0001";
    public const string DefaultConversation = "lark:oc_test:om_root";

    /// <summary>The proxy's AWS config: a default, two offered profiles built on a base one, and one never offered.</summary>
    public const string AwsConfig = """
        [default]
        region = us-east-1
        credential_source = Ec2InstanceMetadata

        [profile base]
        region = us-east-1

        [profile prod]
        role_arn = arn:aws:iam::111111111111:role/ChatOpsReadOnly
        source_profile = base

        [profile uat]
        role_arn = arn:aws:iam::222222222222:role/ChatOpsReadOnly
        credential_source = Ec2InstanceMetadata

        [profile admin]
        role_arn = arn:aws:iam::111111111111:role/Admin
        credential_source = Ec2InstanceMetadata
        """;

    public const string AwsCredentials = """
        [base]
        aws_access_key_id = AKIAIOSFODNN7EXAMPLE
        aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

        [admin]
        aws_access_key_id = AKIAI44QH8DHBEXAMPLE
        aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
        """;

    private readonly WebApplication _app;

    private QCliProxyHost(WebApplication app, string root, LogCapture logs)
    {
        _app = app;
        Root = root;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Where the proxy listens, ending in <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    public string Root { get; }

    public string StateDir => Path.Combine(Root, "state");

    public string Home => Path.Combine(Root, "home");

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>How many times the fake CLI was started (it appends to $HOME/runs.log).</summary>
    public int CliRuns => File.Exists(Path.Combine(Home, "runs.log")) ? File.ReadAllLines(Path.Combine(Home, "runs.log")).Length : 0;

    public static async Task<QCliProxyHost> StartAsync(Action<Dictionary<string, string?>>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        // The fake CLI and the folders above it must be reachable by another account (QCLI_RUN_AS tests), wherever the
        // repository was cloned: a copy under the temp folder, every folder on the way readable and searchable.
        Directory.CreateDirectory(Path.Combine(root, "bin"));
        var cli = Path.Combine(root, "bin", "q");
        File.Copy(FakeCli.Path, cli);
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                   | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var path in new[] { Path.GetDirectoryName(root)!, root, Path.Combine(root, "bin"), cli })
        {
            File.SetUnixFileMode(path, open);
        }

        await File.WriteAllTextAsync(Path.Combine(root, "aws-config"), AwsConfig);
        await File.WriteAllTextAsync(Path.Combine(root, "aws-credentials"), AwsCredentials);
        var values = new Dictionary<string, string?>
        {
            ["QCLI_PROXY_SECRET"] = Secret,
            ["QCLI_COMMAND"] = cli,
            ["QCLI_STATE_DIR"] = Path.Combine(root, "state"),
            ["QCLI_AWS_PROFILES"] = "prod,uat",
            ["QCLI_MAX_CONCURRENCY"] = "4",
            ["QCLI_QUEUE_LIMIT"] = "4",
            ["QCLI_TIMEOUT_SECONDS"] = "60",
            ["QCLI_AWS_CONFIG_FILE"] = Path.Combine(root, "aws-config"),
            ["QCLI_AWS_CREDENTIALS_FILE"] = Path.Combine(root, "aws-credentials"),
        };
        settings?.Invoke(values);
        var parent = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Path.Combine(root, "home"),
            ["LANG"] = "C.UTF-8",
            ["QCLI_PROXY_SECRET"] = Secret,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_PROFILE"] = "instance-default",
            ["CHATOPS_UNLISTED"] = "1",
        };
        var logs = new LogCapture();
        var app = ProxyApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
            builder.Services.AddSingleton(new ParentEnvironment(parent));
        });
        await app.StartAsync();
        return new QCliProxyHost(app, root, logs);
    }

    public static string Json(string prompt, string conversationId = DefaultConversation, string? awsProfile = null) =>
        JsonSerializer.Serialize(new { conversationId, prompt, user = "ou_test_user", channel = "lark", awsProfile });

    /// <summary>Sends a signed request and returns as soon as the headers arrive.</summary>
    public async Task<ChatStream> OpenAsync(HttpRequestMessage request) =>
        new(await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead));

    public Task<ChatStream> OpenChatAsync(string prompt, string conversationId = DefaultConversation, string? awsProfile = null) =>
        OpenAsync(QCliProxySigner.ChatRequest(Secret, Json(prompt, conversationId, awsProfile), DateTimeOffset.UtcNow));

    public async Task<ProxyReply> SendAsync(HttpRequestMessage request)
    {
        using var stream = await OpenAsync(request);
        var lines = await stream.RestAsync();
        return new ProxyReply(stream.Response.StatusCode, stream.Response.Content.Headers.ContentType?.MediaType, lines);
    }

    public Task<ProxyReply> ChatAsync(string prompt, string conversationId = DefaultConversation, string? awsProfile = null) =>
        SendAsync(QCliProxySigner.ChatRequest(Secret, Json(prompt, conversationId, awsProfile), DateTimeOffset.UtcNow));

    /// <summary>Stops the host as systemd would (SIGTERM): the proxy drains, running answers finish.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>Stops the host with a shutdown deadline: CLIs still running when <paramref name="deadline"/> fires are stopped.</summary>
    public Task StopAsync(CancellationToken deadline) => _app.StopAsync(deadline);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        // The deadline has passed at once: a test's hanging CLI is stopped rather than drained.
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A killed CLI may still be letting go of its directory; the temp folder is cleaned by the OS.
        }
    }
}
