namespace ChatOps.LarkBotAdapter.Telemetry;

// Where the bot's EMF lines go: standard output, which Lambda sends to CloudWatch Logs, where each line that is one
// JSON object with _aws becomes metrics. Each line is one Write call on a synchronized writer (Console.Out is one),
// so a log message written at the same moment lands before or after it, never inside it.
internal sealed class EmfOutput(TextWriter writer)
{
    private readonly TextWriter _writer = TextWriter.Synchronized(writer);

    public static EmfOutput Stdout() => new(Console.Out);

    public void WriteLine(string line)
    {
        try
        {
            _writer.Write(line + "\n");
        }
        catch (IOException)
        {
            // A closed stdout loses metrics, never an answer.
        }
    }
}
