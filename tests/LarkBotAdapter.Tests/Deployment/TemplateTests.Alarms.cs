using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>Alarm threads: the SNS topics the function subscribes to, and who may invoke it that way.</summary>
public sealed partial class TemplateTests
{
    [Fact]
    public void EachNamedAlarmTopicHasASubscriptionAndAPermissionScopedToThatTopic()
    {
        var parameter = _template.Parameters["ChatAlarmTopicArns"]!;
        Assert.Equal("", parameter["Default"]?.ToString());
        var subscriptions = _template.ResourcesOfType("AWS::SNS::Subscription").Where(s => s.Id.StartsWith("ChatAlarmSubscription", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, subscriptions.Count);
        foreach (var (id, subscription) in subscriptions)
        {
            var slot = id["ChatAlarmSubscription".Length..];
            var topic = subscription["Properties"]!["TopicArn"]!;
            AssertSlotOfTheParameter(topic, int.Parse(slot, System.Globalization.CultureInfo.InvariantCulture) - 1);
            Assert.Equal("HasChatAlarmTopic" + slot, subscription["Condition"]?.ToString());
            Assert.Equal("lambda", subscription["Properties"]!["Protocol"]?.ToString());
            Assert.Equal("""{"Ref":"BotFunction.Alias"}""", subscription["Properties"]!["Endpoint"]!.ToJsonString());
            var permission = _template.Resources["ChatAlarmPermission" + slot]!;
            Assert.Equal(subscription["Condition"]?.ToString(), permission["Condition"]?.ToString());
            Assert.Equal(topic.ToJsonString(), permission["Properties"]!["SourceArn"]!.ToJsonString());
        }
    }

    [Fact]
    public void EveryPermissionForSnsNamesItsTopicAndTheLiveAlias()
    {
        var permissions = _template.ResourcesOfType("AWS::Lambda::Permission")
            .Where(p => p.Resource["Properties"]!["Principal"]?.ToString() == "sns.amazonaws.com").ToList();
        Assert.Equal(6, permissions.Count);
        Assert.All(permissions, p =>
        {
            var props = p.Resource["Properties"]!;
            Assert.Equal("lambda:InvokeFunction", props["Action"]?.ToString());
            Assert.Equal("""{"Ref":"BotFunction.Alias"}""", props["FunctionName"]!.ToJsonString());
            Assert.NotNull(props["SourceArn"]);
            Assert.NotNull(p.Resource["Condition"]);
        });
    }

    [Fact]
    public void WithoutNamedTopicsTheStackMakesItsOwnAlarmTopicAndNamesItInTheOutputs()
    {
        Assert.Equal("""{"Fn::Equals":[{"Ref":"ChatAlarmTopicArns"},""]}""", _template.Root["Conditions"]!["CreatesChatAlarmTopic"]!.ToJsonString());
        var topic = _template.Resources["ChatAlarmTopic"]!;
        Assert.Equal("AWS::SNS::Topic", topic["Type"]?.ToString());
        Assert.Equal("CreatesChatAlarmTopic", topic["Condition"]?.ToString());
        Assert.Equal("""{"Ref":"ChatAlarmTopic"}""", _template.Resources["ChatAlarmTopicSubscription"]!["Properties"]!["TopicArn"]!.ToJsonString());
        Assert.Equal("""{"Ref":"ChatAlarmTopic"}""", _template.Resources["ChatAlarmTopicPermission"]!["Properties"]!["SourceArn"]!.ToJsonString());
        var output = _template.Root["Outputs"]!["ChatAlarmTopicArn"]!["Value"]!.ToJsonString();
        Assert.Equal("""{"Fn::If":["CreatesChatAlarmTopic",{"Ref":"ChatAlarmTopic"},{"Ref":"ChatAlarmTopicArns"}]}""", output);
        // The stack's own alarms keep their topic: alarm threads are not opened for them.
        Assert.DoesNotContain("ChatAlarm", _template.Resources["FunctionErrorsAlarm"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SnsInvocationsReachTheEventsPathThroughTheAdapter()
    {
        // SNS invokes the function asynchronously: the Web Adapter POSTs such events to its pass-through path, which
        // the HTTP API never routes.
        Assert.Equal("/events", _template.Literal("AWS_LWA_PASS_THROUGH_PATH"));
        Assert.DoesNotContain(_template.EventRoutes(), r => r.Route.EndsWith(" /events", StringComparison.Ordinal));
    }

    // {"Fn::Select":[slot,{"Fn::Split":[",",{"Fn::Sub":"${ChatAlarmTopicArns},,,,"}]}]}: one entry of the parameter.
    private static void AssertSlotOfTheParameter(JsonNode topic, int slot)
    {
        var select = topic["Fn::Select"]!.AsArray();
        Assert.Equal(slot.ToString(System.Globalization.CultureInfo.InvariantCulture), select[0]!.ToString());
        var split = select[1]!["Fn::Split"]!.AsArray();
        Assert.Equal(",", split[0]!.ToString());
        Assert.Equal("${ChatAlarmTopicArns},,,,", split[1]!["Fn::Sub"]!.ToString());
    }
}
