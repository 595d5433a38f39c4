using System.Text;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Worker;

// One answer in progress: where it goes (the replies, and the live message where the channel shows one), the thread it
// answers in, and what it has become so far (intent, text, the thread's attributes), which TurnProcessor then saves.
internal sealed class AnswerRun(ReplyWriter replies, LiveAnswer? live, ThreadContext thread, long started)
{
    public ReplyWriter Replies => replies;

    public LiveAnswer? Live => live;

    public ThreadContext Thread => thread;

    public ChatTurn Turn => replies.Turn;

    public TurnLanguage Language => replies.Language;

    // When the answer started (TimeProvider timestamp), for the feedback's latency.
    public long Started => started;

    public Dictionary<string, string> Attributes { get; } = new(thread.Attributes, StringComparer.Ordinal);

    public StringBuilder Text { get; } = new();

    // Null until the question is classified.
    public IntentResult? Intent { get; set; }

    // How long classifying took (null until classified).
    public TimeSpan? Classified { get; set; }

    // Whether the asker has seen any of it (a failure notice then says the answer is cut short).
    public bool Shown => replies.Posted > 0 || live is { Started: true };
}
