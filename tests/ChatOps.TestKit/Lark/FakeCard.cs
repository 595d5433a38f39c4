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

    private readonly List<string> _appended = [];

    /// <summary>Components added after creation (their JSON), in order.</summary>
    public IReadOnlyList<string> Appended
    {
        get
        {
            lock (_appended)
            {
                return _appended.ToArray();
            }
        }
    }

    /// <summary>Every button the card holds (in appended components): its label and its callback value.</summary>
    public IReadOnlyList<(string Label, IReadOnlyDictionary<string, string> Value)> Buttons()
    {
        var buttons = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var json in Appended)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            Collect(document.RootElement, buttons);
        }
        return buttons;
    }

    internal void Append(string elementJson)
    {
        lock (_appended)
        {
            _appended.Add(elementJson);
        }
    }

    internal static void Collect(System.Text.Json.JsonElement element, List<(string, IReadOnlyDictionary<string, string>)> buttons)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, buttons);
            }
            return;
        }
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return;
        }
        if (element.TryGetProperty("tag", out var tag) && tag.GetString() == "button")
        {
            var value = new Dictionary<string, string>(StringComparer.Ordinal);
            if (element.TryGetProperty("behaviors", out var behaviors))
            {
                foreach (var behavior in behaviors.EnumerateArray())
                {
                    if (behavior.TryGetProperty("type", out var type) && type.GetString() == "callback" && behavior.TryGetProperty("value", out var v))
                    {
                        foreach (var field in v.EnumerateObject())
                        {
                            value[field.Name] = field.Value.ToString();
                        }
                    }
                }
            }
            buttons.Add((element.GetProperty("text").GetProperty("content").GetString() ?? "", value));
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            Collect(property.Value, buttons);
        }
    }

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
