namespace ChatOps.Metrics;

// The CloudWatch units the instruments use, and the UCUM spelling a .NET instrument carries (what OpenTelemetry reads).
internal static class EmfUnit
{
    public const string Count = "Count";

    public const string Milliseconds = "Milliseconds";

    public const string Bytes = "Bytes";

    public static string Ucum(string unit) => unit switch
    {
        Milliseconds => "ms",
        Bytes => "By",
        _ => "{count}",
    };
}
