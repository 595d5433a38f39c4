using System.Text;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// The wording of the local knowledge answers, in English or Chinese.
internal static class LocalKnowledgeText
{
    private const string Variables = "`KNOWLEDGE_BASE_ID` and `KNOWLEDGE_MODEL_ARN`";
    private const string VariablesChinese = "`KNOWLEDGE_BASE_ID` 和 `KNOWLEDGE_MODEL_ARN`";

    public static string Opening(bool chinese) => chinese
        ? $"以下是从内置文档中原文摘录的本地抽取式回答（不是模型生成的回答）；如需接入 Bedrock 知识库，请设置 {VariablesChinese}。\n\n"
        : $"This is a local extractive answer quoted from the bundled documents (not a generated answer); to connect a Bedrock knowledge base, set {Variables}.\n\n";

    // The passage as written (code blocks intact) under its section heading, then the citation. A document that ends
    // inside a code block has it closed here, so the citation and the next passage do not render as code.
    public static string Passage(KnowledgeChunk chunk) =>
        $"**{chunk.SectionPath}**\n\n{chunk.Text}{Closer(chunk.Text)}\n\n— *{chunk.Citation}*\n\n";

    public static string NothingMatched(string question, IReadOnlyList<KnowledgeDocument> documents, bool chinese)
    {
        var text = new StringBuilder();
        text.Append(chinese
            ? $"本地文档中没有找到与“{Clip(question)}”相关的内容。目前内置的文档有：\n\n"
            : $"Nothing in the local documents matched “{Clip(question)}”. These are the bundled documents:\n\n");
        foreach (var document in documents)
        {
            text.Append("- `").Append(document.File).Append("` — ").Append(document.Title).Append('\n');
        }
        text.Append(chinese
            ? $"\n可以换用文档里的说法（服务名、错误现象、操作名称）再问一次，或设置 {VariablesChinese} 接入 Bedrock 知识库。"
            : $"\nTry the words a runbook would use (a service, a symptom, a procedure), or connect a Bedrock knowledge base by setting {Variables}.");
        return text.ToString();
    }

    public static string Unavailable(string problem, bool chinese) => chinese
        ? $"本地知识库没有可检索的文档：{problem}。请把 `{KnowledgeLocation.PathVariable}` 设为存放 Markdown 文档的文件夹" +
          $"（或在应用旁放一个 `{KnowledgeLocation.FolderName}` 文件夹），或设置 {VariablesChinese} 接入 Bedrock 知识库。"
        : $"The local knowledge base has no documents to search: {problem}. Set `{KnowledgeLocation.PathVariable}` to a folder of " +
          $"Markdown files (or put a `{KnowledgeLocation.FolderName}` folder next to the app), or connect a Bedrock knowledge base by setting {Variables}.";

    private static string Closer(string text) => FenceScan.CloserAtEnd(text) is { } closer ? "\n" + closer : string.Empty;

    // The question is echoed on one line, without Markdown that could break the reply.
    private static string Clip(string question)
    {
        var line = string.Join(' ', question.Split((char[])['\r', '\n', '`', '*', '_'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 80 ? line : line[..80] + "…";
    }
}
