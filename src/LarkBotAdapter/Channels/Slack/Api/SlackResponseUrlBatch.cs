using System.Globalization;
using System.Text;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Packs one answer's segments into the few messages a response_url allows (5 uses in 30 minutes):
// text is sent once a pack is big enough while uses remain for later packs, and everything left goes with the final
// segment. The first pack starts with the question, since no parent message shows it.
internal sealed class SlackResponseUrlBatch(string header, int usesMade)
{
    public const int MaxUses = 5;

    // A pack is sent early once it holds this much text (Slack shows about 4,000 characters in full).
    public const int PackChars = 3500;

    // Prefix of the record kept for segments sent this way: response_url#<use>.
    public const string RecordPrefix = "response_url#";

    private readonly StringBuilder _pending = new();
    private readonly List<int> _indices = [];

    // Text of the pending pack already sent (the earlier parts of a final pack too long for one message).
    private int _sentChars;

    public int UsesMade { get; private set; } = usesMade;

    // The use number recorded for an earlier pack, or 0 for a message ts.
    public static int UseOf(string record) =>
        record.StartsWith(RecordPrefix, StringComparison.Ordinal)
        && int.TryParse(record.AsSpan(RecordPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var use) ? use : 0;

    // Adds a segment (again, when the worker retries it: it is held once) and returns the packs to send now.
    // Nothing counts as sent until Sent: a pack that failed is offered again on the retry, with every
    // segment it held.
    public IReadOnlyList<ResponseUrlPack> Add(int index, string mrkdwn, bool isFinal)
    {
        if (!_indices.Contains(index))
        {
            if (_pending.Length == 0 && UsesMade == 0)
            {
                _pending.Append(header).Append("\n\n");
            }
            else if (_pending.Length > 0)
            {
                _pending.Append("\n\n");
            }
            _pending.Append(mrkdwn);
            _indices.Add(index);
        }
        var usesLeft = MaxUses - UsesMade;
        if (usesLeft <= 0 || (!isFinal && (_pending.Length < PackChars || usesLeft <= 1)))
        {
            return [];
        }
        var packs = new List<ResponseUrlPack>();
        var text = _pending.ToString(_sentChars, _pending.Length - _sentChars);
        // A final pack too long for one message uses the remaining uses; the last one is cut.
        for (var use = UsesMade; text.Length > 0 && use < MaxUses; use++)
        {
            var take = use == MaxUses - 1 || text.Length <= SlackMrkdwn.MaxTextChars ? text.Length : SlackMrkdwn.MaxTextChars;
            var part = text[..take];
            text = text[take..];
            packs.Add(new ResponseUrlPack(
                part.Length > SlackMrkdwn.MaxTextChars ? part[..(SlackMrkdwn.MaxTextChars - 1)] + "…" : part, take, text.Length == 0 ? _indices.ToArray() : []));
        }
        return packs;
    }

    // Counts a pack from Add as delivered: it used the response_url once, and the last part of a
    // pack empties the batch.
    public void Sent(ResponseUrlPack pack)
    {
        UsesMade++;
        _sentChars += pack.Consumed;
        if (pack.Indices.Count > 0)
        {
            _pending.Clear();
            _indices.Clear();
            _sentChars = 0;
        }
    }
}

// One response_url message: its text, how much of the pending text it carries, and the segments that are in
// the chat once it is sent (only the last part of a pack names them).
internal sealed record ResponseUrlPack(string Text, int Consumed, IReadOnlyList<int> Indices);
