using System.Runtime.Versioning;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Local.Ops;

namespace ChatOps.LarkBotAdapter.Tests.Local.Ops;

/// <summary>
/// <c>ask</c> keeps a conversation's thread between runs (thread.json in the conversation's folder), so a follow-up
/// keeps the route and context it would have in a chat thread; <c>--new</c> starts afresh. Runs the real command with
/// the fake <c>q</c> (<see cref="LaptopOpsFolder"/>) and asserts on its output and the file.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class AskThreadTests
{
    private const string OpsQuestion = "list the EC2 instances in prod that are stopped";

    // "and in eu-west-1?" alone says no service or cluster: without a thread it never reaches aws_ops.
    private const string FollowUp = "and in eu-west-1?";

    [Fact]
    public async Task AFollowUpInALaterRunKeepsTheThreadsRoute()
    {
        using var laptop = new LaptopOpsFolder();
        await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        var (exit, second, _) = await laptop.AskAsync(null, "--profile", "prod", FollowUp);

        Assert.Equal(0, exit);
        Assert.StartsWith("intent: aws_ops", second, StringComparison.Ordinal);
        var turns = Turns(laptop);
        Assert.Equal(["user", "assistant", "user", "assistant"], turns.Select(t => t.GetProperty("role").GetString()));
        Assert.Equal(OpsQuestion, turns[0].GetProperty("text").GetString());
        Assert.Equal("aws_ops", turns[0].GetProperty("intent").GetString());
        Assert.Equal(FollowUp, turns[2].GetProperty("text").GetString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ThreadFile(laptop)));
    }

    [Fact]
    public async Task NewStartsTheThreadAfresh()
    {
        using var laptop = new LaptopOpsFolder();
        await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        var (exit, fresh, _) = await laptop.AskAsync(null, "--profile", "prod", "--new", FollowUp);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("intent: aws_ops", fresh, StringComparison.Ordinal);
        Assert.Equal([FollowUp], Turns(laptop).Where(t => t.GetProperty("role").GetString() == "user").Select(t => t.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task AThreadLeftForMoreThanAnHourIsNotContinued()
    {
        using var laptop = new LaptopOpsFolder();
        await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        File.SetLastWriteTimeUtc(ThreadFile(laptop), DateTime.UtcNow - AskThread.FollowUpWindow - TimeSpan.FromMinutes(5));

        var (exit, later, _) = await laptop.AskAsync(null, "--profile", "prod", FollowUp);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("intent: aws_ops", later, StringComparison.Ordinal);
        Assert.Equal([FollowUp], Turns(laptop).Where(t => t.GetProperty("role").GetString() == "user").Select(t => t.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task AnotherConversationHasItsOwnThread()
    {
        using var laptop = new LaptopOpsFolder();
        await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        var (_, other, _) = await laptop.AskAsync(null, "--profile", "prod", "--conversation", "other", FollowUp);

        Assert.DoesNotContain("intent: aws_ops", other, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Join(laptop.Conversation("other"), "thread.json")));
    }

    [Fact]
    public async Task AnUnreadableThreadIsSaidAndTheQuestionStillAnswered()
    {
        using var laptop = new LaptopOpsFolder();
        await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);
        await File.WriteAllTextAsync(ThreadFile(laptop), "{not json");

        var (exit, answer, error) = await laptop.AskAsync(null, "--profile", "prod", OpsQuestion);

        Assert.Equal(0, exit);
        Assert.StartsWith("intent: aws_ops", answer, StringComparison.Ordinal);
        Assert.Contains("could not be read", error, StringComparison.Ordinal);
        Assert.Equal(2, Turns(laptop).Count); // the unreadable file was replaced by this run's exchange
    }

    private static string ThreadFile(LaptopOpsFolder laptop) => Path.Join(laptop.Conversation(), "thread.json");

    private static List<JsonElement> Turns(LaptopOpsFolder laptop) =>
        [.. JsonDocument.Parse(File.ReadAllText(ThreadFile(laptop))).RootElement.EnumerateArray()];
}
