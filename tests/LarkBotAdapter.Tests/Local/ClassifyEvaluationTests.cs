using ChatOps.LarkBotAdapter.Local;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>classify --eval: the embedded classifier and a Bedrock model (the loopback fake) scored on a labelled file.</summary>
public sealed class ClassifyEvaluationTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.tsv");

    public ClassifyEvaluationTests() => File.WriteAllLines(path,
    [
        "label\tlang\ttopic\ttext",
        "aws_ops\ten\tcompute\thow many EC2 instances are running in prod right now?",
        "aws_ops\tzh\tcontainers\t生产集群里哪些 pod 在重启",
        "knowledge_base\ten\trunbook\twhat does the runbook say about rotating the database password?",
        "off_topic\ten\tfood\twhat should I cook for dinner tonight?",
    ]);

    public void Dispose() => File.Delete(path);

    [Fact]
    public async Task EmbeddedEvaluationPrintsTheMatrixPrecisionRecallAndLatency()
    {
        var (exit, stdout, _) = await RunAsync(null, "classify", "--eval", path);

        Assert.Equal(0, exit);
        Assert.Contains("classifier: embedded", stdout, StringComparison.Ordinal);
        Assert.Contains("questions: 4", stdout, StringComparison.Ordinal);
        Assert.Contains("expected \\ predicted", stdout, StringComparison.Ordinal);
        Assert.Matches(@"aws_ops\s+\d+\.\d %\s+\d+\.\d %\s+2", stdout);
        Assert.Contains("latency: p50", stdout, StringComparison.Ordinal);
        Assert.Contains("tokens: none reported", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BedrockEvaluationCallsTheModelForEachQuestionAndPricesItsTokens()
    {
        await using var bedrock = await FakeBedrockRuntime.StartAsync(text => text.Contains("EC2", StringComparison.Ordinal) || text.Contains("pod", StringComparison.Ordinal) ? "aws_ops" : "knowledge_base");
        var settings = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
            ["BEDROCK_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = bedrock.BaseAddress.ToString(),
        };

        var (exit, stdout, _) = await RunAsync(settings, "classify", "--eval", path, "--model", "us.amazon.nova-micro-v1:0");

        Assert.Equal(0, exit);
        Assert.Equal(4, bedrock.Requests.Count);
        Assert.All(bedrock.Requests, r => Assert.Equal("/model/us.amazon.nova-micro-v1%3A0/converse", r.RawTarget));
        Assert.Contains("questions: 4   accuracy: 3/4 = 75.0 %", stdout, StringComparison.Ordinal);
        // The fake reports 412 input and 38 output tokens per call: 412,000 × $0.035/M + 38,000 × $0.14/M = $0.01974.
        Assert.Contains("tokens per 1,000 questions: 412000 input + 38000 output", stdout, StringComparison.Ordinal);
        Assert.Contains("cost per 1,000 questions: $0.0197", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluationWithoutAFileExplainsUsage()
    {
        var (exit, _, stderr) = await RunAsync(null, "classify", "--eval");

        Assert.Equal(2, exit);
        Assert.Contains("classify --eval labelled.tsv", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(args, TextReader.Null, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
