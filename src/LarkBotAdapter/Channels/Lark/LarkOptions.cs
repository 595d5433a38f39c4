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
        var ids = Split(configuration["LARK_APP_ID"]);
        var secrets = Split(configuration["LARK_APP_SECRET"]);
        var tokens = Split(configuration["LARK_VERIFICATION_TOKEN"]);
        var keys = Split(configuration["LARK_ENCRYPT_KEY"]);
        if (ids.Length > 0)
        {
            RequireSameLength(errors, "LARK_APP_SECRET", secrets, ids.Length, required: true);
            RequireSameLength(errors, "LARK_VERIFICATION_TOKEN", tokens, ids.Length, required: true);
            RequireSameLength(errors, "LARK_ENCRYPT_KEY", keys, ids.Length, required: false);
            if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
            {
                errors.Add("LARK_APP_ID lists the same app twice.");
            }
        }
        if (errors.Count == 0)
        {
            Apps = ids.Select((id, i) => new LarkApp(
                id,
                secrets[i],
                keys.Length > i && keys[i].Length > 0 ? keys[i] : null,
                tokens[i])).ToArray();
            RequireSignedCallbacksForApprovals(errors, configuration);
        }
        var baseUrl = configuration["LARK_BASE_URL"];
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            if (Uri.TryCreate(baseUrl.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri))
            {
                BaseUrl = uri;
            }
            else
            {
                errors.Add("LARK_BASE_URL is not an absolute URL (e.g. https://open.larksuite.com).");
            }
        }
        // Up to a week: Lark retries a failed delivery for far less than that.
        MaxRequestAge = TimeSpan.FromSeconds(new SettingReader(configuration, errors)
            .Integer("LARK_MAX_REQUEST_AGE_SECONDS", (int)MaxRequestAge.TotalSeconds, 1, 604_800));
        Errors = errors;
    }

    // An approval click is only as trustworthy as its callback: without an encrypt key Lark does not sign callbacks, and
    // anyone who learns the verification token could forge an approver's click.
    private void RequireSignedCallbacksForApprovals(List<string> errors, IConfiguration configuration)
    {
        var unsigned = Apps.Where(a => a.EncryptKey is null).Select(a => a.AppId).ToArray();
        if (unsigned.Length > 0 && Split(configuration["OPS_APPROVER_IDS"]).Any(id => id.Length > 0))
        {
            errors.Add($"LARK_ENCRYPT_KEY is missing for Lark app(s) {string.Join(", ", unsigned)}, but OPS_APPROVER_IDS is set: approval clicks "
                + "must come as signed card callbacks, so give every LARK_APP_ID entry its encrypt key (same order), or unset OPS_APPROVER_IDS.");
        }
    }

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(',').Select(v => v.Trim()).ToArray();

    private static void RequireSameLength(List<string> errors, string name, string[] values, int count, bool required)
    {
        if (values.Length == 0 && !required)
        {
            return;
        }
        if (values.Length != count)
        {
            errors.Add($"{name} must list {count} value(s), one per LARK_APP_ID entry in the same order; it lists {values.Length}.");
        }
        else if (required && values.Any(v => v.Length == 0))
        {
            errors.Add($"{name} has an empty entry; every Lark app needs one.");
        }
    }
}
