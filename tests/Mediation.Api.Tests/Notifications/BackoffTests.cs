using Mediation.Api.Notifications;

namespace Mediation.Api.Tests.Notifications;

/// <summary>The retry delay: exponential, capped, jittered between half and all of the step.</summary>
public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(8, 3600)]
    [InlineData(40, 3600)]
    public void Backoff_IsExponentialCappedAndJittered(int attempt, int stepSeconds)
    {
        var settings = new NotificationOptions { BaseBackoff = TimeSpan.FromSeconds(30), MaxBackoff = TimeSpan.FromHours(1) };

        var delays = Enumerable.Range(0, 200).Select(_ => NotificationDispatcher.Backoff(attempt, settings)).ToList();

        Assert.All(delays, d => Assert.InRange(d.TotalSeconds, stepSeconds / 2.0, stepSeconds));
        Assert.True(delays.Distinct().Count() > 100, "the delays are jittered");
    }
}
