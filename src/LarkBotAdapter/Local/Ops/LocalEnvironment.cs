using System.Collections;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// The variables the laptop route reads (HOME, PATH, XDG_CACHE_HOME, AWS_CONFIG_FILE, …) and passes on: this process's
// environment with the command's settings on top, so tests point HOME and PATH at temporary folders.
public sealed class LocalEnvironment(IReadOnlyDictionary<string, string> variables)
{
    public IReadOnlyDictionary<string, string> Variables => variables;

    public string? this[string name] => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Home => this["HOME"] ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public static LocalEnvironment Read(IEnumerable<KeyValuePair<string, string?>>? settings)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        foreach (var (name, value) in settings ?? [])
        {
            if (!name.Contains(':', StringComparison.Ordinal) && value is not null)
            {
                variables[name] = value;
            }
        }

        return new LocalEnvironment(variables);
    }
}
