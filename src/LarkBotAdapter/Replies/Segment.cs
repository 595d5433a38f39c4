using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Replies;

// One thread message of a streamed answer.
// Index: 0-based position in the answer.
// Markdown: The segment's Markdown text.
// IsFinal: True on the last segment of the answer.
// Feedback: What the 👍/👎 buttons of a finished answer's last segment send back (null elsewhere; a channel
// without buttons on posts ignores it).
public sealed record Segment(int Index, string Markdown, bool IsFinal, AnswerFeedback? Feedback = null);
