namespace ChatOps.LarkBotAdapter.Texts;

// What a click on a 👍/👎 button (or a button the bot no longer knows) answers; Lark shows it as a toast in the
// clicker's language, so both languages go along.
internal static class FeedbackTexts
{
    public static string ButtonInactive(TurnLanguage language) => language.Pick("This button is no longer active.", "这个按钮已失效。");

    public static string Recorded(TurnLanguage language) => language.Pick("Thanks for the feedback!", "感谢反馈！");

    public static string Changed(TurnLanguage language) => language.Pick("Feedback updated.", "已更新你的反馈。");

    public static string Unchanged(TurnLanguage language) => language.Pick("Your feedback was already recorded.", "你的反馈已记录。");

    public static string NotSaved(TurnLanguage language) =>
        language.Pick("Feedback could not be saved right now. Please try again.", "暂时无法保存反馈，请稍后重试。");
}
