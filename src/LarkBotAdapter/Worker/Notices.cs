using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Worker;

/// <summary>The bot's own short messages: unsupported input and explicit errors, in the asker's language.</summary>
internal static class Notices
{
    public static string Unsupported(ChatTurn turn) => turn.IsSupported
        ? Pick(turn, "Ask me a question in text, e.g. \"what is the SLA of checkout-api?\"", "请直接用文字提问，例如：“checkout-api 的 SLA 是多少？”")
        : Pick(turn, "I can only read text messages for now. Please send your question as text.", "我目前只能读取文字消息，请用文字发送你的问题。");

    public static string EmptyAnswer(ChatTurn turn) =>
        Pick(turn, "I found nothing to say to that. Try rephrasing the question.", "我没有找到可以回答的内容，请换个方式提问。");

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

    private static string Pick(ChatTurn turn, string english, string chinese) =>
        Language.LooksChinese(turn.Text) ? chinese : english;
}
