using System.Security.Cryptography;
using System.Text;
using ChatOps.OpsAgent.Aws;
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
    public const string DefaultProfile = ProfileSections.DefaultProfile;

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
        foreach (var link in steps is null ? ProfileSections.Chain(name, config) : [name])
        {
            // Without its credential source when the proxy vends the profile's keys.
            ProfileSections.AppendProfile(configOut, config, link, steps is null ? null : RoleChain.WithoutSource);
            if (credentials.Section(link) is { } keys)
            {
                ProfileSections.Append(credentialsOut, link, keys);
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
            ProfileSections.Append(credentialsOut, name, [$"aws_access_key_id = {keys.AccessKeyId}", $"aws_secret_access_key = {keys.SecretAccessKey}", $"aws_session_token = {keys.SessionToken}"]);
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

    // In the config file the default profile is [default] (or [profile default]), others [profile name].
    public static (string Header, IReadOnlyList<string>? Lines) ProfileSection(IniFile config, string name) => ProfileSections.Section(config, name);

    private void WriteFile(string path, string text)
    {
        File.WriteAllText(path, text);
        user.PrepareReadableFile(path);
    }
}
