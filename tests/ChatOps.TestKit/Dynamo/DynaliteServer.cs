using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace ChatOps.TestKit.Dynamo;

/// <summary>A dynalite process (DynamoDB-compatible server from tests/tooling) on a free 127.0.0.1 port.</summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private DynaliteServer(Process process, int port)
    {
        _process = process;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Where the server listens, e.g. for <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>What dynalite wrote to stderr so far.</summary>
    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts dynalite and waits until it accepts connections.</summary>
    /// <exception cref="InvalidOperationException">Prerequisites are missing or the server did not come up.</exception>
    public static async Task<DynaliteServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (DynaliteRequirements.Missing is { } missing)
        {
            throw new InvalidOperationException(DynaliteRequirements.SkipMessagePrefix + missing);
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo(DynaliteRequirements.NodePath!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { DynaliteRequirements.CliPath!, "--host", "127.0.0.1", "--port", $"{port}",
                     "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var server = new DynaliteServer(process, port);
        process.ErrorDataReceived += (_, e) => server.AppendError(e.Data);
        process.OutputDataReceived += static (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await server.WaitUntilListeningAsync(port, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for this server with dummy credentials and no retries (tests see failures at once).</summary>
    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig
        {
            ServiceURL = Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(10),
        });

    /// <summary>Creates a table with the state store's key schema (DESIGN 4.2) and waits until it is active.</summary>
    public async Task CreateTableAsync(string name, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        await client.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions =
                [
                    new AttributeDefinition("pk", ScalarAttributeType.S),
                    new AttributeDefinition("sk", ScalarAttributeType.S),
                ],
                KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            },
            cancellationToken);

        // No UpdateTimeToLive: dynalite does not implement it (items never expire there, which the stores handle).
        while ((await client.DescribeTableAsync(name, cancellationToken)).Table.TableStatus != TableStatus.ACTIVE)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Never started, or already gone: nothing left to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw Failure($"dynalite exited with code {_process.ExitCode}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, CancellationToken.None);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw Failure($"dynalite did not accept connections on port {port} within {StartTimeout.TotalSeconds:0} s");
            }
        }
    }

    private InvalidOperationException Failure(string what) =>
        new($"{what}. Command: node {DynaliteRequirements.CliPath}. stderr: {StandardError.Trim()}");

    private void AppendError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
