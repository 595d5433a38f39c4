using System.Globalization;

namespace ChatOps.LarkBotAdapter.Texts;

// What the user reads when the ops route refuses or fails (OpsMessages picks which, and whether to retry). The failure
// details end a sentence that NoticeTexts.Failed starts ("I couldn't answer this: …").
internal static class OpsTexts
{
    public static string Restricted(TurnLanguage language) => language.Pick(
        "Questions about the live AWS accounts are restricted to approved chats and people, and this one isn't on the list. " +
        "If you need it, ask the bot's administrators (the ops/SRE team) to add this chat or you to OPS_ALLOWED_CHAT_IDS / OPS_ALLOWED_USER_IDS.",
        "AWS 运维查询只对指定的群聊和成员开放，这里暂时不能使用。如果你需要，请联系机器人的管理员（运维/SRE 团队），把本群或你加入 OPS_ALLOWED_CHAT_IDS / OPS_ALLOWED_USER_IDS。");

    public static string Busy(TurnLanguage language) =>
        language.Pick("the ops assistant is busy with other questions right now.", "运维助手正在处理其他问题，暂时忙不过来。");

    public static string Timeout(TurnLanguage language) => language.Pick(
        "the AWS CLI ran out of time before it finished. Try a narrower question (one service, one account, a shorter time range).",
        "AWS CLI 在时限内没有完成。请把问题缩小一些（一个服务、一个账号、更短的时间范围）。");

    public static string BadRequest(TurnLanguage language) => language.Pick(
        "the ops proxy refused the question as invalid (for example an AWS profile it does not know).",
        "运维代理认为这个请求无效（例如它不认识的 AWS 配置文件），拒绝了它。");

    public static string CliFailed(TurnLanguage language) => language.Pick(
        "the AWS CLI failed while answering; the details are in the bot's logs.",
        "AWS CLI 在回答时出错，详情记录在机器人的日志中。");

    public static string ExitCode(TurnLanguage language, int exitCode) => language.Pick(
        string.Create(CultureInfo.InvariantCulture, $"the AWS CLI stopped with exit code {exitCode} before it finished."),
        string.Create(CultureInfo.InvariantCulture, $"AWS CLI 以退出码 {exitCode} 中止，没有完成。"));

    public static string Unreachable(TurnLanguage language) => language.Pick(
        "the ops proxy at QLI_SERVER_ADDRESS could not be reached (is it running?).",
        "无法连接 QLI_SERVER_ADDRESS 上的运维代理（它在运行吗？）。");

    public static string Untrusted(TurnLanguage language) => language.Pick(
        "the ops proxy's TLS certificate could not be verified, so nothing was sent. If a private CA issued it, the bot's administrators set QCLI_PROXY_CA_FILE to that CA's PEM bundle.",
        "无法验证运维代理的 TLS 证书，因此没有发送任何请求。如果证书由私有 CA 签发，请机器人的管理员把 QCLI_PROXY_CA_FILE 设为该 CA 的 PEM 证书包。");

    public static string NoAnswer(TurnLanguage language) => language.Pick(
        "the ops proxy accepted the question but did not start answering in time.",
        "运维代理收到了问题，但没有及时开始回答。");

    public static string Unauthorized(TurnLanguage language) => language.Pick(
        "the ops proxy rejected this bot's signature: QCLI_PROXY_SECRET differs between the bot and the proxy, or their clocks are more than 5 minutes apart. An administrator needs to fix this.",
        "运维代理拒绝了机器人的签名：机器人与代理的 QCLI_PROXY_SECRET 不一致，或两边时钟相差超过 5 分钟。需要管理员处理。");

    public static string HttpStatus(TurnLanguage language, int? statusCode) => language.Pick(
        string.Create(CultureInfo.InvariantCulture, $"the ops proxy answered HTTP {statusCode}."),
        string.Create(CultureInfo.InvariantCulture, $"运维代理返回了 HTTP {statusCode}。"));

    public static string CutOff(TurnLanguage language) => language.Pick(
        "the answer was cut off: the connection to the ops proxy ended before it finished.",
        "回答被截断了：与运维代理的连接在回答完成前就断开了。");

    public static string Unreadable(TurnLanguage language) => language.Pick(
        "the ops proxy sent an answer this bot could not read.",
        "运维代理返回的内容无法解析。");
}
