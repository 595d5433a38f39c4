using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Alarms;

// Where CloudWatch alarms go and what the bot does with them (docs/ALARMS.md). ALARM_CHANNELS: the default chats
// (lark:oc_…,slack:C…); ALARM_ROUTES: prefix=platform:chat;… (the longest prefix of the alarm's name wins);
// ALARM_ACCOUNT_PROFILES: account=profile,… for the diagnosis; ALARM_DIAGNOSE (true); ALARM_MAX_THREADS_PER_MINUTE (5);
// ALARM_SHOW_INSUFFICIENT_DATA (false).
public sealed class AlarmOptions : IHasSettingErrors
{
    public IReadOnlyList<AlarmTarget> Channels { get; private set; } = [];

    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<AlarmTarget>>> Routes { get; private set; } = [];

    public IReadOnlyDictionary<string, string> AccountProfiles { get; private set; } = new Dictionary<string, string>();

    public bool Diagnose { get; private set; } = true;

    public int MaxThreadsPerMinute { get; private set; } = 5;

    public bool ShowInsufficientData { get; private set; }

    // Whether the ops route is configured here (QLI_SERVER_ADDRESS), set at registration.
    public bool OpsConfigured { get; set; }

    // Whether a new episode's thread gets a first diagnosis.
    public bool DiagnoseWithOps => Diagnose && OpsConfigured;

    public IReadOnlyList<string> Errors { get; private set; } = [];

    // The chats an alarm of this name goes to: the longest matching route's, else the default chats.
    public IReadOnlyList<AlarmTarget> TargetsFor(string alarmName) =>
        Routes.Where(r => alarmName.StartsWith(r.Key, StringComparison.Ordinal)).OrderByDescending(r => r.Key.Length).Select(r => r.Value).FirstOrDefault()
        ?? Channels;

    public string? ProfileFor(string accountId) => AccountProfiles.GetValueOrDefault(accountId);

    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var reader = new SettingReader(configuration, errors);
        Channels = Targets("ALARM_CHANNELS", reader.Text("ALARM_CHANNELS") ?? "", errors);
        Routes = (reader.Text("ALARM_ROUTES") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(route => Route(route, errors)).OfType<KeyValuePair<string, IReadOnlyList<AlarmTarget>>>().ToArray();
        AccountProfiles = Profiles(reader.List("ALARM_ACCOUNT_PROFILES") ?? [], errors);
        Diagnose = reader.Flag("ALARM_DIAGNOSE", true);
        MaxThreadsPerMinute = reader.Integer("ALARM_MAX_THREADS_PER_MINUTE", 5, 1, 1000);
        ShowInsufficientData = reader.Flag("ALARM_SHOW_INSUFFICIENT_DATA", false);
        Errors = errors;
    }

    private static KeyValuePair<string, IReadOnlyList<AlarmTarget>>? Route(string route, List<string> errors)
    {
        var equals = route.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            errors.Add($"ALARM_ROUTES: '{route}' is not prefix=platform:chat.");
            return null;
        }
        return new(route[..equals].Trim(), Targets("ALARM_ROUTES", route[(equals + 1)..], errors));
    }

    private static AlarmTarget[] Targets(string name, string value, List<string> errors) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => Target(name, text, errors)).OfType<AlarmTarget>().Distinct().ToArray();

    private static AlarmTarget? Target(string name, string text, List<string> errors)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var platform = colon > 0 ? text[..colon] : "";
        var chat = colon > 0 ? text[(colon + 1)..].Trim() : "";
        if (platform is not (Platforms.Lark or Platforms.Slack) || chat.Length is 0 or > 128 || chat.Contains(' ', StringComparison.Ordinal))
        {
            errors.Add($"{name}: '{text}' is not lark:<chat id> or slack:<channel id>.");
            return null;
        }
        return new AlarmTarget(platform, chat);
    }

    private static Dictionary<string, string> Profiles(IReadOnlyList<string> pairs, List<string> errors)
    {
        var profiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is not [{ Length: 12 } account, { Length: > 0 } profile] || !account.All(char.IsAsciiDigit))
            {
                errors.Add($"ALARM_ACCOUNT_PROFILES: '{pair}' is not <12-digit account>=<profile>.");
                continue;
            }
            profiles[account] = profile;
        }
        return profiles;
    }
}
