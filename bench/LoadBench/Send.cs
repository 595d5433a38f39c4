namespace ChatOps.Bench;

/// <summary>One request of the open-loop schedule: when (seconds from the start), which message, and whether it is a
/// redelivery of one sent earlier.</summary>
internal sealed record Send(double At, int Message, bool Duplicate);
