namespace ChatOps.TestKit.Lark;

/// <summary>A card entity the fake Lark API holds: its elements' current text, streaming state and what was done to it.</summary>
public sealed class FakeCard(string cardId, string appId, IReadOnlyDictionary<string, string> elements, bool streaming, DateTimeOffset createdAt)
{
    private readonly Dictionary<string, string> _elements = new(elements, StringComparer.Ordinal);
    private readonly List<string> _answerHistory = [];

    public string CardId { get; } = cardId;

    public string AppId { get; } = appId;

    public bool Streaming { get; internal set; } = streaming;

    public DateTimeOffset StreamingSince { get; internal set; } = createdAt;

    public int LastSequence { get; internal set; }

    /// <summary>Accepted content updates and settings changes.</summary>
    public int Operations { get; internal set; }

    /// <summary>Accepted operations' times (the fake's clock), for the rate limit.</summary>
    internal List<DateTimeOffset> OperationTimes { get; } = [];

    internal HashSet<string> Uuids { get; } = new(StringComparer.Ordinal);

    /// <summary>Times streaming mode was turned off through the settings call.</summary>
    public int Closes { get; internal set; }

    public string Element(string elementId)
    {
        lock (_elements)
        {
            return _elements.GetValueOrDefault(elementId, "");
        }
    }

    /// <summary>The markdown element ids, in the card's order.</summary>
    public IReadOnlyList<string> ElementIds { get; } = elements.Keys.ToArray();

    /// <summary>Every text the answer element showed, in order (the first is the card's initial content).</summary>
    public IReadOnlyList<string> History(string elementId)
    {
        lock (_elements)
        {
            return elementId == ElementIds.FirstOrDefault() ? [.. _answerHistory] : [Element(elementId)];
        }
    }

    internal int JsonBytes()
    {
        lock (_elements)
        {
            return 400 + _elements.Values.Sum(v => System.Text.Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(v)));
        }
    }

    internal void Set(string elementId, string content)
    {
        lock (_elements)
        {
            _elements[elementId] = content;
            if (elementId == ElementIds.FirstOrDefault())
            {
                _answerHistory.Add(content);
            }
        }
    }
}
