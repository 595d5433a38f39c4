using System.Text;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Numbers cited sources in order of first citation, one number per document, and renders the Sources list.
internal sealed class KnowledgeSources
{
    private readonly List<(string Key, string Name, string? Link)> _sources = [];

    public int Count => _sources.Count;

    // The source's number (1-based), or null when the reference names no document.
    public int? Number(KnowledgeReference reference)
    {
        var link = reference.Link?.Trim();
        var name = Clean(reference.Title) ?? NameFromLink(link);
        if (name is null)
        {
            return null;
        }
        // Several chunks of one document share its link; without a link the name identifies it.
        var key = link ?? "name:" + name;
        var index = _sources.FindIndex(s => s.Key == key);
        if (index < 0)
        {
            _sources.Add((key, name, link));
            index = _sources.Count - 1;
        }
        return index + 1;
    }

    // The numbered list, headed in the asker's language; empty when nothing was cited.
    public string Render(bool chinese)
    {
        if (_sources.Count == 0)
        {
            return string.Empty;
        }
        var text = new StringBuilder(KnowledgeTexts.SourcesHeading(new TurnLanguage(chinese)));
        for (var i = 0; i < _sources.Count; i++)
        {
            var (_, name, link) = _sources[i];
            text.Append(i + 1).Append(". ");
            if (link is null)
            {
                text.Append(name);
            }
            else if (link.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || link.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('[').Append(name.Replace('[', '(').Replace(']', ')')).Append("](").Append(link.Replace(" ", "%20", StringComparison.Ordinal)).Append(')');
            }
            else
            {
                text.Append(name).Append(" — ").Append(link);
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    // The document's file name: the last segment of the S3 key or URL path (unescaped), else the host.
    internal static string? NameFromLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }
        var path = link;
        var scheme = link.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            path = link[(scheme + 3)..];
        }
        path = path.Split('?', '#')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return link;
        }
        var last = segments[^1];
        try
        {
            last = Uri.UnescapeDataString(last);
        }
        catch (UriFormatException)
        {
            // A malformed escape is shown as sent.
        }
        return Clean(last) ?? link;
    }

    private static string? Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings(" ");
}
