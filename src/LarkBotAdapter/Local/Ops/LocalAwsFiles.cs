using ChatOps.OpsAgent.Aws;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// The run's AWS config and credentials, cut from the user's (AWS_CONFIG_FILE or ~/.aws/config, AWS_SHARED_CREDENTIALS_FILE
// or ~/.aws/credentials) to the one chosen profile and what it is built on; readable by the user only.
internal static class LocalAwsFiles
{
    public static string ConfigSource(LocalEnvironment environment) =>
        environment["AWS_CONFIG_FILE"] ?? Path.Join(environment.Home, ".aws", "config");

    public static string CredentialsSource(LocalEnvironment environment) =>
        environment["AWS_SHARED_CREDENTIALS_FILE"] ?? Path.Join(environment.Home, ".aws", "credentials");

    // --profile, else AWS_PROFILE, else default.
    public static string Profile(LocalEnvironment environment, string? chosen) =>
        chosen ?? environment["AWS_PROFILE"] ?? ProfileSections.DefaultProfile;

    // The problem with the profile (naming it and the files), or null when one of the files defines it.
    public static string? Problem(LocalEnvironment environment, string profile)
    {
        var (config, credentials) = Cut(environment, profile);
        return config.Length > 0 || credentials.Length > 0
            ? null
            : $"AWS profile '{profile}' is not defined in {ConfigSource(environment)} (nor in {CredentialsSource(environment)}); "
              + "pick one of yours with ask --profile NAME (aws configure list-profiles lists them)";
    }

    // Throws LocalRunException when the profile is in neither file.
    public static AwsRunFiles Write(LocalEnvironment environment, string profile, string folder)
    {
        if (Problem(environment, profile) is { } problem)
        {
            throw new LocalRunException(problem);
        }

        var (config, credentials) = Cut(environment, profile);
        Directory.CreateDirectory(folder);
        var files = new AwsRunFiles(folder, Path.Join(folder, "config"), Path.Join(folder, "credentials"), profile);
        WritePrivate(files.ConfigFile, config);
        WritePrivate(files.CredentialsFile, credentials);
        return files;
    }

    private static (string Config, string Credentials) Cut(LocalEnvironment environment, string profile) =>
        ProfileSections.Cut(IniFile.Read(ConfigSource(environment)), IniFile.Read(CredentialsSource(environment)), profile);

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new System.Text.UTF8Encoding(false), options);
        writer.Write(text);
    }
}
