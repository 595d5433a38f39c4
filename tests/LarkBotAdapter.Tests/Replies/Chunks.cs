using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Tests.Replies;

/// <summary>Async sources for the Segmenter, cut the way a model or the Q CLI proxy might deliver them.</summary>
internal static class Chunks
{
    public static async IAsyncEnumerable<string> Of(params IEnumerable<string> chunks)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }
    }

    /// <summary>Random-sized chunks (1..maxChunk chars, cut anywhere, even between surrogate halves).</summary>
    public static List<string> Random(string text, int seed, int maxChunk)
    {
        var random = new Random(seed);
        var chunks = new List<string>();
        for (var position = 0; position < text.Length;)
        {
            var size = Math.Min(text.Length - position, random.Next(1, maxChunk + 1));
            chunks.Add(text.Substring(position, size));
            position += size;
        }

        return chunks;
    }

    public static async IAsyncEnumerable<string> ThenThrow(Exception exception, params IEnumerable<string> chunks)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            yield return chunk;
        }

        throw exception;
    }

    public static async Task<List<Segment>> CollectAsync(this IAsyncEnumerable<Segment> segments)
    {
        var list = new List<Segment>();
        await foreach (var segment in segments)
        {
            list.Add(segment);
        }

        return list;
    }
}
