using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ChatOps.IntentRecognition.Tests;

public sealed partial class LocalIntentClassifierTests(ITestOutputHelper output)
{
    private const string Summary =
        "Runbooks for checkout-api, payment-service and the MSK clusters; SLA and SLO definitions; on-call " +
        "rotation and escalation; incident severity levels; change management and deployment procedures; " +
        "access requests; 值班与升级流程、故障复盘模板";

    private readonly LocalIntentClassifier classifier = new(Summary);

    [Fact]
    public void ExampleSetIsLargeAndBalancedEnough()
    {
        var examples = IntentExample.Load("intent-examples.jsonl");

        Assert.True(examples.Count >= 180, $"{examples.Count} examples");
        Assert.All(Enum.GetValues<Intent>(), label => Assert.True(examples.Count(e => e.Expected == label) >= 50, $"{label}"));
        Assert.True(examples.Count(e => e.Lang == "zh") >= 60);
        Assert.Equal(examples.Count, examples.Select(e => e.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ExampleSetAccuracyIsAtLeast85PercentWithFewFalseAwsOps()
    {
        var examples = IntentExample.Load("intent-examples.jsonl");
        var predicted = examples.Select(e => classifier.Classify(e.Request).Intent).ToList();

        var accuracy = Report(examples, predicted);
        var notAws = examples.Select((e, i) => (e.Expected, Got: predicted[i])).Where(p => p.Expected != Intent.AwsOps).ToList();
        var falseAws = notAws.Count(p => p.Got == Intent.AwsOps) / (double)notAws.Count;
        output.WriteLine($"non-aws_ops classified aws_ops: {falseAws:P1}");

        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1}");
        Assert.True(falseAws < 0.03, $"false aws_ops rate {falseAws:P1}");
    }

    [Fact]
    public void FollowUpsKeepTheRouteOfTheThread()
    {
        var examples = IntentExample.Load("intent-followups.jsonl");
        var predicted = examples.Select(e => classifier.Classify(e.Request).Intent).ToList();

        var accuracy = Report(examples, predicted);

        Assert.True(accuracy >= 0.9, $"follow-up accuracy {accuracy:P1}");
    }

    [Fact]
    public void HeldOutSetIsReportedAndNeverSendsChatToAwsOps()
    {
        // Written after the lexicons and never used to tune them: an honest estimate, so only a loose bar.
        var examples = IntentExample.Load("intent-holdout.jsonl");
        var predicted = examples.Select(e => classifier.Classify(e.Request).Intent).ToList();

        var accuracy = Report(examples, predicted);

        Assert.True(accuracy >= 0.7, $"held-out accuracy {accuracy:P1}");
        Assert.DoesNotContain(examples.Select((e, i) => (e.Expected, Got: predicted[i])), p => p.Expected != Intent.AwsOps && p.Got == Intent.AwsOps);
    }

    [Theory]
    [InlineData("and in prod?")]
    [InlineData("what about uat")]
    [InlineData("那生产环境呢？")]
    [InlineData("why?")]
    public void BareFollowUpInheritsTheRecordedRoute(string text)
    {
        foreach (var previous in Enum.GetValues<Intent>())
        {
            var history = new List<ConversationTurn> { new(ConversationTurn.User, "earlier question", previous), new(ConversationTurn.Assistant, "an answer") };

            var result = classifier.Classify(new IntentRequest(text, history));

            Assert.Equal(previous, result.Intent);
        }
    }

    [Theory]
    [InlineData("and in prod?")]
    [InlineData("那生产环境呢？")]
    [InlineData("what about uat")]
    public void BareFollowUpWithoutHistoryIsNeverAwsOps(string text) =>
        Assert.NotEqual(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);

    [Fact]
    public void FollowUpWithItsOwnStrongSignalIgnoresTheThread()
    {
        var history = new List<ConversationTurn> { new(ConversationTurn.User, "is checkout-api running?", Intent.AwsOps) };

        var result = classifier.Classify(new IntentRequest("and what does the runbook say about restarting it?", history));

        Assert.Equal(Intent.KnowledgeBase, result.Intent);
    }

    [Fact]
    public void KnowledgeSummaryTermsMarkDocumentedTopics()
    {
        const string question = "anything on zephyr ledger reconciliation?";

        var without = new LocalIntentClassifier().Classify(IntentRequest.Single(question));
        var with = new LocalIntentClassifier("Zephyr ledger reconciliation guides; 对账流程").Classify(IntentRequest.Single(question));
        var chinese = new LocalIntentClassifier("Zephyr ledger reconciliation guides; 月末对账").Classify(IntentRequest.Single("月末对账有什么要注意的"));

        // Unknown words alone say nothing; the summary is what makes them documented.
        Assert.NotEqual(Intent.KnowledgeBase, without.Intent);
        Assert.Equal(Intent.KnowledgeBase, with.Intent);
        Assert.Equal(Intent.KnowledgeBase, chinese.Intent);
    }

    [Theory]
    [InlineData("is the MSK cluster healthy right now?")]
    [InlineData("payment-service 5xx errors in the last hour")]
    [InlineData("checkout-api 现在的错误率是多少")]
    public void LiveQuestionAboutADocumentedServiceStaysAwsOps(string text) =>
        Assert.Equal(Intent.AwsOps, classifier.Classify(IntentRequest.Single(text)).Intent);

    [Theory]
    [InlineData("how do I restart checkout-api according to the runbook?", Intent.KnowledgeBase)]
    [InlineData("is checkout-api restarted now?", Intent.AwsOps)]
    [InlineData("lol our AWS bill could buy a lot of pizza", Intent.OffTopic)]
    public void RouteFollowsWhatIsAskedNotWhichServiceIsNamed(string text, Intent expected) =>
        Assert.Equal(expected, classifier.Classify(IntentRequest.Single(text)).Intent);

    [Fact]
    public async Task ResultIsDeterministicAndExplained()
    {
        var request = IntentRequest.Single("how many EC2 instances are running in prod right now?");

        var first = await classifier.ClassifyAsync(request, CancellationToken.None);
        var second = await new LocalIntentClassifier(Summary).ClassifyAsync(request, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(IntentResult.SourceLocal, first.Source);
        Assert.InRange(first.Confidence, 0.5, 1);
        Assert.False(string.IsNullOrWhiteSpace(first.Reason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🤖🤖🤖")]
    public void EmptyOrSymbolOnlyTextIsOffTopic(string text) =>
        Assert.Equal(Intent.OffTopic, classifier.Classify(IntentRequest.Single(text)).Intent);

    private double Report(IReadOnlyList<IntentExample> examples, IReadOnlyList<Intent> predicted)
    {
        var labels = Enum.GetValues<Intent>();
        var table = new StringBuilder("expected \\ predicted".PadRight(22));
        table.AppendJoin(string.Empty, labels.Select(l => l.ToLabel().PadLeft(16))).AppendLine();
        foreach (var expected in labels)
        {
            table.Append(expected.ToLabel().PadRight(22));
            foreach (var got in labels)
            {
                var count = examples.Where((e, i) => e.Expected == expected && predicted[i] == got).Count();
                table.Append(count.ToString(CultureInfo.InvariantCulture).PadLeft(16));
            }

            table.AppendLine();
        }

        var correct = examples.Where((e, i) => e.Expected == predicted[i]).Count();
        var accuracy = correct / (double)examples.Count;
        output.WriteLine($"accuracy: {correct}/{examples.Count} = {accuracy:P1}");
        foreach (var lang in examples.Select(e => e.Lang).Distinct())
        {
            var subset = examples.Select((e, i) => (e, i)).Where(x => x.e.Lang == lang).ToList();
            output.WriteLine($"  {lang}: {subset.Count(x => x.e.Expected == predicted[x.i])}/{subset.Count}");
        }

        output.WriteLine(table.ToString());
        foreach (var (e, i) in examples.Select((e, i) => (e, i)).Where(x => x.e.Expected != predicted[x.i]))
        {
            output.WriteLine($"  miss: [{e.Expected.ToLabel()} -> {predicted[i].ToLabel()}] {e.Text}");
        }

        return accuracy;
    }
}
