using System.Text;

namespace ChatOps.OpsAgent.Aws;

// One AWS profile cut out of a config and a credentials file: the profile, those it takes credentials from
// (source_profile, without loops), and the sso-session and services sections they name. Nothing else is copied, so
// the model cannot pick another profile with the aws tool's profile_name.
internal static class ProfileSections
{
    public const string DefaultProfile = "default";

    private const int MaxChain = 8;

    // The two files' text for profile; both empty when neither file defines it.
    public static (string Config, string Credentials) Cut(IniFile config, IniFile credentials, string profile)
    {
        var configOut = new StringBuilder();
        var credentialsOut = new StringBuilder();
        foreach (var link in Chain(profile, config))
        {
            AppendProfile(configOut, config, link);
            if (credentials.Section(link) is { } keys)
            {
                Append(credentialsOut, link, keys);
            }
        }

        return (configOut.ToString(), credentialsOut.ToString());
    }

    // A profile's section (its lines passed through trim when given) and the sections it refers to.
    public static void AppendProfile(StringBuilder configOut, IniFile config, string name, Func<IReadOnlyList<string>, IReadOnlyList<string>>? trim = null)
    {
        if (Section(config, name) is not { Lines: { } lines } section)
        {
            return;
        }

        Append(configOut, section.Header, trim is null ? lines : trim(lines));
        foreach (var (key, prefix) in new[] { ("sso_session", "sso-session "), ("services", "services ") })
        {
            if (IniFile.Value(lines, key) is { Length: > 0 } reference && config.Section(prefix + reference) is { } referenced)
            {
                Append(configOut, prefix + reference, referenced);
            }
        }
    }

    // The profile and those it takes credentials from, without loops.
    public static List<string> Chain(string profile, IniFile config)
    {
        var chain = new List<string> { profile };
        while (chain.Count < MaxChain
            && Section(config, chain[^1]).Lines is { } lines
            && IniFile.Value(lines, "source_profile") is { Length: > 0 } source
            && !chain.Contains(source, StringComparer.Ordinal))
        {
            chain.Add(source);
        }

        return chain;
    }

    // In the config file the default profile is [default] (or [profile default]), others [profile name].
    public static (string Header, IReadOnlyList<string>? Lines) Section(IniFile config, string name) =>
        name == DefaultProfile
            ? (DefaultProfile, config.Section(DefaultProfile) ?? config.Section("profile " + DefaultProfile))
            : ("profile " + name, config.Section("profile " + name));

    public static void Append(StringBuilder text, string header, IReadOnlyList<string> lines)
    {
        text.Append('[').Append(header).Append("]\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append('\n');
    }
}
