namespace ChatOps.OpsAgent.Gate;

// What `chatops-kubectl` runs: get, describe, logs and top, on readable kinds, with a few flags each. Nothing that
// names another server, another identity, a file, a raw API path or an output template gets through.
internal static class KubectlGrammar
{
    private static readonly GateFlag Namespace = new("namespace", 'n', GateText.IsLabel, "a namespace name");
    private static readonly GateFlag AllNamespaces = new("all-namespaces", 'A');
    private static readonly GateFlag Selector = new("selector", 'l', GateText.IsSelector, "a label selector");
    private static readonly GateFlag FieldSelector = new("field-selector", Value: GateText.IsSelector, ValueHint: "a field selector");
    private static readonly GateFlag Output = new("output", 'o', v => v is "json" or "yaml" or "wide" or "name", "json, yaml, wide or name");
    private static readonly GateFlag Tail = new("tail", Value: v => v.Length <= 6 && v.All(char.IsAsciiDigit), ValueHint: "a line count");
    private static readonly GateFlag Since = new("since", Value: GateText.IsDuration, ValueHint: "a duration such as 10m or 2h");
    private static readonly GateFlag Previous = new("previous");
    private static readonly GateFlag Container = new("container", 'c', GateText.IsLabel, "a container name");

    private static readonly Dictionary<string, GateFlag[]> Flags = new(StringComparer.Ordinal)
    {
        ["get"] = [Namespace, AllNamespaces, Selector, FieldSelector, Output],
        ["describe"] = [Namespace, AllNamespaces, Selector],
        ["logs"] = [Namespace, Selector, Container, Tail, Since, Previous],
        ["top"] = [Namespace, AllNamespaces, Selector],
    };

    public static void Check(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Flags.TryGetValue(args[0], out var flags))
        {
            throw new GateRefusal("the first argument must be one of: get, describe, logs, top");
        }

        var positionals = GateArguments.Split(args, flags);
        switch (args[0])
        {
            case "logs":
                CheckLogs(positionals);
                break;
            case "top":
                CheckTop(positionals);
                break;
            default:
                CheckResources(positionals);
                break;
        }
    }

    private static void CheckResources(List<string> positionals)
    {
        if (positionals.Count == 0)
        {
            throw new GateRefusal($"name a kind (allowed: {KubectlKinds.Describe(KubectlKinds.Readable)})");
        }

        if (positionals[0].Contains('/', StringComparison.Ordinal))
        {
            positionals.ForEach(p => KindAndName(p, KubectlKinds.Readable));
            return;
        }

        foreach (var kind in positionals[0].Split(','))
        {
            Kind(kind, KubectlKinds.Readable);
        }

        positionals.Skip(1).ToList().ForEach(Name);
    }

    private static void CheckLogs(List<string> positionals)
    {
        if (positionals.Count > 1)
        {
            throw new GateRefusal("logs takes one pod (NAME or KIND/NAME); name a container with -c");
        }

        if (positionals is [var target])
        {
            if (target.Contains('/', StringComparison.Ordinal))
            {
                KindAndName(target, KubectlKinds.WithLogs);
            }
            else
            {
                Name(target);
            }
        }
    }

    private static void CheckTop(List<string> positionals)
    {
        if (positionals.Count is 0 or > 2)
        {
            throw new GateRefusal("top takes pod, pods, node or nodes and at most one name");
        }

        Kind(positionals[0], KubectlKinds.WithTop);
        positionals.Skip(1).ToList().ForEach(Name);
    }

    private static void KindAndName(string text, IReadOnlySet<string> kinds)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new GateRefusal($"{GateText.Quote(text)} is not KIND/NAME");
        }

        Kind(parts[0], kinds);
        Name(parts[1]);
    }

    private static void Kind(string kind, IReadOnlySet<string> kinds)
    {
        if (!kinds.Contains(kind))
        {
            throw new GateRefusal($"kind {GateText.Quote(kind)} is not allowed (allowed: {KubectlKinds.Describe(kinds)})");
        }
    }

    private static void Name(string name)
    {
        if (!GateText.IsName(name))
        {
            throw new GateRefusal($"{GateText.Quote(name)} is not a resource name (lower-case letters, digits, '-' and '.')");
        }
    }
}
