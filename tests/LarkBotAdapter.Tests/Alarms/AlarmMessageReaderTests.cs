using ChatOps.LarkBotAdapter.Alarms;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

public sealed class AlarmMessageReaderTests
{
    [Fact]
    public void ASingleMetricAlarmIsReadWithItsRegionCodeFromTheArn()
    {
        var alarm = AlarmMessageReader.Read(AlarmNotification.Firing().Message).Alarm!;

        Assert.Equal(("checkout-api-5xx", "ALARM", "OK"), (alarm.Name, alarm.NewState, alarm.OldState));
        Assert.Equal(("us-east-1", "US East (N. Virginia)", "111111111111"), (alarm.Region, alarm.RegionName, alarm.AccountId));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 19, 1, 2, 345, TimeSpan.Zero), alarm.StateChangeTime);
        Assert.Equal("AWS/ApplicationELB HTTPCode_Target_5XX_Count (LoadBalancer=app/checkout/50dc6c495c0c9188)", alarm.Metric!.Summary);
        Assert.Equal("> 5 (SUM over 60 s, 1 periods)", alarm.Metric.ThresholdSummary);
    }

    [Fact]
    public void AMetricMathAlarmIsReadWithItsExpressions()
    {
        var alarm = AlarmMessageReader.Read(AlarmNotification.Firing().MetricMath().Message).Alarm!;

        Assert.Equal("metric math", alarm.Metric!.Name);
        Assert.Equal(["ratio = 100*(e1/r1)", "e1 = AWS/ApplicationELB HTTPCode_Target_5XX_Count (LoadBalancer=app/checkout/1)"], alarm.Metric.Expressions);
        Assert.Equal(2.0, alarm.Metric.Threshold);
    }

    [Theory]
    [InlineData("arn:aws:cloudwatch:eu-west-1:111111111111:alarm:checkout api/5xx", "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/checkout%20api%2F5xx")]
    [InlineData("arn:aws-cn:cloudwatch:cn-north-1:111111111111:alarm:checkout", "https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/checkout")]
    public void TheConsoleLinkIsBuiltFromTheArn(string arn, string link)
    {
        var name = arn[(arn.LastIndexOf(":alarm:", StringComparison.Ordinal) + 7)..];
        var alarm = AlarmMessageReader.Read(AlarmNotification.Firing(name).Set("AlarmArn", arn).Message).Alarm!;

        Assert.Equal(link, alarm.ConsoleLink);
    }

    [Theory]
    [InlineData("Hello from SNS!")]
    [InlineData("{\"notificationType\":\"Delivery\"}")]
    [InlineData("[1,2]")]
    public void OtherMessagesAreNotAlarms(string message)
    {
        var reading = AlarmMessageReader.Read(message);

        Assert.False(reading.IsAlarm);
        Assert.Null(reading.Problem);
    }

    [Fact]
    public void AnAlarmWithoutItsReasonIsMalformed()
    {
        var reading = AlarmMessageReader.Read(AlarmNotification.Firing().Without("NewStateReason").Message);

        Assert.Equal("NewStateReason is missing or empty", reading.Problem);
    }

    [Fact]
    public void AThresholdThatIsNotANumberIsMalformed()
    {
        var message = AlarmNotification.Firing().Message.Replace("\"Threshold\":5", "\"Threshold\":\"high\"", StringComparison.Ordinal);

        Assert.Equal("Trigger.Threshold is not a number", AlarmMessageReader.Read(message).Problem);
    }
}
