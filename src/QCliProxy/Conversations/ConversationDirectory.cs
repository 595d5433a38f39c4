namespace ChatOps.QCliProxy.Conversations;

/// <summary>A conversation's working directory; <see cref="Resume"/> when a previous run there succeeded.</summary>
internal sealed record ConversationDirectory(string Name, string Path, bool Resume);
