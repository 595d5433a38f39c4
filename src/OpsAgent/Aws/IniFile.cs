namespace ChatOps.OpsAgent.Aws;

// The sections of an AWS config or credentials file, each with its raw lines, in file order.
internal sealed class IniFile
{
    private readonly List<(string Name, List<string> Lines)> _sections = [];

    public static IniFile Read(string path) => File.Exists(path) ? Parse(File.ReadAllLines(path)) : new IniFile();

    public static IniFile Parse(IEnumerable<string> lines)
    {
        var file = new IniFile();
        List<string>? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                current = [];
                file._sections.Add((Normalize(trimmed[1..^1]), current));
            }
            else if (current is not null && trimmed.Length > 0 && trimmed[0] is not '#' and not ';')
            {
                current.Add(line);
            }
        }

        return file;
    }

    // The lines of a section (the last one wins, as in the AWS CLI), or null.
    public IReadOnlyList<string>? Section(string name)
    {
        var wanted = Normalize(name);
        return _sections.LastOrDefault(s => s.Name == wanted).Lines;
    }

    // The value of a top-level key in a section's lines (nested, indented lines are not keys).
    public static string? Value(IReadOnlyList<string> lines, string key)
    {
        foreach (var line in lines)
        {
            if (line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && string.Equals(line[..equals].Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                return line[(equals + 1)..].Trim();
            }
        }

        return null;
    }

    // "profile   prod" and "profile prod" are one section.
    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
