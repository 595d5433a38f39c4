namespace ChatOps.TestKit.QCli;

/// <summary>Reads a streamed reply line by line as it arrives.</summary>
public sealed class ChatStream(HttpResponseMessage response) : IDisposable
{
    private static readonly TimeSpan PatienceForALine = TimeSpan.FromSeconds(30);

    private StreamReader? _reader;

    public HttpResponseMessage Response { get; } = response;

    /// <summary>The next line, or null at the end of the body.</summary>
    public async Task<StreamLine?> NextAsync()
    {
        _reader ??= new StreamReader(await Response.Content.ReadAsStreamAsync());
        using var patience = new CancellationTokenSource(PatienceForALine);
        var raw = await _reader.ReadLineAsync(patience.Token);
        return raw is null ? null : StreamLine.Parse(raw);
    }

    /// <summary>Every remaining line.</summary>
    public async Task<List<StreamLine>> RestAsync()
    {
        var lines = new List<StreamLine>();
        while (await NextAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        Response.Dispose();
    }
}
