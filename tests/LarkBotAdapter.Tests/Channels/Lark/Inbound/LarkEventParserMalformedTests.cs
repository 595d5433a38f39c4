using System.Text;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.TestKit.Lark;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

/// <summary>LarkEventParser on bodies it must refuse: always Malformed with a reason, never an exception.</summary>
public sealed class LarkEventParserMalformedTests
{
    public static TheoryData<string, string> BrokenFields => new()
    {
        { "header.event_id", "header.event_id is required" },
        { "header.app_id", "header.app_id is required" },
        { "event.message.message_id", "event.message.message_id is required" },
        { "event.message.chat_id", "event.message.chat_id is required" },
        { "event.message.chat_type", "event.message.chat_type is required" },
        { "event.message.message_type", "event.message.message_type is required" },
        { "event.sender.sender_type", "event.sender.sender_type is required" },
        { "event.sender.sender_id", "event.sender.sender_id.open_id is required" },
        { "event.message", "event.message is required" },
        { "header", "header is required" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void MissingRequiredFieldIsNamed(string path, string reason)
    {
        var node = LarkEvent.Text("hi").BuildNode();
        var (parent, name) = Locate(node, path);
        parent.Remove(name);

        Assert.Equal(new LarkInbound.Malformed(reason), LarkEventParser.Parse(node.ToJsonString()));
    }

    [Theory]
    [InlineData("header.event_id", "header.event_id must be a string")]
    [InlineData("event.message.mentions", "event.message.mentions must be an array")]
    [InlineData("event.message.root_id", "event.message.root_id must be a string")]
    [InlineData("event.sender", "event.sender must be an object")]
    public void WrongTypeIsNamed(string path, string reason)
    {
        var node = LarkEvent.Text("hi").BuildNode();
        var (parent, name) = Locate(node, path);
        parent[name] = 42;

        Assert.Equal(new LarkInbound.Malformed(reason), LarkEventParser.Parse(node.ToJsonString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"schema\"")]
    [InlineData("{}")]
    [InlineData("""{"schema":"2.0"}""")]
    [InlineData("""{"schema":"3.0","header":{}}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"type":"url_verification","challenge":7}""")]
    [InlineData("""{"encrypt":"still-encrypted"}""")]
    [InlineData("""{"type":"url_verification","challenge":"a","challenge":"b"}""")]
    [InlineData("""{"schema":"2.0","header":{"event_id":"e\ud800","event_type":"t","app_id":"a"}}""")]
    [InlineData("""{"schema":"2.0","header":{"event_id":"e","event_type":"t","app_id":"a"},}""")]
    public void GarbageIsMalformed(string json) =>
        Assert.IsType<LarkInbound.Malformed>(LarkEventParser.Parse(json));

    [Fact]
    public void ThirtyTwoLevelsOfArraysParseButAreNotAnEvent()
    {
        var json = new string('[', 32) + new string(']', 32);

        Assert.Equal(new LarkInbound.Malformed("body must be a JSON object"), LarkEventParser.Parse(json));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(100_000)]
    public void DeeperNestingIsRefusedByTheReader(int depth)
    {
        var json = new string('[', depth) + new string(']', depth);

        var malformed = Assert.IsType<LarkInbound.Malformed>(LarkEventParser.Parse(json));
        Assert.Contains("deeper than 32", malformed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEventWithThirtyTwoLevelsInsideIsMalformed()
    {
        var node = LarkEvent.Text("hi").BuildNode();
        JsonNode deep = "bottom";
        for (var i = 0; i < 32; i++)
        {
            deep = new JsonObject { ["x"] = deep };
        }

        node["event"]!["message"]!["extra"] = deep;

        var malformed = Assert.IsType<LarkInbound.Malformed>(LarkEventParser.Parse(node.ToJsonString()));
        Assert.Contains("deeper than 32", malformed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedMessageContentIsMalformed()
    {
        var node = LarkEvent.Text("hi").BuildNode();
        node["event"]!["message"]!["content"] = "{\"text\":" + new string('[', 40) + new string(']', 40) + "}";

        Assert.Equal(new LarkInbound.Malformed("event.message.content is not valid JSON"), LarkEventParser.Parse(node.ToJsonString()));
    }

    [Fact]
    public void InvalidUtf8BytesAreMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(LarkEvent.Text("hi").Build()).Concat(new byte[] { 0xff, 0xfe }).ToArray();

        Assert.IsType<LarkInbound.Malformed>(LarkEventParser.Parse(bytes));
    }

    [Fact]
    public void TextContentThatIsNotJsonIsMalformed()
    {
        var node = LarkEvent.Text("hi").BuildNode();
        node["event"]!["message"]!["content"] = "hi";

        Assert.Equal(new LarkInbound.Malformed("event.message.content is not valid JSON"), LarkEventParser.Parse(node.ToJsonString()));
    }

    private static (JsonObject Parent, string Name) Locate(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => node[part]!.AsObject());
        return (parent, parts[^1]);
    }
}
