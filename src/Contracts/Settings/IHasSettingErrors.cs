namespace ChatOps.Settings;

// Options read by hand from the environment: each bad variable becomes one message naming it.
internal interface IHasSettingErrors
{
    IReadOnlyList<string> Errors { get; }
}
