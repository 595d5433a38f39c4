namespace ChatOps.LarkBotAdapter.Texts;

// The knowledge routes' own words around what they quote or generate: the local answers' opening and fallbacks, the
// Bedrock route's notes, and the Sources heading that ends a cited answer (LiveStatusTexts counts what follows it).
internal static class KnowledgeTexts
{
    public const string SourcesEnglish = "**Sources**";

    public const string SourcesChinese = "**来源**";

    private const string Variables = "`KNOWLEDGE_BASE_ID` and `KNOWLEDGE_MODEL_ARN`";
    private const string VariablesChinese = "`KNOWLEDGE_BASE_ID` 和 `KNOWLEDGE_MODEL_ARN`";

    public static string SourcesHeading(TurnLanguage language) => language.Pick(SourcesEnglish, SourcesChinese) + "\n";

    public static string LocalOpening(TurnLanguage language) => language.Pick(
        $"This is a local extractive answer quoted from the bundled documents (not a generated answer); to connect a Bedrock knowledge base, set {Variables}.\n\n",
        $"以下是从内置文档中原文摘录的本地抽取式回答（不是模型生成的回答）；如需接入 Bedrock 知识库，请设置 {VariablesChinese}。\n\n");

    // question: already clipped to one line; the list of bundled documents follows.
    public static string LocalNothingMatched(TurnLanguage language, string question) => language.Pick(
        $"Nothing in the local documents matched “{question}”. These are the bundled documents:\n\n",
        $"本地文档中没有找到与“{question}”相关的内容。目前内置的文档有：\n\n");

    // Follows the list of bundled documents.
    public static string LocalTryOtherWords(TurnLanguage language) => language.Pick(
        $"\nTry the words a runbook would use (a service, a symptom, a procedure), or connect a Bedrock knowledge base by setting {Variables}.",
        $"\n可以换用文档里的说法（服务名、错误现象、操作名称）再问一次，或设置 {VariablesChinese} 接入 Bedrock 知识库。");

    // pathVariable, folderName: where the local knowledge base looks for its documents.
    public static string LocalUnavailable(TurnLanguage language, string problem, string pathVariable, string folderName) => language.Pick(
        $"The local knowledge base has no documents to search: {problem}. Set `{pathVariable}` to a folder of " +
        $"Markdown files (or put a `{folderName}` folder next to the app), or connect a Bedrock knowledge base by setting {Variables}.",
        $"本地知识库没有可检索的文档：{problem}。请把 `{pathVariable}` 设为存放 Markdown 文档的文件夹" +
        $"（或在应用旁放一个 `{folderName}` 文件夹），或设置 {VariablesChinese} 接入 Bedrock 知识库。");

    public static string QuestionClipped(TurnLanguage language) => language.Pick(
        "_Your question is longer than the 1,000 characters the knowledge base accepts, so I searched with its first 1,000._",
        "_问题超过了知识库可接受的 1000 个字符，我只用前 1000 个字符进行了检索。_");

    public static string GuardrailBlocked(TurnLanguage language) => language.Pick(
        "⚠️ The knowledge base's guardrail blocked this answer.",
        "⚠️ 知识库的安全护栏（guardrail）拦截了这个回答。");
}
