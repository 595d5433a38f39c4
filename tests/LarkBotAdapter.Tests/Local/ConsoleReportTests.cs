using ChatOps.LarkBotAdapter.Local;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>The console commands print one line per problem with what to check, details only with --verbose, and end with
/// the documented exit codes (docs/CONSOLE.md).</summary>
public sealed class ConsoleReportTests : IAsyncLifetime, IDisposable
{
    private const string Model = "us.amazon.nova-micro-v1:0";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.tsv");
    private FakeBedrockRuntime _bedrock = null!;

    public ConsoleReportTests() => File.WriteAllLines(path,
    [
        "aws_ops\thow many EC2 instances are running in prod right now?",
        "knowledge_base\twhat does the runbook say about rotating the database password?",
        "off_topic\twhat should I cook for dinner tonight?",
    ]);

    public async Task InitializeAsync() => _bedrock = await FakeBedrockRuntime.StartAsync();

    public async Task DisposeAsync() => await _bedrock.DisposeAsync();

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task DeniedModelIsOneLineSayingWhatToCheckAndExitsOne()
    {
        _bedrock.Always = FakeBedrockOutcome.Error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");

        var (exit, stdout, stderr) = await RunAsync(Settings(), "classify", "--eval", path, "--model", Model);

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("errors: 3", stdout, StringComparison.Ordinal);
        var problem = Assert.Single(Lines(stderr), l => l.Contains("Bedrock Converse failed", StringComparison.Ordinal) && !l.Contains("times)", StringComparison.Ordinal));
        Assert.Equal("error: Bedrock Converse failed: 403 AccessDeniedException — check the model access (Bedrock console, Model access) and the role's permissions in BEDROCK_REGION", problem);
        Assert.Contains("error: (3 times) Bedrock Converse failed: 403", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriedServerErrorsShowRetriesAndStackTracesOnlyWithVerbose()
    {
        _bedrock.Always = FakeBedrockOutcome.ServiceUnavailable();

        var (exit, _, quiet) = await RunAsync(Settings(), "classify", "--eval", path, "--model", Model);
        var (verboseExit, _, verbose) = await RunAsync(Settings(), "classify", "--verbose", "--eval", path, "--model", Model);

        Assert.Equal((ExitCodes.Failed, ExitCodes.Failed), (exit, verboseExit));
        Assert.Equal(
            ["error: Bedrock Converse failed: 503 ServiceUnavailableException — the service is failing: retry later",
             "error: (3 times) Bedrock Converse failed: 503 ServiceUnavailableException — the service is failing: retry later",
             "(run again with --verbose for details)"],
            Lines(quiet));
        Assert.Contains("Polly", verbose, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAnswersDespiteBedrockAndReportsTheFailureOnce()
    {
        _bedrock.Always = FakeBedrockOutcome.Error(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        var settings = Settings();
        settings["RECOGNITION_MODEL_ID"] = Model;
        settings["INTENT_LOCAL_CONFIDENCE"] = "1";

        var (exit, stdout, stderr) = await RunAsync(settings, "ask", "tell me a joke");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.StartsWith("intent: off_topic (local-fallback)", stdout, StringComparison.Ordinal);
        Assert.Equal(
            ["error: Bedrock Converse failed: 403 AccessDeniedException — check the model access (Bedrock console, Model access) and the role's permissions in BEDROCK_REGION",
             "(run again with --verbose for details)"],
            Lines(stderr));
    }

    [Fact]
    public async Task CleanRunExitsZeroWithNothingOnStderrAndVerboseIsNotPartOfTheQuestion()
    {
        var (exit, stdout, stderr) = await RunAsync(null, "ask", "--json", "--verbose", "tell me a joke");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("\"question\":\"tell me a joke\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidLocalConfidenceIsAConfigurationErrorNamingTheVariable()
    {
        var settings = Settings();
        settings["INTENT_LOCAL_CONFIDENCE"] = "high";

        var (exit, stdout, stderr) = await RunAsync(settings, "classify", "--eval", path, "--model", Model);

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Empty(stdout);
        Assert.Contains("error: configuration: INTENT_LOCAL_CONFIDENCE must be a number from 0 to 1, not 'high'.", stderr, StringComparison.Ordinal);
        Assert.Empty(_bedrock.Requests);
    }

    [Fact]
    public async Task AuditWithoutAStateTableIsAConfigurationError()
    {
        var (exit, _, stderr) = await RunAsync(null, "audit");

        Assert.Equal(ExitCodes.Configuration, exit);
        Assert.Contains("CHATOPS_STATE_TABLE", Lines(stderr)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageErrorsExitTwo()
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync(null, "audit", "--since", "1y")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(null, "classify", "--calibrate")).Exit);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(null, "classify", "--eval", path + ".missing")).Exit);
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
        ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
        ["BEDROCK_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = _bedrock.BaseAddress.ToString(),
        ["CHATOPS_HTTP_MAX_RETRIES"] = "1",
        ["CHATOPS_HTTP_RETRY_DELAY_MS"] = "1",
    };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(args, TextReader.Null, output, error, [.. settings ?? [], AskCache.Fresh()]);
        return (exit, output.ToString(), error.ToString());
    }
}
