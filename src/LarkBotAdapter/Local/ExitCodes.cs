namespace ChatOps.LarkBotAdapter.Local;

// The exit codes of the console commands (ask, classify, audit), documented in docs/CONSOLE.md.
public static class ExitCodes
{
    // Done, and nothing went wrong: stderr is empty unless --verbose.
    public const int Ok = 0;

    // Done, but something failed on the way (a call, a classification, reading the audit trail); stderr says what.
    public const int Failed = 1;

    // The command line is wrong (unknown option, missing argument, unreadable input file).
    public const int Usage = 2;

    // A setting is missing or invalid; nothing was done.
    public const int Configuration = 3;
}
