namespace ChatOps.QCliProxy.Running.Sandbox;

// Folders and files of a run besides its conversation's folder that its sandbox shows at their own path.
internal sealed record SandboxPaths(IReadOnlyList<string> ReadOnly, IReadOnlyList<string> Writable)
{
    public static readonly SandboxPaths None = new([], []);
}
