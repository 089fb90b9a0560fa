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

    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)] // 0.1 ms
    [InlineData(12_345_678L)] // 1.2345678 s
    [InlineData(36_000_000_001L)] // an hour and a tick
    [InlineData(863_999_999_999L)] // a tick short of a day
    public void TimeText_ReadsBackToTheTick(long ticks)
    {
        var duration = WorkflowDuration.FromTime(TimeSpan.FromTicks(ticks));

        Assert.Equal(ticks, WorkflowDuration.Parse(duration.Text).Time.Ticks);
    }

    [Theory]
    [InlineData("P5215W")] // 36 505 days: the text would be written back as days the parser refuses
    [InlineData("P1W36494D")]
    [InlineData("PT300000000H")] // more hours than a TimeSpan holds
    public void TooLong_IsRefusedNotThrown(string text)
    {
        Assert.False(WorkflowDuration.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void LongestWeeks_RoundTrip()
    {
        var duration = WorkflowDuration.Parse("P5214W");

        Assert.Equal("P36498D", duration.Text);
        Assert.Equal(duration, WorkflowDuration.Parse(duration.Text));
    }
}
