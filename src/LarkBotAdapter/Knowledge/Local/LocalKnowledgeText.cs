using System.Text;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// The layout of the local knowledge answers; their wording in English or Chinese is KnowledgeTexts'.
internal static class LocalKnowledgeText
{
    public static string Opening(TurnLanguage language) => KnowledgeTexts.LocalOpening(language);

    // The passage as written (code blocks intact) under its section heading, then the citation. A document that ends
    // inside a code block has it closed here, so the citation and the next passage do not render as code.
    public static string Passage(KnowledgeChunk chunk) =>
        $"**{chunk.SectionPath}**\n\n{chunk.Text}{Closer(chunk.Text)}\n\n— *{chunk.Citation}*\n\n";

    public static string NothingMatched(string question, IReadOnlyList<KnowledgeDocument> documents, TurnLanguage language)
    {
        var text = new StringBuilder();
        text.Append(KnowledgeTexts.LocalNothingMatched(language, Clip(question)));
        foreach (var document in documents)
        {
            text.Append("- `").Append(document.File).Append("` — ").Append(document.Title).Append('\n');
        }
        text.Append(KnowledgeTexts.LocalTryOtherWords(language));
        return text.ToString();
    }

    public static string Unavailable(string problem, TurnLanguage language) =>
        KnowledgeTexts.LocalUnavailable(language, problem, KnowledgeLocation.PathVariable, KnowledgeLocation.FolderName);

    private static string Closer(string text) => FenceScan.CloserAtEnd(text) is { } closer ? "\n" + closer : string.Empty;

    // The question is echoed on one line, without Markdown that could break the reply.
    private static string Clip(string question)
    {
        var line = string.Join(' ', question.Split((char[])['\r', '\n', '`', '*', '_'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= 80 ? line : line[..80] + "…";
    }
}
