using System.Net;
using Xunit;

namespace ChatOps.TestKit.QCli;

/// <summary>A whole reply: status, content type and every NDJSON line.</summary>
public sealed record ProxyReply(HttpStatusCode Status, string? ContentType, IReadOnlyList<StreamLine> Lines)
{
    /// <summary>All chunk text joined in order.</summary>
    public string Text => string.Concat(Lines.Where(l => l.Type == "chunk").Select(l => l.Text));

    public IReadOnlyList<string> TextLines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> Arguments => TextLines.Where(l => l.StartsWith("ARG=", StringComparison.Ordinal)).Select(l => l[4..]).ToList();

    public string? Seen(string name) => TextLines.FirstOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>The one closing line; fails the test unless there is exactly one and it is last.</summary>
    public StreamLine Terminal
    {
        get
        {
            Assert.Single(Lines, l => l.IsTerminal);
            Assert.True(Lines[^1].IsTerminal, "the closing line must be the last line");
            return Lines[^1];
        }
    }
}
