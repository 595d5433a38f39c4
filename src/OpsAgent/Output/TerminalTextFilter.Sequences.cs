namespace ChatOps.OpsAgent.Output;

// The escape-sequence half of the filter: CSI, OSC and other control strings, consumed a character at a time.
internal sealed partial class TerminalTextFilter
{
    private void Consume(char c)
    {
        switch (_state)
        {
            case State.Text:
                Text(c);
                break;
            case State.Escape:
                Escape(c);
                break;
            case State.Intermediate:
                // ESC, intermediates 0x20-0x2F, then one final byte (e.g. ESC ( B selects a character set).
                if (c is < '\x20' or > '\x2f')
                {
                    _state = State.Text;
                }

                break;
            case State.Csi:
                Csi(c);
                break;
            case State.Osc:
                _state = c switch { '\a' => State.Text, '\x1b' => State.StringEscape, _ => State.Osc };
                break;
            case State.ControlString:
                _state = c == '\x1b' ? State.StringEscape : State.ControlString;
                break;
            case State.StringEscape:
                // ESC \ ends the string; anything else starts a new escape sequence.
                if (c == '\\')
                {
                    _state = State.Text;
                }
                else
                {
                    Escape(c);
                }

                break;
        }
    }

    private void Escape(char c)
    {
        _state = c switch
        {
            '[' => State.Csi,
            ']' => State.Osc,
            'P' or 'X' or '^' or '_' => State.ControlString,
            '\x1b' => State.Escape,
            >= '\x20' and <= '\x2f' => State.Intermediate,
            _ => State.Text,
        };
        _parameters.Clear();
    }

    private void Csi(char c)
    {
        switch (c)
        {
            case >= '\x30' and <= '\x3f':
                if (_parameters.Length < MaxParameters)
                {
                    _parameters.Append(c);
                }

                break;
            case >= '\x20' and <= '\x2f':
                break;
            case >= '\x40' and <= '\x7e':
                _state = State.Text;
                Act(c);
                break;
            case '\x1b':
                _state = State.Escape;
                break;
            default:
                // A control character inside a sequence aborts it and is handled as text would be.
                _state = State.Text;
                Text(c);
                break;
        }
    }

    private void Act(char final)
    {
        var p = _parameters.ToString();
        var erasesLine = final == 'K' && p is "1" or "2";
        var toColumnOne = final == 'G' && p is "" or "0" or "1";
        if (erasesLine || toColumnOne)
        {
            _line.Clear();
        }
    }
}
