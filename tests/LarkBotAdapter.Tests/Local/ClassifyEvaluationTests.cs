using ChatOps.LarkBotAdapter.Local;
using ChatOps.IntentRecognition;
using ChatOps.TestKit.Bedrock;
using Xunit.Abstractions;

namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>classify --eval: the embedded classifier and a Bedrock model (the loopback fake) scored on a labelled file.</summary>
public sealed class ClassifyEvaluationTests(ITestOutputHelper log) : IDisposable
{
    private readonly string path = WriteQuestions(Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}.tsv"));

    public void Dispose() => File.Delete(path);

    private static string WriteQuestions(string file)
    {
        File.WriteAllLines(file,
        [
        "label\tlang\ttopic\ttext",
        "aws_ops\ten\tcompute\thow many EC2 instances are running in prod right now?",
        "aws_ops\tzh\tcontainers\t生产集群里哪些 pod 在重启",
        "knowledge_base\ten\trunbook\twhat does the runbook say about rotating the database password?",
        "off_topic\ten\tfood\twhat should I cook for dinner tonight?",
        ]);
        return file;
    }

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

    [Fact]
    public async Task BedrockEvaluationComparesTheCascadeWithEachClassifierAloneAskingBedrockOncePerQuestion()
    {
        await using var bedrock = await FakeBedrockRuntime.StartAsync(_ => "aws_ops");
        var settings = Settings(bedrock);
        settings["INTENT_LOCAL_CONFIDENCE"] = "0.6";

        var (exit, stdout, _) = await RunAsync(settings, "classify", "--eval", path, "--model", "us.amazon.nova-micro-v1:0");

        Assert.Equal(0, exit);
        Assert.Equal(4, bedrock.Requests.Count);
        Assert.Contains("local first, bedrock when unsure (INTENT_LOCAL_CONFIDENCE=0.60):", stdout, StringComparison.Ordinal);
        Assert.Matches(@"accuracy\s+local\s+errors\s+p50 ms\s+p99 ms\s+tokens/1k q \(in\+out\)\s+cost/1k q", stdout);
        Assert.Matches(@"embedded alone\s+\d+\.\d %\s+100 %\s+0 .*0 \+ 0\s+\$0\.0000", stdout);
        Assert.Matches(@"bedrock alone\s+50\.0 %\s+0 %\s+0 .*412000 \+ 38000\s+\$0\.0197", stdout);
        Assert.Matches(@"cascade \(>= 0\.60\)\s+\d+\.\d %\s+\d+ %\s+0 ", stdout);
    }

    [Fact]
    public async Task CalibrationPrintsEachThresholdAndTheSuggestion()
    {
        var (exit, stdout, stderr) = await RunAsync(null, "classify", "--calibrate", path);

        Assert.Equal((0, ""), (exit, stderr));
        Assert.Matches(@"threshold\s+local share\s+local accuracy\s+off_topic->aws_ops\s+cascade accuracy", stdout);
        Assert.Matches(@"\n\s+0\.85\s+\d+\.\d %", stdout);
        Assert.Matches(@"\n\s+1\.00\s+0\.0 %\s+-", stdout);
        Assert.Contains("suggested: INTENT_LOCAL_CONFIDENCE=", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevSetAgainstAPerfectFakeModelPrintsTheCascadeTable()
    {
        // The fake answers every question with its label: what the table looks like, not how good any real model is.
        var dev = Path.Combine(RepositoryRoot(), "src", "IntentRecognition", "Data", "intent-dev.tsv");
        var labels = ChatOps.IntentRecognition.Model.LabelledQuestions.Load(dev)
            .GroupBy(q => q.Text, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Intent.ToLabel(), StringComparer.Ordinal);
        await using var bedrock = await FakeBedrockRuntime.StartAsync(text => labels.GetValueOrDefault(text.Trim(), "off_topic"));
        bedrock.KeepRequests = false;

        var (exit, stdout, stderr) = await RunAsync(Settings(bedrock), "classify", "--eval", dev, "--model", "us.amazon.nova-micro-v1:0");

        log.WriteLine(stdout);
        Assert.Equal((0, ""), (exit, stderr));
        Assert.Matches(@"bedrock alone\s+100\.0 %", stdout);
        var threshold = System.Text.RegularExpressions.Regex.Escape(CascadeIntentClassifier.DefaultLocalConfidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches($@"cascade \(>= {threshold}\)\s+\d+\.\d %\s+\d+ %\s+0 ", stdout);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }

    private static Dictionary<string, string?> Settings(FakeBedrockRuntime bedrock) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
        ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
        ["BEDROCK_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = bedrock.BaseAddress.ToString(),
    };

    private static async Task<(int Exit, string Out, string Err)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await LocalCommands.RunAsync(args, TextReader.Null, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }
}
