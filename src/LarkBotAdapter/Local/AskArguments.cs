using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Local.Ops;

namespace ChatOps.LarkBotAdapter.Local;

// ask "<question>" [--json] [--channel slack] [--profile NAME] [--conversation NAME] [--new]: the words that are not
// options are the question. Problem says what is wrong with them, or is null.
public sealed record AskArguments(string Question, bool Json, string? Channel, AskOptions Options, string? Problem)
{
    private static readonly string[] Valued = ["--channel", "--profile", "--conversation"];

    public static AskArguments Parse(IReadOnlyList<string> args)
    {
        var words = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (Valued.Contains(args[i]))
            {
                if (i + 1 >= args.Count)
                {
                    problem ??= $"{args[i]} needs a value";
                }
                else
                {
                    values[args[i]] = args[++i];
                }
            }
            else if (args[i] is not ("--json" or "--new"))
            {
                words.Add(args[i]);
            }
        }

        var channel = values.GetValueOrDefault("--channel");
        var conversation = values.GetValueOrDefault("--conversation") ?? LocalConversations.DefaultName;
        problem ??= channel is not null && channel != Platforms.Slack ? "--channel supports: slack"
            : !LocalConversations.IsValidName(conversation) ? $"--conversation '{conversation}' must be 1-64 letters, digits, '.', '_' or '-', not starting with '.'"
            : null;
        var options = new AskOptions(values.GetValueOrDefault("--profile"), conversation, args.Contains("--new"));
        return new AskArguments(string.Join(' ', words).Trim(), args.Contains("--json"), channel, options, problem);
    }
}
