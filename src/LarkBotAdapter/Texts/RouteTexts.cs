using ChatOps.IntentRecognition;

namespace ChatOps.LarkBotAdapter.Texts;

// The answers of the routes that need no backend: the off-topic refusal and "this route is not configured".
internal static class RouteTexts
{
    public static string OffTopic(TurnLanguage language) => language.Pick(
        "Sorry, that's outside what I can help with. I answer questions from the ops knowledge base (runbooks, SLAs, " +
        "on-call and escalation procedures) and look up the live state of our AWS accounts and clusters.",
        "抱歉，这个问题超出了我的范围。我可以回答运维知识库里的问题（Runbook、SLA、值班与升级流程），也可以查询 AWS 账号和集群的实时状态。");

    // variables: the settings that enable the route.
    public static string NotConfigured(TurnLanguage language, Intent intent, string variables) => language.Pick(
        $"This looks like a question for {What(intent)}, but that is not configured in this deployment. " +
        $"An administrator can enable it by setting {variables} (see the README).",
        $"这个问题需要{WhatChinese(intent)}，但当前部署尚未配置。管理员可以设置 {variables} 来启用（见 README）。");

    private static string What(Intent intent) => intent == Intent.KnowledgeBase
        ? "the team knowledge base"
        : "the live AWS accounts (the Q CLI proxy)";

    private static string WhatChinese(Intent intent) => intent == Intent.KnowledgeBase
        ? "查询团队知识库"
        : "查询 AWS 账号的实时状态（Q CLI 代理）";
}
