using System.Text;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Splits a Markdown document into passages at its ATX headings (# … ######), keeping the heading
// path. A long section is cut between paragraphs; a fenced code block is never cut.
public static class MarkdownChunker
{
    // The passages of markdown; sections with no text of their own are skipped.
    // file: Path relative to the knowledge folder (becomes KnowledgeChunk.File).
    // maxChars: Size cap of a passage, except that one oversized paragraph or code block stays whole.
    public static IReadOnlyList<KnowledgeChunk> Split(string file, string markdown, int maxChars = 1200)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(markdown);
        var title = TitleOf(file, markdown);
        var headings = new string?[6];
        var chunks = new List<KnowledgeChunk>();
        var blocks = new List<string>();
        var block = new StringBuilder();
        CodeFence? fence = null;

        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (fence is not null)
            {
                block.Append(line).Append('\n');
                if (fence.IsClosedBy(line))
                {
                    fence = null;
                }
                continue;
            }
            if (TryParseHeading(line, out var level, out var text))
            {
                EndBlock(block, blocks);
                EndSection(file, PathOf(title, headings), blocks, maxChars, chunks);
                headings[level - 1] = text;
                Array.Clear(headings, level, headings.Length - level);
                continue;
            }
            if (line.Length == 0)
            {
                EndBlock(block, blocks);
                continue;
            }
            fence = CodeFence.TryParseOpener(line);
            block.Append(line).Append('\n');
        }
        EndBlock(block, blocks);
        EndSection(file, PathOf(title, headings), blocks, maxChars, chunks);
        return chunks;
    }

    // The document's first level-1 heading outside code, or its file name without extension.
    public static string TitleOf(string file, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        CodeFence? fence = null;
        foreach (var raw in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (fence is not null)
            {
                fence = fence.IsClosedBy(raw) ? null : fence;
            }
            else if (TryParseHeading(raw.TrimEnd(), out var level, out var text) && level == 1)
            {
                return text;
            }
            else
            {
                fence = CodeFence.TryParseOpener(raw);
            }
        }
        return Path.GetFileNameWithoutExtension(file);
    }

    private static string[] PathOf(string title, string?[] headings)
    {
        var path = new List<string>(headings.Length + 1);
        if (headings[0] is null)
        {
            path.Add(title);
        }
        path.AddRange(headings.OfType<string>());
        return [.. path];
    }

    private static void EndBlock(StringBuilder block, List<string> blocks)
    {
        if (block.Length > 0)
        {
            blocks.Add(block.ToString().TrimEnd('\n'));
            block.Clear();
        }
    }

    private static void EndSection(string file, string[] path, List<string> blocks, int maxChars, List<KnowledgeChunk> chunks)
    {
        var text = new StringBuilder();
        var part = 0;
        foreach (var block in blocks)
        {
            if (text.Length > 0 && text.Length + 2 + block.Length > maxChars)
            {
                chunks.Add(new KnowledgeChunk(file, path, text.ToString(), part++));
                text.Clear();
            }
            text.Append(text.Length > 0 ? "\n\n" : "").Append(block);
        }
        if (text.Length > 0)
        {
            chunks.Add(new KnowledgeChunk(file, path, text.ToString(), part));
        }
        blocks.Clear();
    }

    // ATX heading: up to three spaces, 1–6 '#', then a space or the end; a closing run of '#' is dropped.
    private static bool TryParseHeading(string line, out int level, out string text)
    {
        level = 0;
        text = "";
        var i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }
        var start = i;
        while (i < line.Length && line[i] == '#')
        {
            i++;
        }
        level = i - start;
        if (level is < 1 or > 6 || (i < line.Length && line[i] != ' ' && line[i] != '\t'))
        {
            return false;
        }
        text = line[i..].Trim().TrimEnd('#').Trim();
        return text.Length > 0;
    }
}
