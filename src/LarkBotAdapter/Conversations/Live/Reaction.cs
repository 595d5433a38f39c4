namespace ChatOps.LarkBotAdapter.Conversations.Live;

// The reactions the bot puts on an asker's message; each channel picks its own emoji.
public enum Reaction
{
    Working,
    Done,
    Failed,
}
