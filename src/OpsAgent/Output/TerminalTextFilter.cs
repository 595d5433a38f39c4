using System.Text;

namespace ChatOps.OpsAgent.Output;

// Turns terminal output into plain text, fed in pieces of any size: drops ANSI/VT escape sequences and control
// characters, and drops lines that are redrawn (spinners: text then \r, erase-line or cursor-to-column-1).
// A line is released once it ends with a newline (or grows past MaxPendingLine), since until then it
// may still be overwritten. State survives between calls, so a sequence split across reads is still removed.
internal sealed partial class TerminalTextFilter
{
    public const int MaxPendingLine = 8192;

    private const int MaxParameters = 32;

    private readonly StringBuilder _line = new();
    private readonly StringBuilder _released = new();
    private readonly StringBuilder _parameters = new();
    private State _state;
    private bool _carriageReturn;

    private enum State
    {
        Text,
        Escape,
        Intermediate,
        Csi,
        Osc,
        ControlString,
        StringEscape,
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            Consume(c);
        }
    }

    // Text released since the last call.
    public string TakeReleased()
    {
        var text = _released.ToString();
        _released.Clear();
        return text;
    }

    // At end of output: releases the last line unless it was being redrawn, and returns the rest.
    public string Finish()
    {
        if (!_carriageReturn)
        {
            _released.Append(_line);
        }

        _line.Clear();
        _carriageReturn = false;
        _state = State.Text;
        return TakeReleased();
    }

    private void Text(char c)
    {
        if (_carriageReturn)
        {
            _carriageReturn = false;
            if (c == '\n')
            {
                ReleaseLine();
                return;
            }

            // A bare carriage return: what follows overwrites the line.
            _line.Clear();
        }

        switch (c)
        {
            case '\n':
                ReleaseLine();
                break;
            case '\r':
                _carriageReturn = true;
                break;
            case '\x1b':
                _state = State.Escape;
                break;
            case '\b':
                RemoveLastChar();
                break;
            case '\t':
                Add(c);
                break;
            case < '\x20' or '\x7f' or (>= '\x80' and <= '\x9f'):
                break;
            default:
                Add(c);
                break;
        }
    }

    private void Add(char c)
    {
        _line.Append(c);
        if (_line.Length >= MaxPendingLine && !char.IsHighSurrogate(c))
        {
            // A line this long is real output, not a spinner; release it rather than hold it forever.
            _released.Append(_line);
            _line.Clear();
        }
    }

    private void RemoveLastChar()
    {
        if (_line.Length == 0)
        {
            return;
        }

        _line.Length--;
        if (_line.Length > 0 && char.IsHighSurrogate(_line[^1]))
        {
            _line.Length--;
        }
    }

    private void ReleaseLine()
    {
        _released.Append(_line).Append('\n');
        _line.Clear();
    }
}
