using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Mediation.Workflows.Calendars;

/// <summary>
/// An ISO-8601 duration as a workflow states it: either a date part (years, months, weeks, days), counted in the
/// workflow's calendar the way statutes count periods, or a time part (hours, minutes, seconds), counted as elapsed
/// time. The two are never mixed, so "P30D" always means thirty counted days and "PT30S" thirty real seconds.
/// </summary>
/// <remarks>
/// The value holds numbers only; its text is written out when asked for, in canonical form ("P2W" reads back as
/// "P14D"). Keeping the string out makes the struct free of object references, which every deadline, clock and case
/// state carries: copies of it are plain moves, where a reference inside made the runtime copy each with write barriers.
/// </remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(WorkflowDurationJsonConverter))]
public readonly record struct WorkflowDuration
{
    private WorkflowDuration(int years, int months, int days, TimeSpan time)
    {
        Years = years;
        Months = months;
        Days = days;
        Time = time;
    }

    /// <summary>The largest number of years, months, weeks or days a duration may state (a hundred years of days).</summary>
    private const int MaxNumber = 36_500;

    /// <summary>Whole years (natural calendar only).</summary>
    public int Years { get; }

    /// <summary>Whole months (natural calendar only).</summary>
    public int Months { get; }

    /// <summary>Whole days; weeks are stored as seven days.</summary>
    public int Days { get; }

    /// <summary>The elapsed-time part.</summary>
    public TimeSpan Time { get; }

    /// <summary>The canonical ISO-8601 text, for example P1M, P30D or PT1H30M.</summary>
    public string Text => IsDateBased ? DateText() : TimeText(Time);

    /// <summary>True when the duration counts days (and months or years) rather than elapsed time.</summary>
    public bool IsDateBased
    {
        // Asked for every deadline counted. Left a call, it made the JIT spill the duration to the stack field by
        // field and read it back whole, a stalled store-to-load forward on the engine's hottest path.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Years != 0 || Months != 0 || Days != 0 || Time == TimeSpan.Zero;
    }

    /// <summary>True when the duration uses months or years, which a working-day calendar cannot count.</summary>
    public bool HasMonthsOrYears => Years != 0 || Months != 0;

    /// <summary>A duration of whole days.</summary>
    public static WorkflowDuration FromDays(int days) => new(0, 0, days, TimeSpan.Zero);

    /// <summary>An elapsed-time duration.</summary>
    public static WorkflowDuration FromTime(TimeSpan time) => time <= TimeSpan.Zero ? FromDays(0) : new(0, 0, 0, time);

    private string DateText()
    {
        var text = new StringBuilder("P");
        if (Years != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Years}Y");
        }

        if (Months != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Months}M");
        }

        if (Days != 0 || (Years == 0 && Months == 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{Days}D");
        }

        return text.ToString();
    }

    /// <summary>Elapsed time to the tick: the text must read back as the same value.</summary>
    private static string TimeText(TimeSpan time)
    {
        var wholeSeconds = time.Ticks / TimeSpan.TicksPerSecond;
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        var hours = wholeSeconds / 3600;
        var minutes = wholeSeconds % 3600 / 60;
        var seconds = wholeSeconds % 60;
        var text = new StringBuilder("PT");
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        }

        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
        }

        if (seconds > 0 || fraction > 0 || (hours == 0 && minutes == 0))
        {
            text.Append(seconds.ToString(CultureInfo.InvariantCulture));
            if (fraction > 0)
            {
                text.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            text.Append('S');
        }

        return text.ToString();
    }

    /// <summary>Parses an ISO-8601 duration such as P30D, P1M, P2W or PT30S.</summary>
    public static WorkflowDuration Parse(string text) =>
        TryParse(text, out var duration, out var error)
            ? duration
            : throw new FormatException(error);

    /// <summary>Parses an ISO-8601 duration, explaining in English what is wrong when it cannot.</summary>
    public static bool TryParse(string? text, out WorkflowDuration duration, out string error)
    {
        duration = default;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text[0] != 'P' || text.Length < 3)
        {
            error = "expected an ISO-8601 duration such as P30D or PT30S";
            return false;
        }

        int years = 0, months = 0, days = 0;

        // Decimal arithmetic counts the time part to the tick; doubles drifted a tick on values such as 1.2345678 s.
        var ticks = 0m;
        var inTime = false;
        var sawDate = false;
        var sawTime = false;
        var number = new StringBuilder();
        var lastDesignator = string.Empty;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == 'T')
            {
                if (inTime || number.Length > 0)
                {
                    error = "misplaced 'T'";
                    return false;
                }

                inTime = true;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && inTime))
            {
                number.Append(c);
                continue;
            }

            if (number.Length == 0)
            {
                error = $"'{c}' has no number before it";
                return false;
            }

            var designator = (inTime ? "T" : string.Empty) + c;
            if (!IsInOrder(lastDesignator, designator))
            {
                error = $"'{c}' is out of order or repeated";
                return false;
            }

            lastDesignator = designator;
            var numberText = number.ToString();
            number.Clear();
            if (!inTime)
            {
                if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxNumber)
                {
                    error = $"'{numberText}' is not a whole number in range";
                    return false;
                }

                sawDate |= value != 0 || c == 'D';
                switch (c)
                {
                    case 'Y': years = value; break;
                    case 'M': months = value; break;
                    case 'W': days += value * 7; break;
                    case 'D': days += value; break;
                    default:
                        error = $"'{c}' is not a date designator (Y, M, W, D)";
                        return false;
                }
            }
            else
            {
                if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000_000m)
                {
                    error = $"'{numberText}' is not a number in range";
                    return false;
                }

                sawTime = true;
                switch (c)
                {
                    case 'H': ticks += value * TimeSpan.TicksPerHour; break;
                    case 'M': ticks += value * TimeSpan.TicksPerMinute; break;
                    case 'S': ticks += value * TimeSpan.TicksPerSecond; break;
                    default:
                        error = $"'{c}' is not a time designator (H, M, S)";
                        return false;
                }
            }
        }

        if (number.Length > 0)
        {
            error = "the duration ends with a number and no designator";
            return false;
        }

        if (inTime && !sawTime)
        {
            error = "'T' is followed by no hours, minutes or seconds";
            return false;
        }

        if (days > MaxNumber)
        {
            // Weeks are kept as days, and the text is written back in days: both must stay within what is read.
            error = $"the weeks and days come to {days} days, more than {MaxNumber}";
            return false;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = "the time part is longer than a duration can hold";
            return false;
        }

        var time = TimeSpan.FromTicks((long)ticks);
        if (sawDate && sawTime && time != TimeSpan.Zero && (years != 0 || months != 0 || days != 0))
        {
            error = "mixes counted days with elapsed time; use either P…D or PT…";
            return false;
        }

        duration = new WorkflowDuration(years, months, days, time);
        return true;
    }

    private static bool IsInOrder(string previous, string next)
    {
        const string order = "Y M W D TH TM TS";
        var tokens = order.Split(' ');
        var previousIndex = previous.Length == 0 ? -1 : Array.IndexOf(tokens, previous);
        var nextIndex = Array.IndexOf(tokens, next);
        return nextIndex > previousIndex;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
