namespace ChatOps.LarkBotAdapter.Texts;

// The worker's own short messages: unsupported input and explicit errors, in the turn's language.
internal static class NoticeTexts
{
    // supportedType: the message type carries text (then the text was empty).
    public static string Unsupported(TurnLanguage language, bool supportedType) => supportedType
        ? language.Pick("Ask me a question in text, e.g. \"what is the SLA of checkout-api?\"", "请直接用文字提问，例如：“checkout-api 的 SLA 是多少？”")
        : language.Pick("I can only read text messages for now. Please send your question as text.", "我目前只能读取文字消息，请用文字发送你的问题。");

    public static string EmptyAnswer(TurnLanguage language) =>
        language.Pick("I found nothing to say to that. Try rephrasing the question.", "我没有找到可以回答的内容，请换个方式提问。");

    public static string Failed(TurnLanguage language, string? detail, bool retryable, bool partial)
    {
        var english = (partial ? "⚠️ The answer above was cut short: " : "⚠️ I couldn't answer this: ")
                      + (detail ?? "an internal error occurred.")
                      + (retryable ? " Please try again in a minute." : "");
        var chinese = (partial ? "⚠️ 上面的回答中断了：" : "⚠️ 无法回答这个问题：")
                      + (detail ?? "内部错误。")
                      + (retryable ? " 请稍后重试。" : "");
        return language.Pick(english, chinese);
    }

    // The asker went over their questions per minute: how long to wait, instead of an answer.
    public static string SlowDown(TurnLanguage language, int perMinute, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return language.Pick(
            $"⏳ You've asked me {perMinute} questions in the last minute, which is as many as I take from one person. "
            + $"Please wait {Duration(TimeSpan.FromSeconds(seconds))} and ask this again.",
            $"⏳ 你在一分钟内已经问了 {perMinute} 个问题，这是我对每个人的上限。请等 {seconds} 秒后再问一次。");
    }

    // The detail of an answer cut short because this instance is shutting down.
    public static string Restarting(TurnLanguage language) =>
        language.Pick("I was restarted before the answer was finished.", "回答完成之前我被重启了。");

    // The detail of an answer cut short by the answer deadline (English in both languages, as it always was).
    public static string TookLonger(TimeSpan limit) => $"the answer took longer than {Duration(limit)}.";

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
}
