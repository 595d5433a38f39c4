using System.Diagnostics;
using System.IO.Compression;

namespace ChatOps.ColdStartBench;

/// <summary>Publishes src/LarkBotAdapter once per variant (one after the other: they share its obj folder) and
/// reports the package's size on disk and zipped, as Lambda receives it.</summary>
internal static class Publisher
{
    public static async Task PublishAsync(string repositoryRoot, Variant variant)
    {
        var project = Path.Combine("src", "LarkBotAdapter", "LarkBotAdapter.csproj");
        var arguments = variant.PublishArguments(project);
        Console.WriteLine($"  {variant.Name}: dotnet {string.Join(' ', arguments)}");
        if (Directory.Exists(variant.OutputDirectory))
        {
            Directory.Delete(variant.OutputDirectory, recursive: true);
        }
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public static string Describe(Variant variant)
    {
        if (!File.Exists(variant.Apphost))
        {
            throw new InvalidOperationException($"{variant.Apphost} is missing; run without --skip-publish first");
        }
        var files = new DirectoryInfo(variant.OutputDirectory).GetFiles("*", SearchOption.AllDirectories);
        using var zipped = new MemoryStream();
        ZipFile.CreateFromDirectory(variant.OutputDirectory, zipped, CompressionLevel.Optimal, includeBaseDirectory: false);
        var appDll = new FileInfo(Path.Combine(variant.OutputDirectory, Variant.AppName + ".dll")).Length;
        return $"  {variant.Name,-12} {files.Length,3} files, {MiB(files.Sum(f => f.Length)),6:F2} MiB on disk, {MiB(zipped.Length),6:F2} MiB zipped " +
               $"({Variant.AppName}.dll {MiB(appDll):F2} MiB)";
    }

    private static double MiB(long bytes) => bytes / 1048576.0;
}
