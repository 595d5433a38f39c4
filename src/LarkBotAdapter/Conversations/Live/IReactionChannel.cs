namespace ChatOps.LarkBotAdapter.Conversations.Live;

// A channel that can react to the asker's message: one reaction while the answer is made, replaced by a done
// or failed one at the end. Best effort: the caller logs a failure and carries on.
public interface IReactionChannel
{
    // Adds reaction to the turn's message and returns what removing it needs (a reaction id).
    Task<string> AddReactionAsync(ChatTurn turn, Reaction reaction, CancellationToken cancellationToken);

    // Removes a reaction AddReactionAsync added.
    Task RemoveReactionAsync(ChatTurn turn, Reaction reaction, string reactionRef, CancellationToken cancellationToken);
}
