using ChatOps.TestKit.Dynamo;

namespace ChatOps.LarkBotAdapter.Tests.State;

/// <summary>Shares one dynalite server among the DynamoDB test classes of this assembly.</summary>
[CollectionDefinition(DynaliteFixture.Collection)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>;
