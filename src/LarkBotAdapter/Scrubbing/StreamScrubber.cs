using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Scrubs a streamed answer before it is cut into segments, so a secret cannot be split across two messages
// where neither half is recognisable. Text is released only up to the last whitespace, and never past a key name still
// waiting for its value, a secret-named pair waiting for its value field, a line holding an access key id (its
// unlabelled secret may follow) or an unfinished -----BEGIN block or PuTTY key file. Each character is scanned a
// bounded number of times, so a long stream costs linear time.
internal sealed partial class StreamScrubber
{
    private const int LabelWindow = 400; // a key name, its separator and an open quoted value of up to 256 chars

    private char[] buffer = new char[256];
    private int length;
    private int scanned;
    private int lastBreak;      // just after the last whitespace
    private int lineStart;      // start of the last line
    private int keyIdLine = -1; // start of the last line that holds an access key id
    private int checkedBreak = -1; // lastBreak when the release point was last worked out
    private readonly OpenBlockTracker pemBlock = OpenBlockTracker.Pem();
    private readonly OpenBlockTracker puttyBlock = OpenBlockTracker.Putty();

    // Wraps source: yields scrubbed text as soon as it is safe to, and everything left at the
    // end. A failing source first yields what it sent (scrubbed), then its exception is rethrown unchanged.
    public static async IAsyncEnumerable<string> ScrubAsync(IAsyncEnumerable<string> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var scrubber = new StreamScrubber();
        var chunks = source.GetAsyncEnumerator(cancellationToken);
        await using (chunks.ConfigureAwait(false))
        {
            while (true)
            {
                ExceptionDispatchInfo? failure = null;
                bool more;
                try
                {
                    more = await chunks.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                    more = false;
                }
                var ready = more ? scrubber.Push(chunks.Current) : scrubber.Flush();
                if (ready.Length > 0)
                {
                    yield return ready;
                }
                failure?.Throw();
                if (!more)
                {
                    yield break;
                }
            }
        }
    }

    // Takes the next chunk; returns the scrubbed text that may go now (often empty).
    public string Push(string? chunk)
    {
        if (string.IsNullOrEmpty(chunk))
        {
            return string.Empty;
        }
        if (length + chunk.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + chunk.Length));
        }
        chunk.CopyTo(buffer.AsSpan(length));
        length += chunk.Length;
        Scan();
        return Release(ReleasePoint());
    }

    // The stream ended: everything held, scrubbed.
    public string Flush() => Release(length);

    private void Scan()
    {
        // Re-read a few characters before the new text: a marker or key id may straddle two chunks.
        var from = Math.Max(0, scanned - OpenBlockTracker.Overlap);
        var text = buffer.AsSpan(0, length);
        for (var i = scanned; i < length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                lastBreak = i + 1;
                if (text[i] == '\n')
                {
                    lineStart = i + 1;
                }
            }
        }
        pemBlock.Scan(text, from);
        puttyBlock.Scan(text, from);
        var keyFrom = Math.Max(from, lineStart);
        if (keyFrom < length && KeyIdPrefix().IsMatch(text[keyFrom..]))
        {
            keyIdLine = lineStart;
        }
        scanned = length;
    }

    private int ReleasePoint()
    {
        if (lastBreak == checkedBreak)
        {
            return 0; // no new whitespace, so nothing more can go
        }
        checkedBreak = lastBreak;
        var cut = lastBreak;
        foreach (var block in (ReadOnlySpan<OpenBlockTracker>)[pemBlock, puttyBlock])
        {
            cut = block.Start >= 0 ? Math.Min(cut, block.Start) : cut;
        }
        if (keyIdLine >= 0 && keyIdLine == lineStart)
        {
            cut = Math.Min(cut, lineStart);
        }
        // A key name at the cut may still be waiting for its value: keep it with the value.
        for (var tries = 0; tries < 4 && cut > 0; tries++)
        {
            var windowStart = Math.Max(0, cut - LabelWindow);
            var found = -1;
            foreach (var tail in LabelAwaitingValue().EnumerateMatches(buffer.AsSpan(windowStart, cut - windowStart)))
            {
                found = windowStart + tail.Index;
                break;
            }
            if (found < 0)
            {
                break;
            }
            // Keep the whole name (AWS_SESSION_TOKEN, not "AWS_SESSION_" | "TOKEN"): it says what the value is.
            while (found > 0 && cut - found < 64 && (char.IsAsciiLetterOrDigit(buffer[found - 1]) || buffer[found - 1] is '_' or '-' or '.'))
            {
                found--;
            }
            cut = found;
        }
        return HoldNameValuePairs(cut);
    }

    private string Release(int cut)
    {
        if (cut <= 0)
        {
            return string.Empty;
        }
        var text = new string(buffer, 0, cut);
        buffer.AsSpan(cut, length - cut).CopyTo(buffer);
        length -= cut;
        scanned = Math.Max(0, scanned - cut);
        lastBreak = Math.Max(0, lastBreak - cut);
        lineStart = Math.Max(0, lineStart - cut);
        keyIdLine = keyIdLine >= cut ? keyIdLine - cut : -1;
        pemBlock.Shift(cut);
        puttyBlock.Shift(cut);
        checkedBreak = checkedBreak >= cut ? checkedBreak - cut : -1;
        return SecretScrubber.Scrub(text);
    }

    [GeneratedRegex("AKIA|ASIA|ABIA|ACCA")]
    private static partial Regex KeyIdPrefix();

    // A key word (or an authorization scheme) at the very end, perhaps with its separator and an open quoted value.
    [GeneratedRegex(
        @"(?:(?:" + SecretScrubber.SecretKeyWords + @"|session_?token|security_?token)[""']?[ \t]{0,32}[:=|]?[ \t]{0,32}(?:""(?:[^""\\\r\n]|\\.){0,256}|'[^'\r\n]{0,256})?"
        + @"|\b(?:bearer|basic)[ \t]{0,8})\z",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelAwaitingValue();
}
