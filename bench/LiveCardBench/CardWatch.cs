using System.Collections.Concurrent;
using System.Text.Json;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>Watches the fake Lark's replies and card calls: when each asked message's answer first showed text in a
/// card, and the times of every accepted card operation (for the update rates).</summary>
internal sealed class CardWatch
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _expected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _createdWith = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _cardOf = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeCardOperation> _operations = new();

    public CardWatch(FakeLarkOpenApi lark)
    {
        lark.CardObserver = Observe;
        lark.ReplyObserver = (reply, repeated) => Replied(reply, repeated);
    }

    /// <summary>Answers whose card showed the answer before its text (should stay 0).</summary>
    public int TextlessCards { get; private set; }

    /// <summary>Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp of the first moment the card
    /// answering <paramref name="messageId"/> showed text: the interactive reply showing a card created with text, or else
    /// the first streamed answer text after it.</summary>
    public Task<long> Expect(string messageId) =>
        _expected.GetOrAdd(messageId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Accepted card operations (content, settings, append) since the last call, and forgets them.</summary>
    public List<FakeCardOperation> TakeOperations()
    {
        var taken = new List<FakeCardOperation>();
        while (_operations.TryDequeue(out var operation))
        {
            taken.Add(operation);
        }
        return taken;
    }

    private void Observe(FakeCardOperation operation)
    {
        if (operation.Kind == "create")
        {
            _createdWith[operation.CardId] = operation.Content ?? "";
            return;
        }
        _operations.Enqueue(operation);
        if (operation.Kind == "content" && operation.ElementId == "answer" && HasText(operation.Content)
            && _cardOf.TryGetValue(operation.CardId, out var messageId))
        {
            Shown(messageId, operation.ReceivedTimestamp);
        }
    }

    private void Replied(LarkReply reply, bool repeated)
    {
        if (repeated || reply.MsgType != "interactive")
        {
            return;
        }
        using var content = JsonDocument.Parse(reply.Content);
        if (!content.RootElement.TryGetProperty("data", out var data) || data.GetProperty("card_id").GetString() is not { } cardId)
        {
            return;
        }
        _cardOf[cardId] = reply.ParentMessageId;
        if (HasText(_createdWith.GetValueOrDefault(cardId)))
        {
            Shown(reply.ParentMessageId, reply.ReceivedTimestamp);
        }
        else
        {
            TextlessCards++;
        }
    }

    private void Shown(string messageId, long timestamp)
    {
        if (_expected.TryGetValue(messageId, out var source))
        {
            source.TrySetResult(timestamp);
        }
    }

    // The no-break space is what an empty markdown element shows.
    private static bool HasText(string? content) => !string.IsNullOrWhiteSpace(content?.Replace('\u00a0', ' '));
}
