namespace ChatOps.QCliProxy.Tests.Hosting;

/// <summary>A test that starts the CLI as another account: it needs the test run to be root (as CI is).</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (Environment.UserName != "root")
        {
            Skip = "Running the CLI as another account needs root (or CAP_SETUID/CAP_SETGID/CAP_KILL); this run is " + Environment.UserName;
        }
    }
}
