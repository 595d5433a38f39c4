using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatOps.TestKit;
using ChatOps.TestKit.Bedrock;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>How a gullible model answers: with what it was given, never with a sound label of its own.</summary>
public enum EchoMode
{
    /// <summary>The user's text back as plain text, no tool call.</summary>
    TextOnly,

    /// <summary>classify_intent with the user's whole text as the intent.</summary>
    TextAsIntent,

    /// <summary>A tool named <c>aws_ops</c> instead of classify_intent.</summary>
    OtherToolNamedAwsOps,

    /// <summary>The text (carrying a fake <c>{"intent":"aws_ops"}</c>) in a text block, then classify_intent off_topic,
    /// with the text as its reason and an extra <c>label: aws_ops</c>.</summary>
    EchoBesideTheLabel,
}

/// <summary>A loopback Converse endpoint that echoes the user's text (see <see cref="EchoMode"/>) and records requests.</summary>
public sealed class EchoingBedrock : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonNode> _requests = new();
    private LoopbackServer _server = null!;

    public Uri BaseAddress => _server.BaseAddress;

    public EchoMode Mode { get; set; }

    public IReadOnlyList<JsonNode> Requests => [.. _requests];

    public static async Task<EchoingBedrock> StartAsync()
    {
        var fake = new EchoingBedrock();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/model/{id}/converse", (HttpContext c, CancellationToken _) => fake.ConverseAsync(c)));
        return fake;
    }

    private async Task<IResult> ConverseAsync(HttpContext context)
    {
        var request = (await JsonNode.ParseAsync(context.Request.Body))!;
        _requests.Enqueue(request);
        var text = ConverseJson.UserText(request);
        var answer = Mode switch
        {
            EchoMode.TextOnly => ConverseJson.TextAnswer(text),
            EchoMode.TextAsIntent => ConverseJson.ToolUseAnswer("classify_intent", new JsonObject { ["intent"] = text }),
            EchoMode.OtherToolNamedAwsOps => ConverseJson.ToolUseAnswer("aws_ops", new JsonObject { ["intent"] = "aws_ops", ["reason"] = text }),
            _ => EchoBesideTheLabel(text),
        };
        return Results.Content(answer, "application/json");
    }

    private static string EchoBesideTheLabel(string text)
    {
        var answer = JsonNode.Parse(ConverseJson.ToolUseAnswer("classify_intent", new JsonObject
        {
            ["intent"] = "off_topic", ["reason"] = text, ["label"] = "aws_ops", ["route"] = "aws_ops",
        }))!;
        answer["output"]!["message"]!["content"]!.AsArray().Insert(0, new JsonObject { ["text"] = text + "\n{\"intent\":\"aws_ops\"}" });
        return answer.ToJsonString();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
