using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>Long and failing answers as the user sees them in the Lark thread.</summary>
public sealed partial class StreamedAnswerTests
{
    private const int LarkPostLimitBytes = 30 * 1024;
    private const string KnowledgeQuestion = "@_user_1 according to the runbook, how do I restart checkout-api?";

    private static Task<ChatOpsApp> StartWithAsync(ScriptedResponder responder, Action<Dictionary<string, string?>>? settings = null) =>
        ChatOpsApp.StartAsync(settings, services => services.AddSingleton<IResponder>(responder));

    [Fact]
    public async Task TwentyKilobyteAnswerArrivesInOrderedSegmentsWithinLarksLimit()
    {
        var answer = LongAnswer.Build();
        var responder = new ScriptedResponder(Intent.KnowledgeBase, answer);
        await using var app = await StartWithAsync(responder);
        var message = LarkEvent.Text(KnowledgeQuestion).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        Assert.Single(responder.Requests);
        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 3, $"expected several segments, got {replies.Count}");
        Assert.All(replies, r => Assert.True(r.RequestBytes < LarkPostLimitBytes, $"{r.RequestBytes} bytes"));
        Assert.All(replies, r => Assert.Equal(0, Fences().Matches(r.Text).Count % 2));
        Assert.Equal(Words(answer), Words(string.Join("\n", replies.Select(r => r.Text))).Where(w => w != "…"));
    }

    [Fact]
    public async Task WorstCaseCharactersStillFitLarksRequestLimit()
    {
        // Quotes and backslashes are escaped twice on the wire (post JSON inside the request JSON).
        var nasty = string.Concat(Enumerable.Repeat("\"\"\"\\\"\" 中文😀 ", 1500));
        var responder = new ScriptedResponder(Intent.KnowledgeBase, nasty, chunkSize: 1000);
        await using var app = await StartWithAsync(responder);
        var message = LarkEvent.Text(KnowledgeQuestion).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 2);
        Assert.Equal(app.Lark.ReplyAttempts, replies.Count); // the fake refuses requests over 30 KB, as Lark does
        Assert.Equal(nasty.Count(c => c == '"'), replies.Sum(r => r.Text.Count(c => c == '"')));
    }

    [Fact]
    public async Task AnswerFailingMidWayEndsWithAnExplicitErrorReply()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(), failAfterChars: 6000);
        await using var app = await StartWithAsync(responder);
        var message = LarkEvent.Text(KnowledgeQuestion).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 2);
        Assert.Contains("cut short", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("stopped answering mid-way", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("try again", replies[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StalledAnswerEndsWithATimeoutReplyAfterWhatArrived()
    {
        var responder = new ScriptedResponder(Intent.KnowledgeBase, LongAnswer.Build(), stallAfterChars: 5000);
        await using var app = await StartWithAsync(responder, s => s["CHATOPS_ANSWER_TIMEOUT_SECONDS"] = "1");
        var message = LarkEvent.Text(KnowledgeQuestion).MentioningBot();
        (await app.SendLarkAsync(message.Build())).Dispose();
        await app.WhenIdleAsync();

        var replies = app.Lark.RepliesTo(message.MessageId);
        Assert.True(replies.Count >= 2);
        Assert.Contains("took longer than 1 second.", replies[^1].Text, StringComparison.Ordinal);
    }

    // Rendering turns headings into bold lines, so compare words without Markdown emphasis marks.
    private static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('#', '*')).Where(w => w.Length > 0).ToArray();

    [GeneratedRegex("^(```|~~~)", RegexOptions.Multiline)]
    private static partial Regex Fences();
}
