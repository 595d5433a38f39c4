namespace ChatOps.QCliProxy.Conversations;

// A conversation's working directory; Resume when a previous run there succeeded.
internal sealed record ConversationDirectory(string Name, string Path, bool Resume);
