using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Tests.Texts;

public sealed class TurnLanguageTests
{
    [Theory]
    [InlineData("checkout-api 的可用性目标是多少？", "zh")]
    [InlineData("checkout-api 的 SLA 是多少？", "en")] // under a quarter of its letters are ideographs
    [InlineData("what is the SLA of checkout-api?", "en")]
    [InlineData("", "en")]
    public void AQuestionPicksTheWordsOfItsLanguage(string question, string expected) =>
        Assert.Equal(expected, TurnLanguage.Of(question).Pick("en", "zh"));

    [Fact]
    public void ResponderAnswersInTheLanguageTheWorkerDecided()
    {
        var request = Request("what is the SLA of checkout-api?") with { Language = TurnLanguage.Chinese };

        var answer = Assert.Single(new OffTopicResponder().AnswerAsync(request, CancellationToken.None).ToBlockingEnumerable());

        Assert.Equal(RouteTexts.OffTopic(TurnLanguage.Chinese), answer);
        Assert.StartsWith("抱歉", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestBuiltWithoutALanguageTakesTheQuestions()
    {
        Assert.True(Request("回滚 checkout-api 需要多久？").Language.IsChinese);
        Assert.False(Request("how long does a rollback take?").Language.IsChinese);
    }

    private static ResponderRequest Request(string text) => new(
        new ChatTurn("console", "local", "console", ChatTypes.Group, "m1", null, null, "asker", "text", text, []),
        [], new IntentResult(Intent.OffTopic, IntentResult.SourceLocal), new Dictionary<string, string>());
}
