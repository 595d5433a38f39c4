namespace ChatOps.LarkBotAdapter.Texts;

// What the ops guardrail's checks say in place of what they withhold: in an answer, and on approval cards and results.
internal static class GuardrailTexts
{
    public static string AnswerNotChecked(TurnLanguage language) => language.Pick(
        "the answer could not be checked by the safety guardrail (Bedrock Guardrails), so nothing unchecked was posted.",
        "无法用安全护栏（Bedrock Guardrails）检查这个回答，所以没有发出未经检查的内容。");

    public static string AnswerWithheld(TurnLanguage language) =>
        language.Pick("⚠️ The rest of this answer was withheld by the safety guardrail.", "⚠️ 安全护栏拦截了这个回答的其余部分。");

    // Why a proposal's card or result is not shown (it ends "… is not offered for approval: " or "… is not shown: ").
    public static string ApprovalNotChecked(TurnLanguage language) => language.Pick(
        "it could not be checked by the safety guardrail (Bedrock Guardrails), so nothing unchecked is shown.",
        "无法用安全护栏（Bedrock Guardrails）检查，所以没有显示未经检查的内容。");

    public static string ApprovalWithheld(TurnLanguage language) =>
        language.Pick("the safety guardrail withheld it.", "安全护栏拦截了它。");
}
