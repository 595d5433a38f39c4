namespace ChatOps.Bench;

/// <summary>The route a bench message is meant to take (the fake model reads it from the question's marker).</summary>
internal enum Route
{
    Knowledge,
    Ops,
    OffTopic,
}
