using ChatOps.IntentRecognition.Bedrock;
using ChatOps.IntentRecognition.Model;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>The Converse prompt's few-shot examples come from the local model's training data.</summary>
public sealed class PromptExamplesTests
{
    [Fact]
    public void ExamplesCoverEveryLabelBothLanguagesAndDistinctTopicsFromTheTrainingSet()
    {
        var examples = PromptExamples.All;
        var training = IntentData.Training.ToHashSet();

        Assert.All(Enum.GetValues<Intent>(), label =>
        {
            var own = examples.Where(e => e.Intent == label).ToList();
            Assert.Equal(PromptExamples.PerLabel, own.Count);
            Assert.Equal(own.Count, own.Select(e => e.Topic).Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(own, e => e.Lang == "zh");
            Assert.Contains(own, e => e.Lang == "en");
        });
        Assert.All(examples, e => Assert.Contains(e, training));
    }

    [Fact]
    public void ChoiceIsDeterministicAndIndependentOfFileOrder()
    {
        var shuffled = IntentData.Training.OrderBy(q => q.Text.GetHashCode(StringComparison.Ordinal) ^ 0x5f3759df).ToList();

        Assert.Equal(PromptExamples.Choose(IntentData.Training), PromptExamples.Choose(shuffled));
    }

    [Fact]
    public async Task ConverseSystemPromptListsTheExamplesWithTheirRoutes()
    {
        await using var fake = await FakeBedrockRuntime.StartAsync(_ => "off_topic");
        using var http = BedrockTestClient.Http(fake);

        await BedrockTestClient.Classifier(http).ClassifyAsync(IntentRequest.Single("hello"), CancellationToken.None);

        var system = (string?)fake.Requests[0].BodyJson()["system"]![0]!["text"];
        Assert.All(PromptExamples.All, e => Assert.Contains($"{e.Text} => {e.Intent.ToLabel()}", system, StringComparison.Ordinal));
    }
}
