using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.TestKit.Lark;

namespace ChatOps.Bench;

/// <summary>Per-message account of sends, classifier and proxy calls and thread replies, fed by the fakes as requests
/// arrive. Sized up front; messages are numbered 0..capacity-1.</summary>
internal sealed class Ledger(int capacity)
{
    private const int MaxSegments = 64;

    private readonly MessageRecord[] _records = new MessageRecord[capacity];
    private readonly Lock _gate = new();
    private int _strays;

    public int Capacity => capacity;

    /// <summary>Replies, classifications or proxy calls that named no bench message.</summary>
    public int Strays => Volatile.Read(ref _strays);

    public MessageRecord this[int message]
    {
        get
        {
            lock (_gate)
            {
                return _records[message];
            }
        }
    }

    public void Sent(int message, long timestamp)
    {
        lock (_gate)
        {
            ref var record = ref _records[message];
            if (record.SentAt == 0)
            {
                record.SentAt = timestamp;
            }
        }
    }

    public void Classified(int message) => Update(message, static (ref r) => r.Classified++);

    public void ProxyCalled(int message) => Update(message, static (ref r) => r.ProxyCalls++);

    /// <summary>Called by the fake Lark for every reply request it accepted.</summary>
    public void Replied(LarkReply reply, bool repeatedUuid)
    {
        var message = EventFactory.MessageOf(reply.ParentMessageId);
        if (message < 0 || message >= capacity)
        {
            Interlocked.Increment(ref _strays);
            return;
        }
        var index = -1;
        for (var i = 0; i < MaxSegments && index < 0; i++)
        {
            index = LarkChatChannel.IdempotencyKey(reply.ParentMessageId, i) == reply.Uuid ? i : -1;
        }
        var text = reply.Text;
        var ending = text.Contains(MessageMix.Ending(message), StringComparison.Ordinal);
        var error = text.Contains(MessageMix.ErrorMarker, StringComparison.Ordinal);
        lock (_gate)
        {
            ref var record = ref _records[message];
            if (index < 0)
            {
                record.UnknownUuids++;
                return;
            }
            if (repeatedUuid || (record.Segments & (1UL << index)) != 0)
            {
                record.Repeats++;
                return;
            }
            record.Segments |= 1UL << index;
            record.Replies++;
            record.MaxIndex = Math.Max(record.MaxIndex, index);
            record.FirstReplyAt = record.FirstReplyAt == 0 ? reply.ReceivedTimestamp : Math.Min(record.FirstReplyAt, reply.ReceivedTimestamp);
            record.EndingAt = ending ? index + 1 : record.EndingAt;
            record.ErrorReply |= error;
        }
    }

    private delegate void Change(ref MessageRecord record);

    private void Update(int message, Change change)
    {
        if (message < 0 || message >= capacity)
        {
            Interlocked.Increment(ref _strays);
            return;
        }
        lock (_gate)
        {
            change(ref _records[message]);
        }
    }
}
