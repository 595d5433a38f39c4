namespace ChatOps.OpsAgent.Aws;

// A run's own AWS config and credentials files, in a folder deleted when the run ends.
internal sealed record AwsRunFiles(string Folder, string ConfigFile, string CredentialsFile, string? Profile) : IDisposable
{
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the sweeper, which clears leftovers of runs that ended long ago.
        }
    }
}
