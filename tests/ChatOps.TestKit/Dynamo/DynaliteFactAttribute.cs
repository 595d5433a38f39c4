using Xunit;

namespace ChatOps.TestKit.Dynamo;

/// <summary>A fact that needs dynalite: skipped, with the reason, when node or tests/tooling/node_modules is missing
/// (xunit 2 has no dynamic skip, so the decision is made when the attribute is created).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DynaliteFactAttribute : FactAttribute
{
    public DynaliteFactAttribute()
    {
        if (DynaliteRequirements.Missing is { } missing)
        {
            Skip = DynaliteRequirements.SkipMessagePrefix + missing;
        }
    }
}
