using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Slack settings from SLACK_* variables. Slack is served only when both secrets are set.
public sealed class SlackOptions : IHasSettingErrors
{
    public string? SigningSecret { get; private set; }

    public string? BotToken { get; private set; }

    public Uri ApiBaseUrl { get; private set; } = new("https://slack.com/api/");

    // Slack's replay window: a request whose timestamp is further off, either way, is refused.
    public TimeSpan MaxRequestAge { get; private set; } = TimeSpan.FromMinutes(5);

    // Least time between two messages the bot posts in one channel (Slack allows about one per second).
    public TimeSpan PostInterval { get; private set; } = TimeSpan.FromSeconds(1);

    // Problems found while loading, each naming the variable to fix.
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public bool IsConfigured => SigningSecret is not null && BotToken is not null;

    public void Load(IConfiguration configuration)
    {
        var errors = new List<string>();
        var secret = NonEmpty(configuration["SLACK_SIGNING_SECRET"]);
        var token = NonEmpty(configuration["SLACK_BOT_TOKEN"]);
        if ((secret is null) != (token is null))
        {
            errors.Add(secret is null
                ? "SLACK_SIGNING_SECRET is not set but SLACK_BOT_TOKEN is: set both to serve Slack, or neither."
                : "SLACK_BOT_TOKEN is not set but SLACK_SIGNING_SECRET is: set both to serve Slack, or neither.");
        }
        if (token is not null && !token.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("SLACK_BOT_TOKEN must be the app's Bot User OAuth Token (it starts with xoxb-).");
        }
        var reader = new SettingReader(configuration, errors);
        ApiBaseUrl = reader.BaseUrl("SLACK_API_BASE_URL", ApiBaseUrl);
        PostInterval = TimeSpan.FromMilliseconds(reader.Integer("SLACK_POST_INTERVAL_MS", (int)PostInterval.TotalMilliseconds, 0, 60_000));
        if (errors.Count == 0)
        {
            SigningSecret = secret;
            BotToken = token;
        }
        Errors = errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
