using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Knowledge.Local;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class LocalKnowledgeResponderTests
{
    private static readonly LocalKnowledgeResponder Bundled = new(KnowledgeFolders.BundledBase);

    internal static ResponderRequest Ask(string text, params ConversationTurn[] history) => new(
        new ChatTurn("lark", "cli_test", "oc_chat", "group", "om_1", null, null, "ou_user", "text", text, []),
        history, new IntentResult(Intent.KnowledgeBase, IntentResult.SourceLocal), new Dictionary<string, string>());

    private static async Task<List<string>> AnswerAsync(LocalKnowledgeResponder responder, ResponderRequest request)
    {
        var pieces = new List<string>();
        await foreach (var piece in responder.AnswerAsync(request, CancellationToken.None))
        {
            pieces.Add(piece);
        }
        return pieces;
    }

    [Fact]
    public async Task AnswerSaysItIsLocalAndExtractiveAndCitesFileAndHeading()
    {
        var pieces = await AnswerAsync(Bundled, Ask("checkout-api went to 5xx after the release, how do I roll back?"));
        Assert.StartsWith("This is a local extractive answer quoted from the bundled documents (not a generated answer)", pieces[0], StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_BASE_ID", pieces[0], StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_MODEL_ARN", pieces[0], StringComparison.Ordinal);
        Assert.Contains("— *runbooks/checkout-api.md › 5xx spike › Rollback*", pieces[1], StringComparison.Ordinal);
        Assert.InRange(pieces.Count, 2, 1 + LocalKnowledgeResponder.MaxPassages);
        Assert.All(pieces.Skip(1), p => Assert.Matches(@"— \*[a-z/-]+\.md › .+\*\n\n$", p));
    }

    [Fact]
    public async Task CodeBlocksAreQuotedIntact()
    {
        var answer = string.Concat(await AnswerAsync(Bundled, Ask("checkout-api went to 5xx after the release, how do I roll back?")));
        Assert.Contains("""
               ```bash
               kubectl argo rollouts undo checkout-api -n checkout
               kubectl argo rollouts status checkout-api -n checkout --timeout 10m
               ```
            """, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChineseQuestionGetsAChineseAnswerFromTheChineseRunbook()
    {
        var pieces = await AnswerAsync(Bundled, Ask("消费组积压了，怎么重置 offset 跳过旧消息？"));
        Assert.StartsWith("以下是从内置文档中原文摘录的本地抽取式回答", pieces[0], StringComparison.Ordinal);
        Assert.Contains("— *runbooks/msk-consumer-lag.md › 处理步骤 › 重置 offset（慎用）*", pieces[1], StringComparison.Ordinal);
        Assert.Contains("--reset-offsets --to-latest --execute", pieces[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingMatchedSaysSoAndListsTheDocuments()
    {
        var reply = Assert.Single(await AnswerAsync(Bundled, Ask("what's a good sourdough recipe?")));
        Assert.StartsWith("Nothing in the local documents matched “what's a good sourdough recipe?”", reply, StringComparison.Ordinal);
        Assert.All(KnowledgeFolders.BundledBase.Documents, d => Assert.Contains($"`{d.File}` — {d.Title}", reply, StringComparison.Ordinal));
        Assert.Contains("KNOWLEDGE_BASE_ID", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingMatchedInChineseIsAnsweredInChinese()
    {
        var reply = Assert.Single(await AnswerAsync(Bundled, Ask("今天午饭吃什么好呢")));
        Assert.StartsWith("本地文档中没有找到", reply, StringComparison.Ordinal);
        Assert.Contains("runbooks/msk-consumer-lag.md", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFolderExplainsWhereItLookedAndHowToConfigure()
    {
        var responder = new LocalKnowledgeResponder(new LocalKnowledgeBase(new KnowledgeLocation(null, null, ["/srv/app"])));
        var reply = Assert.Single(await AnswerAsync(responder, Ask("how do I roll back checkout-api?")));
        Assert.Contains("/srv/app/knowledge", reply, StringComparison.Ordinal);
        Assert.Contains("`KNOWLEDGE_LOCAL_PATH`", reply, StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_BASE_ID", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortFollowUpIsAnsweredFromThePreviousQuestionsDocument()
    {
        var previous = new ConversationTurn(ConversationTurn.User, "the order-projector Kafka consumer group is lagging behind", Intent.KnowledgeBase);
        var answer = new ConversationTurn(ConversationTurn.Assistant, "…");
        var alone = await AnswerAsync(Bundled, Ask("how do I restart it?"));
        var followUp = await AnswerAsync(Bundled, Ask("how do I restart it?", previous, answer));
        Assert.Contains("runbooks/checkout-api.md", alone[1], StringComparison.Ordinal);
        Assert.Contains("— *runbooks/msk-consumer-lag.md › 处理步骤 › 重启卡住的消费者*", followUp[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongQuestionIgnoresTheThread()
    {
        var previous = new ConversationTurn(ConversationTurn.User, "the order-projector Kafka consumer group is lagging behind");
        var pieces = await AnswerAsync(Bundled, Ask("after an RDS failover the java service still connects to the old writer host", previous));
        Assert.All(pieces.Skip(1), p => Assert.DoesNotContain("msk-consumer-lag.md", p, StringComparison.Ordinal));
    }

    [Fact]
    public void AnswersTheKnowledgeBaseRoute() => Assert.Equal(Intent.KnowledgeBase, Bundled.Intent);
}
