using System.Security.Cryptography;
using System.Text;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Aws;

// Cuts, for each run, an AWS config and credentials file holding only the chosen profile (and what it is built on:
// its source_profile chain, sso-session and services sections), so the model cannot pick any other
// profile with use_aws's profile_name. The sources are QCLI_AWS_CONFIG_FILE and
// QCLI_AWS_CREDENTIALS_FILE, read afresh per run.
internal sealed class AwsProfileFiles(ProxyOptions options, CliUser user)
{
    public const string RunsFolder = ".runs";
    public const string DefaultProfile = "default";

    private const int MaxChain = 8;

    public string Root => Path.Join(Path.GetFullPath(options.StateDirectory), RunsFolder);

    // Writes the run's files; throws AwsProfileMissingException when a named profile is in neither source.
    public AwsRunFiles Write(string? profile)
    {
        var config = IniFile.Read(options.AwsConfigFile);
        var credentials = IniFile.Read(options.AwsCredentialsFile);
        var configOut = new StringBuilder();
        var credentialsOut = new StringBuilder();
        var chain = Chain(profile ?? DefaultProfile, config);
        foreach (var name in chain)
        {
            var section = ProfileSection(config, name);
            if (section.Lines is { } lines)
            {
                Append(configOut, section.Header, lines);
                foreach (var (key, prefix) in new[] { ("sso_session", "sso-session "), ("services", "services ") })
                {
                    if (IniFile.Value(lines, key) is { Length: > 0 } reference && config.Section(prefix + reference) is { } referenced)
                    {
                        Append(configOut, prefix + reference, referenced);
                    }
                }
            }

            if (credentials.Section(name) is { } keys)
            {
                Append(credentialsOut, name, keys);
            }
        }

        if (profile is not null && configOut.Length == 0 && credentialsOut.Length == 0)
        {
            throw new AwsProfileMissingException(profile);
        }

        Directory.CreateDirectory(Root);
        user.PrepareRoot(Root);
        var folder = Path.Join(Root, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Directory.CreateDirectory(folder);
        user.PrepareReadable(folder);
        var files = new AwsRunFiles(folder, Path.Join(folder, "config"), Path.Join(folder, "credentials"), profile);
        WriteFile(files.ConfigFile, configOut.ToString());
        WriteFile(files.CredentialsFile, credentialsOut.ToString());
        return files;
    }

    // The profile and those it takes credentials from, without loops.
    private static List<string> Chain(string profile, IniFile config)
    {
        var chain = new List<string> { profile };
        while (chain.Count < MaxChain
            && ProfileSection(config, chain[^1]).Lines is { } lines
            && IniFile.Value(lines, "source_profile") is { Length: > 0 } source
            && !chain.Contains(source, StringComparer.Ordinal))
        {
            chain.Add(source);
        }

        return chain;
    }

    // In the config file the default profile is [default] (or [profile default]), others [profile name].
    private static (string Header, IReadOnlyList<string>? Lines) ProfileSection(IniFile config, string name) =>
        name == DefaultProfile
            ? (DefaultProfile, config.Section(DefaultProfile) ?? config.Section("profile " + DefaultProfile))
            : ("profile " + name, config.Section("profile " + name));

    private static void Append(StringBuilder text, string header, IReadOnlyList<string> lines)
    {
        text.Append('[').Append(header).Append("]\n");
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        text.Append('\n');
    }

    private void WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        user.PrepareReadableFile(path);
    }
}
