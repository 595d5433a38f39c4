namespace ChatOps.LarkBotAdapter.Replies;

// How one platform writes each line MarkdownWalk finds (Lark post md, Slack mrkdwn).
internal interface IMarkdownDialect
{
    // The opener line of a fenced code block (line, parsed as opener).
    string FenceOpener(CodeFence opener, string line);

    // A line inside a fenced code block.
    string CodeLine(string line);

    // The line that closes fence; line is null at the end of a text that left it open (null: nothing is added).
    string? FenceCloser(CodeFence fence, string? line);

    // A row of a GFM table (trimmed), which is shown inside a code block.
    string TableRow(string row);

    // Any other line; listUnit is the text's list indentation (MarkdownSyntax.ListIndentUnit).
    string Line(string line, int listUnit);
}
