namespace ChatOps.QCliProxy.Running.Sandbox;

// What a sandboxed run sees besides the read-only system: the CLI, its conversation's folder, a HOME (its own, or the
// account's when SharedHome), folders of the account's home shown read-only in its own HOME (the agents, the
// kubeconfig) and the run's own files from the proxy.
internal sealed record SandboxLayout(
    string Cli,
    string WorkingDirectory,
    string Home,
    bool SharedHome,
    IReadOnlyList<string> AccountFolders,
    IReadOnlyList<string> ReadOnly,
    IReadOnlyList<string> Writable);
