using System.Security.Cryptography;
using System.Text;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Aws;

// Cuts, for each run, an AWS config and credentials file holding only the chosen profile (and what it is built on:
// its source_profile chain, sso-session and services sections), so the model cannot pick any other
// profile with use_aws's profile_name. The sources are QCLI_AWS_CONFIG_FILE and
// QCLI_AWS_CREDENTIALS_FILE, read afresh per run. With QCLI_VEND_CREDENTIALS the proxy assumes an instance-sourced
// role itself and the run's credentials file holds that role's temporary keys instead (CredentialVendor).
internal sealed class AwsProfileFiles(ProxyOptions options, CliUser user, CredentialVendor vendor)
{
    public const string RunsFolder = ".runs";
    public const string DefaultProfile = "default";

    private const int MaxChain = 8;

    public string Root => Path.Join(Path.GetFullPath(options.StateDirectory), RunsFolder);

    // Writes the run's files; throws AwsProfileMissingException when a named profile is in neither source, and
    // AwsCredentialsException when the proxy vends its keys (QCLI_VEND_CREDENTIALS) and cannot get them.
    // run names the run in the role session the proxy opens.
    public async Task<AwsRunFiles> WriteAsync(string? profile, string run, CancellationToken ct)
    {
        var config = IniFile.Read(options.AwsConfigFile);
        var credentials = IniFile.Read(options.AwsCredentialsFile);
        var configOut = new StringBuilder();
        var credentialsOut = new StringBuilder();
        var name = profile ?? DefaultProfile;
        var steps = options.VendCredentials ? RoleChain.Steps(config, credentials, name) : null;
        foreach (var link in steps is null ? Chain(name, config) : [name])
        {
            AppendProfile(configOut, config, link, steps is not null);
            if (credentials.Section(link) is { } keys)
            {
                Append(credentialsOut, link, keys);
            }
        }

        if (profile is not null && configOut.Length == 0 && credentialsOut.Length == 0)
        {
            throw new AwsProfileMissingException(profile);
        }

        if (steps is not null)
        {
            var region = ProfileSection(config, name).Lines is { } lines ? IniFile.Value(lines, "region") : null;
            var keys = await vendor.KeysAsync(name, steps, region, run, ct);
            Append(credentialsOut, name, [$"aws_access_key_id = {keys.AccessKeyId}", $"aws_secret_access_key = {keys.SecretAccessKey}", $"aws_session_token = {keys.SessionToken}"]);
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

    // A profile's section (without its credential source when the proxy vends its keys) and the sections it refers to.
    private static void AppendProfile(StringBuilder configOut, IniFile config, string name, bool vended)
    {
        if (ProfileSection(config, name) is not { Lines: { } lines } section)
        {
            return;
        }

        Append(configOut, section.Header, vended ? RoleChain.WithoutSource(lines) : lines);
        foreach (var (key, prefix) in new[] { ("sso_session", "sso-session "), ("services", "services ") })
        {
            if (IniFile.Value(lines, key) is { Length: > 0 } reference && config.Section(prefix + reference) is { } referenced)
            {
                Append(configOut, prefix + reference, referenced);
            }
        }
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
    public static (string Header, IReadOnlyList<string>? Lines) ProfileSection(IniFile config, string name) =>
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
