using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Worker;

// The bot's own short messages: unsupported input and explicit errors, in the asker's language.
internal static class Notices
{
    public static string Unsupported(ChatTurn turn) => turn.IsSupported
        ? Pick(turn, "Ask me a question in text, e.g. \"what is the SLA of checkout-api?\"", "请直接用文字提问，例如：“checkout-api 的 SLA 是多少？”")
        : Pick(turn, "I can only read text messages for now. Please send your question as text.", "我目前只能读取文字消息，请用文字发送你的问题。");

    public static string EmptyAnswer(ChatTurn turn) =>
        Pick(turn, "I found nothing to say to that. Try rephrasing the question.", "我没有找到可以回答的内容，请换个方式提问。");

    // The claim store is down at the ingress: the platform will redeliver, and the answer comes then.
    public static string StoreUnavailable(ChatTurn turn) => Pick(
        turn,
        "⚠️ I can't take this message right now: my state store is unavailable, and answering without it risks answering twice. "
        + "It will be delivered to me again and I'll answer then; if nothing follows within a few minutes, please ask again.",
        "⚠️ 我暂时无法接收这条消息：状态存储不可用，没有它可能会重复回答。消息稍后会重新送达，届时我会回答；如果几分钟内没有回复，请重新提问。");

    // The ephemeral answer to a slash command when the claim store is down (Slack never redelivers commands).
    public static string StoreUnavailableCommand(bool chinese) => chinese
        ? "⚠️ 我暂时无法接收这个问题：状态存储不可用，没有它可能会重复回答。请过几分钟再试。"
        : "⚠️ I can't take this question right now: my state store is unavailable, and answering without it risks answering twice. Please try again in a few minutes.";

    public static string Failed(ChatTurn turn, string? detail, bool retryable, bool partial)
    {
        var english = (partial ? "⚠️ The answer above was cut short: " : "⚠️ I couldn't answer this: ")
                      + (detail ?? "an internal error occurred.")
                      + (retryable ? " Please try again in a minute." : "");
        var chinese = (partial ? "⚠️ 上面的回答中断了：" : "⚠️ 无法回答这个问题：")
                      + (detail ?? "内部错误。")
                      + (retryable ? " 请稍后重试。" : "");
        return Pick(turn, english, chinese);
    }

    // The asker went over their questions per minute: how long to wait, instead of an answer.
    public static string SlowDown(ChatTurn turn, int perMinute, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return Pick(
            turn,
            $"⏳ You've asked me {perMinute} questions in the last minute, which is as many as I take from one person. "
            + $"Please wait {Duration(TimeSpan.FromSeconds(seconds))} and ask this again.",
            $"⏳ 你在一分钟内已经问了 {perMinute} 个问题，这是我对每个人的上限。请等 {seconds} 秒后再问一次。");
    }

    // The detail of an answer cut short because this instance is shutting down.
    public static string Restarting(ChatTurn turn) =>
        Pick(turn, "I was restarted before the answer was finished.", "回答完成之前我被重启了。");

    // A limit as a person says it: "9 minutes", "1 minute", "45 seconds".
    public static string Duration(TimeSpan limit)
    {
        if (limit < TimeSpan.FromSeconds(59.5))
        {
            var seconds = Math.Max(1, (int)Math.Round(limit.TotalSeconds));
            return seconds == 1 ? "1 second" : $"{seconds} seconds";
        }
        var minutes = (int)Math.Round(limit.TotalMinutes);
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }

    private static string Pick(ChatTurn turn, string english, string chinese) =>
        Language.LooksChinese(turn.Text) ? chinese : english;
}
