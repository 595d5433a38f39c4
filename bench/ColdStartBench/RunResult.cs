using System.Globalization;

namespace ChatOps.ColdStartBench;

/// <summary>One cold start: milliseconds from just before Process.Start to each event, and the memory read right after
/// the first answer reached the fake Lark (CPU time too, in milliseconds).</summary>
internal sealed record RunResult(
    int Run, double ListeningMs, double AckMs, int Attempts, double? BotInfoMs, double ReplyMs, double CpuAtAckMs, double CpuMs, double RssMiB, double PeakMiB, string ReplyPreview)
{
    public const string Header = "  run  listening ms  first ack ms  attempts  bot/v3/info ms  first answer ms  CPU ms at ack / answer  RSS MiB  peak MiB  answer";

    /// <summary>The event was acknowledged before the app had even asked Lark who it is.</summary>
    public bool AckedBeforeIdentity => BotInfoMs is null || BotInfoMs > AckMs;

    public string Row => string.Format(
        CultureInfo.InvariantCulture,
        "  {0,3} {1,13:F1} {2,13:F1} {3,9} {4,15} {5,16:F1} {6,13:F0} / {7,6:F0} {8,8:F1} {9,9:F1}  {10}",
        Run, ListeningMs, AckMs, Attempts, BotInfoMs?.ToString("F1", CultureInfo.InvariantCulture) ?? "-", ReplyMs, CpuAtAckMs, CpuMs, RssMiB, PeakMiB, ReplyPreview);
}
