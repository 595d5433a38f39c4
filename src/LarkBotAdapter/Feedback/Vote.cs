namespace ChatOps.LarkBotAdapter.Feedback;

// A reader's verdict on an answer.
public enum Vote
{
    Up,
    Down,
}

// Vote as it travels in button values and is stored: "up" or "down".
public static class VoteWire
{
    public static string ToWire(this Vote vote) => vote == Vote.Up ? "up" : "down";

    public static Vote? TryParse(string? value) => value switch
    {
        "up" => Vote.Up,
        "down" => Vote.Down,
        _ => null,
    };
}
