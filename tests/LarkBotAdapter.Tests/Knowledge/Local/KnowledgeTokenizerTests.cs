using ChatOps.LarkBotAdapter.Knowledge.Local;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class KnowledgeTokenizerTests
{
    [Fact]
    public void EnglishIsLowerCasedStemmedAndStopWordsDropped()
    {
        Assert.Equal(["pod", "scal", "restart", "5xx", "p1"], KnowledgeTokenizer.Tokenize("The Pods were Scaling and restarted: 5xx, a P1!"));
    }

    [Theory]
    [InlineData("scale", "scaling", "scaled")]
    [InlineData("escalate", "escalation", "escalated")]
    [InlineData("restart", "restarting", "restarts")]
    [InlineData("lag", "lagging", "lagged")]
    [InlineData("policy", "policies", "policy")]
    [InlineData("patch", "patches", "patching")]
    public void InflectionsOfOneWordMeet(string a, string b, string c)
    {
        var stems = new[] { a, b, c }.Select(w => Assert.Single(KnowledgeTokenizer.Tokenize(w))).Distinct();
        Assert.Single(stems);
    }

    [Fact]
    public void ChineseYieldsCharactersAndCharacterPairs()
    {
        Assert.Equal(["消", "消费", "费", "费延", "延", "延迟", "迟"], KnowledgeTokenizer.Tokenize("消费延迟"));
    }

    [Fact]
    public void ParticlesAreDroppedAndNotPaired()
    {
        var terms = KnowledgeTokenizer.Tokenize("值班的人");
        Assert.Equal(["值", "值班", "班", "人"], terms);
    }

    [Fact]
    public void MixedTextKeepsBothScripts()
    {
        Assert.Equal(["kafka", "积", "积压", "压", "lag"], KnowledgeTokenizer.Tokenize("Kafka 积压 (lag)"));
    }

    [Fact]
    public void OnlyStopWordsYieldNothing()
    {
        Assert.Empty(KnowledgeTokenizer.Tokenize("what is it, and how? 这个吗"));
    }
}
