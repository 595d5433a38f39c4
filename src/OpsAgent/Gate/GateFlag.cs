namespace ChatOps.OpsAgent.Gate;

// One allowed flag: its long name, optional one-letter form, and for flags that take a value, the check on it and
// how the refusal describes what is allowed. Flags without a value may only be spelled bare or with =true / =false.
internal sealed record GateFlag(string Long, char? Short = null, Func<string, bool>? Value = null, string? ValueHint = null)
{
    public bool TakesValue => Value is not null;

    public string Display => Short is { } letter ? $"-{letter}/--{Long}" : $"--{Long}";
}
