using System.Text;
using ChatOps.OpsAgent.Running;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Tests.Running;

public sealed class BoundedTextSinkTests
{
    [Fact]
    public async Task HeadKeepsTheFirstBytesCleanedOfEscapes()
    {
        var sink = BoundedTextSink.Head(8);

        await sink.DrainAsync(new MemoryStream(Encoding.UTF8.GetBytes("\u001b[31mred\u001b[0m and then much more")));

        Assert.Equal("red", sink.Text());
    }

    [Fact]
    public async Task TailKeepsTheLastBytesOfEveryStreamInArrivalOrder()
    {
        var sink = BoundedTextSink.Tail(10);

        await sink.DrainAsync(new MemoryStream(Encoding.UTF8.GetBytes("first line\n")));
        await sink.DrainAsync(new MemoryStream(Encoding.UTF8.GetBytes("second\n")));

        Assert.Equal("ne\nsecond\n", sink.Raw());
    }
}
