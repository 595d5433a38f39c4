namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Everything a request could set off beyond its HTTP answer, counted at one moment.</summary>
/// <param name="LarkReplies">Reply attempts the fake Lark Open API received.</param>
/// <param name="SlackPosts">chat.postMessage attempts (thread parents of slash commands included).</param>
/// <param name="SlackAnswers">Posts the fake Slack accepted inside a thread (answers, not slash-command parents).</param>
/// <param name="SlackResponseUrlPosts">Posts to slash-command response_urls.</param>
/// <param name="ConverseCalls">Requests the fake Bedrock Runtime received.</param>
/// <param name="ProxyCalls">Requests the fake Q CLI proxy received.</param>
/// <param name="Jobs">Jobs the ingress handed to the worker.</param>
/// <param name="Votes">Feedback votes in the state store.</param>
public sealed record SideEffects(
    int LarkReplies, int SlackPosts, int SlackAnswers, int SlackResponseUrlPosts, int ConverseCalls, int ProxyCalls, int Jobs, int Votes = 0)
{
    public static SideEffects None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public SideEffects Minus(SideEffects before) => new(
        LarkReplies - before.LarkReplies,
        SlackPosts - before.SlackPosts,
        SlackAnswers - before.SlackAnswers,
        SlackResponseUrlPosts - before.SlackResponseUrlPosts,
        ConverseCalls - before.ConverseCalls,
        ProxyCalls - before.ProxyCalls,
        Jobs - before.Jobs,
        Votes - before.Votes);

    /// <summary>Answers posted to either platform (a slash command's parent message is the question, not an answer).</summary>
    public int Answers => LarkReplies + SlackAnswers + SlackResponseUrlPosts;
}
