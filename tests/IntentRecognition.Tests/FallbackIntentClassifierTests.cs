using ChatOps.TestKit.Bedrock;
using Microsoft.Extensions.Logging;

namespace ChatOps.IntentRecognition.Tests;

public sealed class FallbackIntentClassifierTests : IAsyncLifetime
{
    private const string Question = "how do I restart checkout-api according to the runbook?";

    private readonly CapturingLogger<FallbackIntentClassifier> logger = new();
    private FakeBedrockRuntime fake = null!;

    public async Task InitializeAsync() => fake = await FakeBedrockRuntime.StartAsync(_ => "off_topic");

    public async Task DisposeAsync() => await fake.DisposeAsync();

    [Fact]
    public async Task PrimaryAnswerPassesThrough()
    {
        using var http = BedrockTestClient.Http(fake);

        var result = await Classifier(http).ClassifyAsync(IntentRequest.Single(Question), CancellationToken.None);

        Assert.Equal(Intent.OffTopic, result.Intent);
        Assert.Equal(IntentResult.SourceBedrock, result.Source);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task ServerErrorFallsBackToTheLocalClassifierAndLogsWithoutTheText()
    {
        fake.Enqueue(FakeBedrockOutcome.ServiceUnavailable());
        using var http = BedrockTestClient.Http(fake);

        var result = await Classifier(http).ClassifyAsync(IntentRequest.Single(Question), CancellationToken.None);

        Assert.Equal(Intent.KnowledgeBase, result.Intent);
        Assert.Equal(IntentResult.SourceLocalFallback, result.Source);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("AwsServiceException", message, StringComparison.Ordinal);
        Assert.Contains("503", message, StringComparison.Ordinal);
        Assert.DoesNotContain("checkout-api", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusableModelAnswerFallsBack()
    {
        fake.Enqueue(FakeBedrockOutcome.TextOnly("I think this is aws_ops"));
        using var http = BedrockTestClient.Http(fake);

        var result = await Classifier(http).ClassifyAsync(IntentRequest.Single(Question), CancellationToken.None);

        Assert.Equal(IntentResult.SourceLocalFallback, result.Source);
        Assert.Equal(Intent.KnowledgeBase, result.Intent);
    }

    [Fact]
    public async Task ClientTimeoutIsAFailureNotACancellation()
    {
        fake.Enqueue(FakeBedrockOutcome.Stall(TimeSpan.FromMinutes(5)));
        using var http = BedrockTestClient.Http(fake);
        http.Timeout = TimeSpan.FromMilliseconds(200);

        var result = await Classifier(http).ClassifyAsync(IntentRequest.Single(Question), CancellationToken.None);

        Assert.Equal(IntentResult.SourceLocalFallback, result.Source);
    }

    [Fact]
    public async Task CallersCancellationPropagates()
    {
        fake.Enqueue(FakeBedrockOutcome.Stall(TimeSpan.FromMinutes(5)));
        using var http = BedrockTestClient.Http(fake);
        using var cancellation = new CancellationTokenSource();

        var classifying = Classifier(http).ClassifyAsync(IntentRequest.Single(Question), cancellation.Token);
        await fake.WaitForRequestsAsync(1);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => classifying);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task AnyPrimaryExceptionFallsBack()
    {
        var classifier = new FallbackIntentClassifier(new ThrowingClassifier(), new LocalIntentClassifier(), logger);

        var result = await classifier.ClassifyAsync(IntentRequest.Single("tell me a joke"), CancellationToken.None);

        Assert.Equal(Intent.OffTopic, result.Intent);
        Assert.Equal(IntentResult.SourceLocalFallback, result.Source);
        Assert.Contains(nameof(InvalidOperationException), Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    private FallbackIntentClassifier Classifier(HttpClient http) =>
        new(BedrockTestClient.Classifier(http), new LocalIntentClassifier(BedrockTestClient.Summary), logger);

    private sealed class ThrowingClassifier : IIntentClassifier
    {
        public Task<IntentResult> ClassifyAsync(IntentRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("primary is broken");
    }
}
