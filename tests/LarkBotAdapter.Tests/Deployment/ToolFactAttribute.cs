namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>A fact that needs a command-line tool on PATH (<c>make</c>, <c>node</c>): skipped, with the reason, only
/// when the tool is missing (xunit 2 decides skips when the attribute is created).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (FindOnPath(tool) is null)
        {
            Skip = $"`{tool}` is not on PATH; install it to run this test.";
        }
    }

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir.Trim('"'), tool))
            .FirstOrDefault(File.Exists);
}
