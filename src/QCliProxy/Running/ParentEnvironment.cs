using System.Collections;

namespace ChatOps.QCliProxy.Running;

// The proxy's own environment, from which the child's allow-listed variables are copied (replaceable in tests).
public sealed class ParentEnvironment(IReadOnlyDictionary<string, string> variables)
{
    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public static ParentEnvironment FromProcess()
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = (string?)entry.Value ?? "";
        }

        return new ParentEnvironment(variables);
    }
}
