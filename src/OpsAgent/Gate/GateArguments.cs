namespace ChatOps.OpsAgent.Gate;

// Reads the arguments after the verb the way kubectl's and helm's flag parser (pflag) does, for the allowed subset:
// "--flag value", "--flag=value", "-f value", "-fvalue", "-f=value". Returns the positional arguments; any flag not
// in the allowed set, a bare "--", or a value starting with '-' is refused.
internal static class GateArguments
{
    public static List<string> Split(IReadOnlyList<string> args, IReadOnlyList<GateFlag> allowed)
    {
        var positionals = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                throw new GateRefusal("'--' is not allowed");
            }

            if (arg.Length > 1 && arg[0] == '-')
            {
                i = ReadFlag(args, i, allowed);
            }
            else if (arg == "-")
            {
                throw new GateRefusal("'-' (standard input) is not allowed");
            }
            else
            {
                positionals.Add(arg);
            }
        }

        return positionals;
    }

    public static string Describe(IReadOnlyList<GateFlag> allowed) =>
        allowed.Count == 0 ? "none" : string.Join(", ", allowed.Select(f => f.Display));

    private static int ReadFlag(IReadOnlyList<string> args, int i, IReadOnlyList<GateFlag> allowed)
    {
        var arg = args[i];
        string shown;
        string? inline;
        GateFlag? flag;
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            inline = equals < 0 ? null : arg[(equals + 1)..];
            shown = "--" + name;
            flag = allowed.FirstOrDefault(f => f.Long == name);
        }
        else
        {
            var rest = arg[2..];
            inline = rest.Length == 0 ? null : rest[0] == '=' ? rest[1..] : rest;
            shown = "-" + arg[1];
            flag = allowed.FirstOrDefault(f => f.Short == arg[1]);
        }

        if (flag is null)
        {
            throw new GateRefusal($"flag {GateText.Quote(shown)} is not allowed (allowed: {Describe(allowed)})");
        }

        if (!flag.TakesValue)
        {
            return inline is null or "true" or "false" ? i : throw new GateRefusal($"flag {flag.Display} takes no value");
        }

        if (inline is null && i + 1 >= args.Count)
        {
            throw new GateRefusal($"flag {flag.Display} needs a value ({flag.ValueHint})");
        }

        var value = inline ?? args[++i];
        if (value.StartsWith('-'))
        {
            throw new GateRefusal($"the value of flag {flag.Display} may not start with '-'");
        }

        return flag.Value!(value) ? i : throw new GateRefusal($"flag {flag.Display}: value {GateText.Quote(value)} is not allowed ({flag.ValueHint})");
    }
}
