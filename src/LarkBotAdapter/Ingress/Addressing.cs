namespace ChatOps.LarkBotAdapter.Ingress;

// What AddressPolicy decided about a group message.
public enum Addressing
{
    // Not for the bot: acknowledged and dropped.
    NotForBot,

    // For the bot: admitted.
    ForBot,

    // The bot's own id is not known yet, so its @mentions cannot be read: admitted, and the worker decides once it
    // knows the id (AddressPolicy.IsForBotAsync, called from IChatChannel.IsAddressedToBotAsync).
    AskWorker,
}
