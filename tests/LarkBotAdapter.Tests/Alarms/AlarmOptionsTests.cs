using ChatOps.LarkBotAdapter.Alarms;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.Alarms;

public sealed class AlarmOptionsTests
{
    private static AlarmOptions Load(params (string Key, string Value)[] settings)
    {
        var options = new AlarmOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());
        return options;
    }

    [Fact]
    public void TheLongestMatchingPrefixWinsAndOtherAlarmsGoToTheDefaultChats()
    {
        var options = Load(
            ("ALARM_CHANNELS", "lark:oc_oncall, slack:C0ONCALL"),
            ("ALARM_ROUTES", "payments-=slack:C0PAY; payments-card-=lark:oc_cards,slack:C0CARDS"));

        Assert.Empty(options.Errors);
        Assert.Equal([new AlarmTarget("lark", "oc_cards"), new AlarmTarget("slack", "C0CARDS")], options.TargetsFor("payments-card-5xx"));
        Assert.Equal([new AlarmTarget("slack", "C0PAY")], options.TargetsFor("payments-latency"));
        Assert.Equal([new AlarmTarget("lark", "oc_oncall"), new AlarmTarget("slack", "C0ONCALL")], options.TargetsFor("checkout-5xx"));
    }

    [Fact]
    public void DefaultsDiagnoseFiveThreadsAMinuteAndHideInsufficientData()
    {
        var options = Load(("ALARM_ACCOUNT_PROFILES", "111111111111=prod,222222222222=uat"));

        Assert.Equal((true, 5, false), (options.Diagnose, options.MaxThreadsPerMinute, options.ShowInsufficientData));
        Assert.Equal("uat", options.ProfileFor("222222222222"));
        Assert.Null(options.ProfileFor("333333333333"));
        Assert.Empty(options.TargetsFor("anything"));
    }

    [Theory]
    [InlineData("ALARM_CHANNELS", "teams:19abc", "ALARM_CHANNELS: 'teams:19abc'")]
    [InlineData("ALARM_ROUTES", "payments-slack:C0PAY", "ALARM_ROUTES: 'payments-slack:C0PAY'")]
    [InlineData("ALARM_ACCOUNT_PROFILES", "1234=prod", "ALARM_ACCOUNT_PROFILES: '1234=prod'")]
    [InlineData("ALARM_DIAGNOSE", "maybe", "ALARM_DIAGNOSE must be true or false")]
    [InlineData("ALARM_MAX_THREADS_PER_MINUTE", "0", "ALARM_MAX_THREADS_PER_MINUTE must be a whole number from 1 to 1000")]
    [InlineData("ALARM_SHOW_INSUFFICIENT_DATA", "sometimes", "ALARM_SHOW_INSUFFICIENT_DATA must be true or false")]
    public void ABadValueIsAnErrorNamingTheVariable(string key, string value, string error)
    {
        var options = Load((key, value));

        Assert.Contains(options.Errors, e => e.StartsWith(error, StringComparison.Ordinal));
    }
}
