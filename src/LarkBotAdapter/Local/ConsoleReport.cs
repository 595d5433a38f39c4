namespace ChatOps.LarkBotAdapter.Local;

// What the console commands tell a person on stderr: one line per distinct problem ("what failed — what to check"),
// repeats counted instead of printed again, details (exceptions, retries, every log line) only with --verbose.
// Commands report through it and end with Exit, so the exit code follows what was reported.
public sealed class ConsoleReport(TextWriter error, bool verbose)
{
    public const string VerboseFlag = "--verbose";

    private readonly Dictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private bool configuration;

    public bool Verbose => verbose;

    // Distinct problems reported so far.
    public int Problems
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }

    // The arguments without --verbose (and -v), and whether it was given.
    public static (string[] Args, bool Verbose) TakeVerbose(string[] args) =>
        (args.Where(a => a is not (VerboseFlag or "-v")).ToArray(), args.Any(a => a is VerboseFlag or "-v"));

    // One line for a problem, printed the first time it is seen; with --verbose the details follow it.
    public void Problem(string line, Exception? details = null)
    {
        bool first;
        lock (gate)
        {
            first = !seen.TryGetValue(line, out var count);
            seen[line] = count + 1;
        }

        if (first)
        {
            Write($"error: {line}");
        }

        if (verbose && details is not null)
        {
            Write(details.ToString());
        }
    }

    // The problem line of an exception (see ProblemText).
    public void Problem(Exception exception)
    {
        configuration |= ProblemText.IsConfiguration(exception);
        Problem(ProblemText.Describe(exception), exception);
    }

    // A usage message: printed as it is, not counted as a problem (the command returns ExitCodes.Usage).
    public void Usage(string line) => Write(line);

    // Detail lines (log entries, exceptions): written only with --verbose.
    public void Detail(string text)
    {
        if (verbose)
        {
            Write(text);
        }
    }

    // Counts repeated problems, then the exit code: `code` when it is not Ok, else Configuration when a reported problem
    // is one a setting fixes, else Failed when any problem was reported.
    public int Exit(int code = ExitCodes.Ok)
    {
        KeyValuePair<string, int>[] repeated;
        lock (gate)
        {
            repeated = [.. seen.Where(p => p.Value > 1)];
        }

        foreach (var (line, count) in repeated)
        {
            Write($"error: ({count} times) {line}");
        }

        if (Problems > 0 && !verbose)
        {
            Write($"(run again with {VerboseFlag} for details)");
        }

        return code != ExitCodes.Ok ? code
            : configuration ? ExitCodes.Configuration
            : Problems > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private void Write(string text)
    {
        lock (gate)
        {
            error.WriteLine(text);
        }
    }
}
