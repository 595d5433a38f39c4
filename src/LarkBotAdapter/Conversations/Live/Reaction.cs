namespace ChatOps.LarkBotAdapter.Conversations.Live;

/// <summary>The reactions the bot puts on an asker's message; each channel picks its own emoji.</summary>
public enum Reaction
{
    Working,
    Done,
    Failed,
}
