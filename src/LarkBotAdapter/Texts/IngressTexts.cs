namespace ChatOps.LarkBotAdapter.Texts;

// What the ingresses answer before any worker runs: the store-outage notices and a slash command's ephemeral replies.
internal static class IngressTexts
{
    // The claim store is down at the ingress: the platform will redeliver, and the answer comes then.
    public static string StoreUnavailable(TurnLanguage language) => language.Pick(
        "⚠️ I can't take this message right now: my state store is unavailable, and answering without it risks answering twice. "
        + "It will be delivered to me again and I'll answer then; if nothing follows within a few minutes, please ask again.",
        "⚠️ 我暂时无法接收这条消息：状态存储不可用，没有它可能会重复回答。消息稍后会重新送达，届时我会回答；如果几分钟内没有回复，请重新提问。");

    // The ephemeral answer to a slash command when the claim store is down (Slack never redelivers commands).
    public static string StoreUnavailableCommand(TurnLanguage language) => language.Pick(
        "⚠️ I can't take this question right now: my state store is unavailable, and answering without it risks answering twice. Please try again in a few minutes.",
        "⚠️ 我暂时无法接收这个问题：状态存储不可用，没有它可能会重复回答。请过几分钟再试。");

    public static string CommandAccepted(TurnLanguage language) =>
        language.Pick("⏳ Working on it — the answer will appear in a thread in this channel.", "⏳ 正在处理，回答会出现在频道的消息串里。");

    public static string CommandDuplicate(TurnLanguage language) =>
        language.Pick("Already working on this one.", "这个问题已经在处理中。");

    public static string CommandNotTaken(TurnLanguage language) =>
        language.Pick("⚠️ I couldn't take the question right now. Please try again in a minute.", "⚠️ 暂时无法接收问题，请稍后重试。");
}
