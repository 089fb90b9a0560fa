using System.Text.Json;
using Mediation.Workflows.Calendars;

namespace Mediation.Workflows.Tests.Calendars;

public class WorkflowDurationTests
{
    [Theory]
    [InlineData("P30D", "P30D")]
    [InlineData("P1M", "P1M")]
    [InlineData("P1Y2M3D", "P1Y2M3D")]
    [InlineData("P2W", "P14D")] // weeks are stored as days
    [InlineData("P1W2D", "P9D")]
    [InlineData("P0D", "P0D")]
    [InlineData("PT30S", "PT30S")]
    [InlineData("PT1.5S", "PT1.5S")]
    [InlineData("PT90M", "PT1H30M")]
    [InlineData("PT36H", "PT36H")]
    public void Text_IsTheCanonicalForm(string parsed, string canonical)
    {
        var duration = WorkflowDuration.Parse(parsed);

        Assert.Equal(canonical, duration.Text);
        Assert.Equal(canonical, duration.ToString());
        Assert.Equal(duration, WorkflowDuration.Parse(duration.Text));
    }

    [Fact]
    public void EqualDurationsWrittenDifferently_AreEqual()
    {
        Assert.Equal(WorkflowDuration.Parse("P2W"), WorkflowDuration.Parse("P14D"));
        Assert.Equal(WorkflowDuration.Parse("PT1H"), WorkflowDuration.FromTime(TimeSpan.FromMinutes(60)));
        Assert.NotEqual(WorkflowDuration.Parse("P1M"), WorkflowDuration.Parse("P30D"));
    }

    [Fact]
    public void Default_IsZeroDays()
    {
        Assert.Equal("P0D", default(WorkflowDuration).Text);
        Assert.Equal(WorkflowDuration.FromDays(0), default);
    }

    [Fact]
    public void Json_RoundTripsThroughTheCanonicalText()
    {
        var json = JsonSerializer.Serialize(new[] { WorkflowDuration.Parse("P2W"), WorkflowDuration.FromTime(TimeSpan.FromSeconds(45)) });

        Assert.Equal("""["P14D","PT45S"]""", json);
        Assert.Equal([WorkflowDuration.FromDays(14), WorkflowDuration.FromTime(TimeSpan.FromSeconds(45))], JsonSerializer.Deserialize<WorkflowDuration[]>(json)!);
    }
}
