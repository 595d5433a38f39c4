using System.Net;
using ChatOps.TestKit.QCli;

namespace ChatOps.QCliProxy.Tests.Chat;

public sealed class ChatEndpointsTests
{
    [Fact]
    public async Task FirstChunkArrivesWhileTheCliIsStillRunning()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        var release = Path.Combine(proxy.Root, "release");
        using var stream = await proxy.OpenChatAsync("@wait " + release);

        var first = await stream.NextAsync();

        // The fake cannot exit before the release file exists, so this chunk was streamed, not buffered to the end.
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("application/x-ndjson", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new StreamLine("chunk", "waiting\n", null, null, null, """{"type":"chunk","text":"waiting\n"}"""), first);
        await File.WriteAllTextAsync(release, "");
        var rest = await stream.RestAsync();
        Assert.Equal("released\n", rest[0].Text);
        Assert.Equal("""{"type":"done","exitCode":0}""", Assert.Single(rest, l => l.IsTerminal).Raw);
    }

    [Fact]
    public async Task AnsiSequencesAndSpinnerRedrawsAreRemoved()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("hello");

        Assert.Equal("done", reply.Terminal.Type);
        Assert.DoesNotContain('\x1b', reply.Text);
        Assert.DoesNotContain('\r', reply.Text);
        Assert.DoesNotContain("Thinking", reply.Text, StringComparison.Ordinal);
        Assert.Equal("> fake q starting", reply.TextLines[0]);
        Assert.Equal("ARGC=5", reply.TextLines[1]);
        Assert.Equal("red and a link done", reply.TextLines[^1]);
    }

    [Fact]
    public async Task CommandLineIsTheDocumentedDefault()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("list my buckets");

        Assert.Equal(["chat", "--no-interactive", "--agent", "chatops"], reply.Arguments.SkipLast(1));
        Assert.StartsWith("You are answering a question", reply.Arguments[^1], StringComparison.Ordinal);
        Assert.Equal("list my buckets", reply.Seen("QUESTION"));
    }

    [Fact]
    public async Task ArgumentsAndTrustedToolsComeFromConfiguration()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s =>
        {
            s["QCLI_ARGS"] = "chat --no-interactive --model claude";
            s["QCLI_AGENT"] = "";
            s["QCLI_TRUST_TOOLS"] = "";
        });

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal(["chat", "--no-interactive", "--model", "claude", "--trust-tools="], reply.Arguments.SkipLast(1));
        Assert.Equal("hi", reply.Seen("QUESTION"));
    }

    [Fact]
    public async Task AgentNameComesFromConfiguration()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_AGENT"] = "sre-readonly");

        var reply = await proxy.ChatAsync("hi");

        Assert.Equal(["chat", "--no-interactive", "--agent", "sre-readonly"], reply.Arguments.SkipLast(1));
    }

    [Fact]
    public async Task PromptWithShellMetacharactersReachesTheCliVerbatimAsOneArgument()
    {
        await using var proxy = await QCliProxyHost.StartAsync();
        const string prompt = """why 5xx? $(touch pwned) `id` ; rm -rf ~ | cat && echo "hi" 'x' > out.txt * $HOME %PATH% \ 检查""";

        var reply = await proxy.ChatAsync(prompt);

        Assert.Equal("ARGC=5", reply.TextLines[1]);
        Assert.Equal(prompt, reply.Seen("QUESTION"));
        var cwd = reply.Seen("CWD")!;
        Assert.Equal([ChatOps.QCliProxy.Conversations.ConversationStore.ResumeMarker], Directory.GetFileSystemEntries(cwd).Select(Path.GetFileName));
    }

    [Fact]
    public async Task PromptThatLooksLikeAnOptionStaysAPrompt()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("--trust-all-tools");

        Assert.Equal(["chat", "--no-interactive", "--agent", "chatops"], reply.Arguments.SkipLast(1));
        Assert.Equal("--trust-all-tools", reply.Seen("QUESTION"));
    }

    [Theory]
    [InlineData("../../etc")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData("a/../../../tmp")]
    public async Task ConversationIdCannotEscapeTheStateFolder(string conversationId)
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("where am I", conversationId);

        var cwd = reply.Seen("CWD")!;
        Assert.Equal(Path.GetFullPath(proxy.StateDir), Path.GetDirectoryName(cwd));
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(cwd));
        Assert.Single(Directory.GetDirectories(proxy.StateDir), d => !Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public async Task SecondRequestInTheSameConversationResumesInTheSameDirectory()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var first = await proxy.ChatAsync("first question");
        var second = await proxy.ChatAsync("follow-up");
        var other = await proxy.ChatAsync("another thread", "lark:oc_test:om_other");

        Assert.DoesNotContain("--resume", first.Arguments);
        Assert.Equal(["chat", "--no-interactive", "--agent", "chatops", "--resume"], second.Arguments.SkipLast(1));
        Assert.Equal("follow-up", second.Seen("QUESTION"));
        Assert.Equal(first.Seen("CWD"), second.Seen("CWD"));
        Assert.DoesNotContain("--resume", other.Arguments);
        Assert.NotEqual(first.Seen("CWD"), other.Seen("CWD"));
    }

    [Fact]
    public async Task FailedRunLeavesNothingToResume()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        await proxy.ChatAsync("@fail");
        var next = await proxy.ChatAsync("try again");

        Assert.DoesNotContain("--resume", next.Arguments);
    }

    [Fact]
    public async Task NonZeroExitIsAFailedErrorWithAShortCauseWhileStderrGoesOnlyToTheLog()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        var reply = await proxy.ChatAsync("@fail");

        Assert.Equal("partial answer\n", reply.Text);
        Assert.Equal("failed", reply.Terminal.Code);
        Assert.Equal("the CLI exited with code 3; the proxy's log has the details", reply.Terminal.Message);
        Assert.Contains(proxy.Logs.Lines, l => l.Contains("fake failure for the tests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LongOutputArrivesCompleteAndInOrder()
    {
        await using var proxy = await QCliProxyHost.StartAsync(s => s["QCLI_MAX_OUTPUT_BYTES"] = "10000000");

        var reply = await proxy.ChatAsync("@flood");

        Assert.Equal("done", reply.Terminal.Type);
        var lines = reply.TextLines;
        Assert.Equal(25_000, lines.Count);
        Assert.All(lines.Select((line, i) => (line, i)), x => Assert.EndsWith(" " + x.i, x.line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PromptAndSecretAreNeverLogged()
    {
        await using var proxy = await QCliProxyHost.StartAsync();

        await proxy.ChatAsync("confidential-question-7f3a");
        await proxy.SendAsync(TestKit.QCli.QCliProxySigner.ChatRequest("wrong-secret-0000000", QCliProxyHost.Json("x"), DateTimeOffset.UtcNow));

        Assert.Contains(proxy.Logs.Lines, l => l.Contains("Run started", StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Logs.Lines, l => l.Contains("confidential-question-7f3a", StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Logs.Lines, l => l.Contains(QCliProxyHost.Secret, StringComparison.Ordinal));
    }
}
