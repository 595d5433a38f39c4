namespace ChatOps.OpsAgent.Gate;

// What `chatops-helm` runs: `list`/`ls` (-n or -A) and `status RELEASE` (-n). No output format (`status -o yaml`
// prints the release's values), no --show-resources, no kube connection flags, no other command.
internal static class HelmGrammar
{
    private static readonly GateFlag Namespace = new("namespace", 'n', GateText.IsLabel, "a namespace name");
    private static readonly GateFlag AllNamespaces = new("all-namespaces", 'A');

    private static readonly Dictionary<string, GateFlag[]> Flags = new(StringComparer.Ordinal)
    {
        ["list"] = [Namespace, AllNamespaces],
        ["ls"] = [Namespace, AllNamespaces],
        ["status"] = [Namespace],
    };

    public static void Check(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !Flags.TryGetValue(args[0], out var flags))
        {
            throw new GateRefusal("the first argument must be one of: list, ls, status");
        }

        var positionals = GateArguments.Split(args, flags);
        if (args[0] != "status")
        {
            if (positionals.Count > 0)
            {
                throw new GateRefusal($"{args[0]} takes no arguments besides -n/--namespace or -A/--all-namespaces");
            }

            return;
        }

        if (positionals is not [var release])
        {
            throw new GateRefusal("status takes exactly one release name");
        }

        if (release.Length > 53 || !GateText.IsName(release))
        {
            throw new GateRefusal($"{GateText.Quote(release)} is not a release name (lower-case letters, digits, '-' and '.')");
        }
    }
}
