namespace ChatOps.LarkBotAdapter.Conversations.Live;

/// <summary>A channel that can react to the asker's message: one reaction while the answer is made, replaced by a done
/// or failed one at the end. Best effort: the caller logs a failure and carries on.</summary>
public interface IReactionChannel
{
    /// <summary>Adds <paramref name="reaction"/> to the turn's message and returns what removing it needs (a reaction id).</summary>
    Task<string> AddReactionAsync(ChatTurn turn, Reaction reaction, CancellationToken cancellationToken);

    /// <summary>Removes a reaction <see cref="AddReactionAsync"/> added.</summary>
    Task RemoveReactionAsync(ChatTurn turn, Reaction reaction, string reactionRef, CancellationToken cancellationToken);
}
