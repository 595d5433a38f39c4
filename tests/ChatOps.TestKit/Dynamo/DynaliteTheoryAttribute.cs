using Xunit;

namespace ChatOps.TestKit.Dynamo;

/// <summary>A theory that needs dynalite: skipped, with the reason, when node or tests/tooling/node_modules is missing
/// (like <see cref="DynaliteFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DynaliteTheoryAttribute : TheoryAttribute
{
    public DynaliteTheoryAttribute()
    {
        if (DynaliteRequirements.Missing is { } missing)
        {
            Skip = DynaliteRequirements.SkipMessagePrefix + missing;
        }
    }
}
