using System.Text.Json.Nodes;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The optional <c>aws_profile</c> of <c>classify_intent</c>, present only when profiles are configured.</summary>
public sealed partial class BedrockIntentClassifierTests
{
    private BedrockIntentClassifier WithProfiles(params string[] profiles) => new(
        http,
        new BedrockClassifierOptions { ModelId = BedrockTestClient.ModelId, AwsProfiles = profiles },
        new CapturingLogger<BedrockIntentClassifier>());

    private JsonNode Schema(int request) =>
        fake.Requests[request].BodyJson()["toolConfig"]!["tools"]![0]!["toolSpec"]!["inputSchema"]!["json"]!;

    private static FakeBedrockOutcome Answer(JsonNode? profile) => FakeBedrockOutcome.Raw(200, ConverseJson.ToolUseAnswer(
        "classify_intent", new JsonObject { ["intent"] = "aws_ops", ["confidence"] = 0.8, ["aws_profile"] = profile }));

    [Fact]
    public async Task WithoutProfilesTheSchemaHasNoAwsProfile()
    {
        await BedrockTestClient.Classifier(http).ClassifyAsync(IntentRequest.Single("hello"), CancellationToken.None);

        Assert.Equal(["intent", "confidence", "reason"], Schema(0)["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task ConfiguredProfilesAddAnOptionalAwsProfileEnum()
    {
        await WithProfiles("prod", "uat", "logs").ClassifyAsync(IntentRequest.Single("errors in prod?"), CancellationToken.None);

        var schema = Schema(0);
        var profile = schema["properties"]!["aws_profile"]!;
        Assert.Equal("string", (string?)profile["type"]);
        Assert.Equal(["prod", "uat", "logs"], profile["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Contains("aws_ops", (string?)profile["description"], StringComparison.Ordinal);
        Assert.Equal(["knowledge_base", "aws_ops", "off_topic"], schema["properties"]!["intent"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["intent"], schema["required"]!.AsArray().Select(n => (string?)n));
    }

    [Fact]
    public async Task ChosenProfileIsParsedInItsConfiguredSpelling()
    {
        fake.Enqueue(Answer("PROD"));

        var result = await WithProfiles("prod", "uat").ClassifyAsync(IntentRequest.Single("errors in prod?"), CancellationToken.None);

        Assert.Equal((Intent.AwsOps, "prod"), (result.Intent, result.AwsProfile));
    }

    public static TheoryData<JsonNode?> UnusableProfiles => new() { "staging", "", "prod; rm -rf /", 5, null };

    [Theory]
    [MemberData(nameof(UnusableProfiles))]
    public async Task ProfileOutsideTheListIsNull(JsonNode? profile)
    {
        fake.Enqueue(Answer(profile?.DeepClone()));

        var result = await WithProfiles("prod", "uat").ClassifyAsync(IntentRequest.Single("errors?"), CancellationToken.None);

        Assert.Equal(Intent.AwsOps, result.Intent);
        Assert.Null(result.AwsProfile);
    }

    [Fact]
    public async Task ProfileIsIgnoredWhenNoneAreConfigured()
    {
        fake.Enqueue(Answer("prod"));

        var result = await BedrockTestClient.Classifier(http).ClassifyAsync(IntentRequest.Single("errors in prod?"), CancellationToken.None);

        Assert.Null(result.AwsProfile);
    }
}
