using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Lark;
using ChatOps.TestKit.QCli;
using ChatOps.TestKit.Slack;

namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>What the asker sees in a thread, checked the same way after every fault: nothing posted twice, the thread
/// ending in the answer or in exactly one explicit error, and no secret in the replies or the logs.</summary>
internal static class UserView
{
    /// <summary>Every secret value the test apps are configured with.</summary>
    public static readonly string[] Secrets =
    [
        ChatOpsApp.AppSecret, ChatOpsApp.EncryptKey, LarkEvent.DefaultToken, "test-secret-access-key",
        FakeQCliProxy.DefaultSecret, SlackRequest.DefaultSigningSecret, FakeSlackWebApi.DefaultBotToken,
    ];

    /// <summary>The texts of the replies in <paramref name="messageId"/>'s thread, after checking no segment was sent twice.</summary>
    public static string[] Thread(ChatOpsApp app, string messageId)
    {
        Assert.Equal(0, app.Lark.RepeatedUuids);
        var replies = app.Lark.RepliesTo(messageId);
        // Lark de-duplicates by uuid only: a reply without one could be posted twice unseen by the check above.
        Assert.All(replies, r => Assert.False(string.IsNullOrEmpty(r.Uuid), $"reply without a uuid: {r.Text}"));
        return replies.Select(r => r.Text).ToArray();
    }

    /// <summary>The thread holds an answer and no error notice; returns the whole answer.</summary>
    public static string Answer(ChatOpsApp app, string messageId)
    {
        var thread = Thread(app, messageId);
        Assert.NotEmpty(thread);
        Assert.DoesNotContain(thread, t => t.Contains('⚠'));
        return string.Join("\n", thread);
    }

    /// <summary>The thread ends in exactly one explicit error; returns (the text before it, the error).</summary>
    public static (string Before, string Error) EndsInError(ChatOpsApp app, string messageId) => EndsInError(Thread(app, messageId));

    public static (string Before, string Error) EndsInError(IReadOnlyList<string> thread)
    {
        Assert.NotEmpty(thread);
        Assert.Single(thread, t => t.Contains('⚠'));
        Assert.Contains('⚠', thread[^1]);
        return (string.Join("\n", thread.Take(thread.Count - 1)), thread[^1]);
    }

    /// <summary>No configured secret, and no tenant token the fake Lark issued, in the logs, the Lark replies or
    /// <paramref name="more"/> (e.g. Slack posts).</summary>
    public static void NoSecrets(ChatOpsApp app, params IEnumerable<string> more)
    {
        var everything = string.Join("\n", app.Logs.Lines.Concat(app.Lark.Replies.Select(r => r.Content)).Concat(more));
        Assert.NotEmpty(app.Logs.Lines);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch("\\bt-[0-9a-f]{32}\\b", everything);
    }

    /// <summary>Polls (a few ms at a time) until <paramref name="condition"/> holds; fails after 10 s.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 2000 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.True(condition(), what);
    }
}
