using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

public sealed class LarkMessageTextTests
{
    [Theory]
    [InlineData("@_user_1 hello", "hello")]
    [InlineData("hi @_user_1 there", "hi there")]
    [InlineData("hello @_user_1", "hello")]
    [InlineData("@_user_1\u3000查一下", "查一下")]
    [InlineData("@_all @_user_12 status?", "status?")]
    [InlineData("line one\r\n\r\n\r\n\r\nline two  ", "line one\n\nline two")]
    [InlineData("logs:\n    indented stays", "logs:\n    indented stays")]
    [InlineData("@_user_1", "")]
    public void TextIsTidied(string text, string expected) =>
        Assert.Equal(expected, LarkMessageText.Extract("text", new JsonObject { ["text"] = text }.ToJsonString()));

    [Fact]
    public void MentionInTheMiddleOfAPostIsDropped()
    {
        var text = PostText([LarkPost.Text("ask "), LarkPost.At("@_user_2", "Alice"), LarkPost.Text(" about it")]);

        Assert.Equal("ask about it", text);
    }

    [Theory]
    [InlineData("runbook", "https://example.test/rb", "runbook (https://example.test/rb)")]
    [InlineData("https://example.test/rb", "https://example.test/rb", "https://example.test/rb")]
    [InlineData("", "https://example.test/rb", "https://example.test/rb")]
    [InlineData("runbook", "", "runbook")]
    public void LinksKeepTheirTarget(string label, string href, string expected) =>
        Assert.Equal(expected, PostText([LarkPost.Link(label, href)]));

    [Fact]
    public void ImagesAndEmotionsAddNoText()
    {
        var text = PostText([LarkPost.Text("look"), LarkPost.Emotion()], [LarkPost.Image()], [LarkPost.Text("done")]);

        Assert.Equal("look\ndone", text);
    }

    [Fact]
    public void CodeBlockKeepsIndentationAndSitsOnItsOwnLines()
    {
        var text = PostText([LarkPost.Text("try"), LarkPost.Code("yaml", "a:\n  b: 1\n"), LarkPost.Text("then")]);

        Assert.Equal("try\n```yaml\na:\n  b: 1\n```\nthen", text);
    }

    [Theory]
    [InlineData("zh_cn")]
    [InlineData("en_us")]
    [InlineData("fr_fr")]
    public void LocaleWrappedPostIsUnwrapped(string locale)
    {
        var json = LarkEvent.Post("Title", [LarkPost.Text("body")]).LocaleWrapped(locale).Build();

        var turn = Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(json)).Turn;

        Assert.Equal("Title\nbody", turn.Text);
    }

    [Fact]
    public void ChineseLocaleWinsOverOthers()
    {
        const string content = """{"en_us":{"title":"","content":[[{"tag":"text","text":"english"}]]},"zh_cn":{"title":"","content":[[{"tag":"text","text":"中文"}]]}}""";

        Assert.Equal("中文", LarkMessageText.Extract("post", content));
    }

    [Fact]
    public void OddlyTypedPostElementsAreSkipped()
    {
        const string content = """
            {"title":5,"content":[[{"tag":"text","text":"ok"},{"tag":"text","text":7},"bare",null,{"tag":"md","text":" md"}],
             "not a paragraph",[{"tag":"unknown_future_tag","text":"kept"}],[{"tag":"hr"}]]}
            """;

        Assert.Equal("ok md\nkept", LarkMessageText.Extract("post", content));
    }

    [Theory]
    [InlineData("image", "{\"image_key\":\"img\"}")]
    [InlineData("file", "not even json")]
    [InlineData("sticker", "")]
    public void UnsupportedTypesHaveNoText(string messageType, string content) =>
        Assert.Equal("", LarkMessageText.Extract(messageType, content));

    private static string PostText(params JsonObject[][] paragraphs)
    {
        var json = LarkEvent.Post(null, paragraphs).Build();
        return Assert.IsType<LarkInbound.MessageReceived>(LarkEventParser.Parse(json)).Turn.Text;
    }
}
