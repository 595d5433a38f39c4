using System.Text.Json;
using ChatOps.Contracts;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The shared line record writes exactly the lines of DESIGN 4.3 (as the proxy sends them) and reads them back.</summary>
public sealed class QCliStreamLineTests
{
    public static TheoryData<string, string> Lines => new()
    {
        { "chunk", """{"type":"chunk","text":"bucket-a\n"}""" },
        { "done", """{"type":"done","exitCode":0}""" },
        { "error", """{"type":"error","code":"timeout","message":"no answer within 300 s"}""" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void LinesAreWrittenExactlyAsTheContractSpellsThem(string kind, string expected)
    {
        var line = kind switch
        {
            "chunk" => QCliStreamLine.Chunk("bucket-a\n"),
            "done" => QCliStreamLine.Done(0),
            _ => QCliStreamLine.Error(QCliErrorCodes.Timeout, "no answer within 300 s"),
        };

        Assert.Equal(expected, JsonSerializer.Serialize(line, QCliProtocolJsonContext.Default.QCliStreamLine));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void WrittenLinesReadBackUnchanged(string kind, string json)
    {
        var line = JsonSerializer.Deserialize(json, QCliProtocolJsonContext.Default.QCliStreamLine);

        Assert.Equal(kind, line!.Type);
        Assert.Equal(json, JsonSerializer.Serialize(line, QCliProtocolJsonContext.Default.QCliStreamLine));
    }

    [Fact]
    public void ARequestWithoutAProfileCarriesAnExplicitNull()
    {
        var request = new QCliChatRequest("lark:oc_1:om_2", "list buckets", "ou_3", "lark", null);

        Assert.Equal(
            """{"conversationId":"lark:oc_1:om_2","prompt":"list buckets","user":"ou_3","channel":"lark","awsProfile":null}""",
            JsonSerializer.Serialize(request, QCliProtocolJsonContext.Default.QCliChatRequest));
    }
}
