using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Lark settings from LARK_* variables; several apps as comma-separated lists in the same order.
public sealed class LarkOptions : IHasSettingErrors
{
    public IReadOnlyList<LarkApp> Apps { get; private set; } = [];

    public Uri BaseUrl { get; private set; } = new("https://open.feishu.cn/");

    // How old a signed request may be. Replays inside the window are harmless: the message claim dedupes them.
    public TimeSpan MaxRequestAge { get; private set; } = TimeSpan.FromHours(1);

    // Problems found while loading, each naming the variable to fix.
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool IsConfigured => Apps.Count > 0;

    public LarkApp? Find(string? appId) => Apps.FirstOrDefault(a => a.AppId == appId);

    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var reader = new SettingReader(configuration, errors);
        var ids = reader.Positional("LARK_APP_ID");
        var secrets = reader.Positional("LARK_APP_SECRET");
        var tokens = reader.Positional("LARK_VERIFICATION_TOKEN");
        var keys = reader.Positional("LARK_ENCRYPT_KEY");
        if (ids.Count > 0)
        {
            RequireSameLength(errors, "LARK_APP_SECRET", secrets, ids.Count, required: true);
            RequireSameLength(errors, "LARK_VERIFICATION_TOKEN", tokens, ids.Count, required: true);
            RequireSameLength(errors, "LARK_ENCRYPT_KEY", keys, ids.Count, required: false);
            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
            {
                errors.Add("LARK_APP_ID lists the same app twice.");
            }
        }
        if (errors.Count == 0)
        {
            Apps = ids.Select((id, i) => new LarkApp(
                id,
                secrets[i],
                keys.Count > i && keys[i].Length > 0 ? keys[i] : null,
                tokens[i])).ToArray();
            RequireSignedCallbacksForApprovals(errors, reader);
        }
        BaseUrl = reader.BaseUrl("LARK_BASE_URL", BaseUrl);
        // Up to a week: Lark retries a failed delivery for far less than that.
        MaxRequestAge = TimeSpan.FromSeconds(reader.Integer("LARK_MAX_REQUEST_AGE_SECONDS", (int)MaxRequestAge.TotalSeconds, 1, 604_800));
        Errors = errors;
    }

    // An approval click is only as trustworthy as its callback: without an encrypt key Lark does not sign callbacks, and
    // anyone who learns the verification token could forge an approver's click.
    private void RequireSignedCallbacksForApprovals(List<string> errors, SettingReader reader)
    {
        var unsigned = Apps.Where(a => a.EncryptKey is null).Select(a => a.AppId).ToArray();
        if (unsigned.Length > 0 && reader.Positional("OPS_APPROVER_IDS").Any(id => id.Length > 0))
        {
            errors.Add($"LARK_ENCRYPT_KEY is missing for Lark app(s) {string.Join(", ", unsigned)}, but OPS_APPROVER_IDS is set: approval clicks "
                + "must come as signed card callbacks, so give every LARK_APP_ID entry its encrypt key (same order), or unset OPS_APPROVER_IDS.");
        }
    }

    private static void RequireSameLength(List<string> errors, string name, IReadOnlyList<string> values, int count, bool required)
    {
        if (values.Count == 0 && !required)
        {
            return;
        }
        if (values.Count != count)
        {
            errors.Add($"{name} must list {count} value(s), one per LARK_APP_ID entry in the same order; it lists {values.Count}.");
        }
        else if (required && values.Any(v => v.Length == 0))
        {
            errors.Add($"{name} has an empty entry; every Lark app needs one.");
        }
    }
}
