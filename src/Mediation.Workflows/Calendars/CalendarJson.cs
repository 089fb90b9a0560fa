using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mediation.Workflows.Definitions;

namespace Mediation.Workflows.Calendars;

/// <summary>
/// Reads and writes working-day calendars as JSON. A calendar folder holds <c>calendar.json</c>
/// (<see cref="WorkingDayCalendarInfo"/>) and one file per year (<see cref="HolidaySchedule"/>, conventionally named
/// <c>2026.json</c>). Properties are camelCase and dates <c>yyyy-MM-dd</c>. Every problem found is reported with
/// its location (file and JSON path) and a message in Chinese and English, rather than stopping at the first.
/// </summary>
public static class CalendarJson
{
    /// <summary>The name of the file describing a calendar inside its folder.</summary>
    public const string CalendarFileName = "calendar.json";

    private const string DateFormat = "yyyy-MM-dd";

    private static readonly DayOfWeek[] _defaultWeekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly string[] _calendarProperties = ["name", "displayName", "timeZone", "weekend"];
    private static readonly string[] _scheduleProperties = ["year", "source", "holidays", "makeUpWorkingDays"];
    private static readonly string[] _sourceProperties = ["title", "documentNumber", "published"];
    private static readonly string[] _holidayProperties = ["name", "from", "to"];
    private static readonly string[] _makeUpProperties = ["date", "for"];
    private static readonly string[] _textProperties = ["zh-CN", "en"];

    private static readonly JsonDocumentOptions _documentOptions = new()
    {
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The files are data for people to read and edit, never embedded in HTML: keep Chinese text and apostrophes as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Loads the calendar folder <paramref name="directory"/>: <c>calendar.json</c> and every other <c>*.json</c>
    /// file as a year's schedule. The calendar is null when any issue was found.
    /// </summary>
    public static CalendarLoadResult LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var issues = new List<CalendarIssue>();
        if (!Directory.Exists(directory))
        {
            issues.Add(new CalendarIssue(folder, Text.Get("CalendarFolderMissing", directory)));
            return new CalendarLoadResult(null, issues);
        }

        WorkingDayCalendarInfo? info = null;
        var infoLocation = Invariant($"{folder}/{CalendarFileName}");
        var infoFile = Path.Combine(directory, CalendarFileName);
        if (!File.Exists(infoFile))
        {
            issues.Add(new CalendarIssue(infoLocation, Text.Get("CalendarInfoMissing", CalendarFileName)));
        }
        else if (TryReadFile(infoFile, infoLocation, issues, out var infoJson))
        {
            info = ParseCalendarInfo(infoJson, new IssueCollector(infoLocation + ":", issues));
        }

        // By name without extension, so 2025.json comes before 2025-revised.json and is the one kept.
        var files = Directory.GetFiles(directory, "*.json");
        Array.Sort(files, static (a, b) => string.CompareOrdinal(Path.GetFileNameWithoutExtension(a), Path.GetFileNameWithoutExtension(b)));
        var schedules = new List<HolidaySchedule>();
        var yearFiles = new Dictionary<int, string>();
        foreach (var file in files)
        {
            var fileName = Path.GetFileName(file);
            if (!fileName.EndsWith(".json", StringComparison.Ordinal) || fileName == CalendarFileName)
            {
                continue;
            }

            var location = Invariant($"{folder}/{fileName}");
            if (!TryReadFile(file, location, issues, out var json))
            {
                continue;
            }

            var collector = new IssueCollector(location + ":", issues);
            var schedule = ParseSchedule(json, info?.Weekend ?? _defaultWeekend, collector);
            if (schedule is null)
            {
                continue;
            }

            if (int.TryParse(Path.GetFileNameWithoutExtension(fileName), NumberStyles.None, CultureInfo.InvariantCulture, out var fileYear)
                && fileYear != schedule.Year)
            {
                collector.Report("$.year", Text.Get("CalendarYearMismatch", fileYear, schedule.Year));
            }

            if (yearFiles.TryGetValue(schedule.Year, out var firstFile))
            {
                collector.Report("$.year", Text.Get("CalendarDuplicateYear", schedule.Year, firstFile));
                continue;
            }

            yearFiles.Add(schedule.Year, location);
            schedules.Add(schedule);
        }

        return issues.Count > 0 || info is null
            ? new CalendarLoadResult(null, issues)
            : new CalendarLoadResult(new WorkingDayCalendar(info, schedules), issues);
    }

    /// <summary>
    /// Parses and validates one year's schedule (an uploaded year file), checking make-up working days against a
    /// Saturday and Sunday weekend. Issue paths are JSON paths such as <c>$.holidays[1].to</c>.
    /// </summary>
    public static ScheduleParseResult ParseSchedule(string json) => ParseSchedule(json, _defaultWeekend);

    /// <summary>Parses and validates one year's schedule for a calendar whose weekend is <paramref name="weekend"/>.</summary>
    public static ScheduleParseResult ParseSchedule(string json, IReadOnlyCollection<DayOfWeek> weekend)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(weekend);
        var issues = new List<CalendarIssue>();
        var schedule = ParseSchedule(json, weekend, new IssueCollector(string.Empty, issues));
        return new ScheduleParseResult(schedule, issues);
    }

    /// <summary>Writes <paramref name="schedule"/> in the year-file format <see cref="ParseSchedule(string)"/> reads.</summary>
    public static string SerializeSchedule(HolidaySchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _writerOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", schedule.Year);
            writer.WriteStartObject("source");
            writer.WriteString("title", schedule.Source.Title);
            writer.WriteString("documentNumber", schedule.Source.DocumentNumber);
            writer.WriteString("published", FormatDate(schedule.Source.Published));
            writer.WriteEndObject();
            writer.WriteStartArray("holidays");
            foreach (var holiday in schedule.Holidays)
            {
                writer.WriteStartObject();
                WriteText(writer, "name", holiday.Name);
                writer.WriteString("from", FormatDate(holiday.From));
                writer.WriteString("to", FormatDate(holiday.To));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("makeUpWorkingDays");
            foreach (var makeUp in schedule.MakeUpWorkingDays)
            {
                writer.WriteStartObject();
                writer.WriteString("date", FormatDate(makeUp.Date));
                WriteText(writer, "for", makeUp.For);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static WorkingDayCalendarInfo? ParseCalendarInfo(string json, IssueCollector issues)
    {
        var before = issues.Count;
        using var document = Parse(json, issues);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (!issues.ExpectObject(root, "$", _calendarProperties))
        {
            return null;
        }

        var name = issues.ReadString(root, "$", "name");
        var displayName = issues.ReadText(root, "$", "displayName");
        var timeZone = issues.ReadString(root, "$", "timeZone");
        if (timeZone is not null && !IsKnownTimeZone(timeZone))
        {
            issues.Report("$.timeZone", Text.Get("CalendarUnknownTimeZone", timeZone));
        }

        var weekend = new List<DayOfWeek>();
        if (issues.ReadArray(root, "$", "weekend") is { } days)
        {
            for (var i = 0; i < days.Count; i++)
            {
                var path = Invariant($"$.weekend[{i}]");
                if (days[i].ValueKind != JsonValueKind.String || ParseDayOfWeek(days[i].GetString()!) is not { } day)
                {
                    issues.Report(path, Text.Get("CalendarWeekendDayInvalid"));
                }
                else if (weekend.Contains(day))
                {
                    issues.Report(path, Text.Get("CalendarWeekendDayRepeated", day));
                }
                else
                {
                    weekend.Add(day);
                }
            }

            if (weekend.Count == 7)
            {
                issues.Report("$.weekend", Text.Get("CalendarNoWorkingDays"));
            }
        }

        return issues.Count == before && name is not null && displayName is not null && timeZone is not null
            ? new WorkingDayCalendarInfo(name, displayName, timeZone, weekend.ToArray())
            : null;
    }

    private static HolidaySchedule? ParseSchedule(string json, IReadOnlyCollection<DayOfWeek> weekend, IssueCollector issues)
    {
        var before = issues.Count;
        using var document = Parse(json, issues);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        if (!issues.ExpectObject(root, "$", _scheduleProperties))
        {
            return null;
        }

        var year = issues.ReadInt32(root, "$", "year");
        ScheduleSource? source = null;
        if (issues.ReadObject(root, "$", "source", _sourceProperties) is { } sourceElement)
        {
            var title = issues.ReadString(sourceElement, "$.source", "title");
            var documentNumber = issues.ReadString(sourceElement, "$.source", "documentNumber", optional: true);
            var published = issues.ReadDate(sourceElement, "$.source", "published");
            if (title is not null && published is { } publishedOn)
            {
                source = new ScheduleSource(title, documentNumber, publishedOn);
            }
        }

        var holidays = new List<HolidayPeriod>();
        if (issues.ReadArray(root, "$", "holidays") is { } holidayElements)
        {
            for (var i = 0; i < holidayElements.Count; i++)
            {
                var path = Invariant($"$.holidays[{i}]");
                if (!issues.ExpectObject(holidayElements[i], path, _holidayProperties))
                {
                    continue;
                }

                var name = issues.ReadText(holidayElements[i], path, "name");
                var from = issues.ReadDate(holidayElements[i], path, "from");
                var to = issues.ReadDate(holidayElements[i], path, "to");
                if (name is not null && from is { } first && to is { } last)
                {
                    holidays.Add(new HolidayPeriod(name, first, last));
                }
            }
        }

        var makeUpDays = new List<MakeUpWorkingDay>();
        if (issues.ReadArray(root, "$", "makeUpWorkingDays") is { } makeUpElements)
        {
            for (var i = 0; i < makeUpElements.Count; i++)
            {
                var path = Invariant($"$.makeUpWorkingDays[{i}]");
                if (!issues.ExpectObject(makeUpElements[i], path, _makeUpProperties))
                {
                    continue;
                }

                var date = issues.ReadDate(makeUpElements[i], path, "date");
                var holiday = issues.ReadText(makeUpElements[i], path, "for");
                if (date is { } day && holiday is not null)
                {
                    makeUpDays.Add(new MakeUpWorkingDay(day, holiday));
                }
            }
        }

        if (issues.Count != before || year is not { } scheduleYear || source is null)
        {
            return null;
        }

        var schedule = new HolidaySchedule(scheduleYear, source, holidays.ToArray(), makeUpDays.ToArray());
        foreach (var issue in schedule.Validate(weekend))
        {
            issues.Report(issue.Path, issue.Message);
        }

        return issues.Count == before ? schedule : null;
    }

    private static JsonDocument? Parse(string json, IssueCollector issues)
    {
        try
        {
            return JsonDocument.Parse(json, _documentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var position = (exception.BytePositionInLine ?? 0) + 1;
            var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            issues.Report(path, Text.Get("CalendarMalformedJson", line, position, exception.Message));
            return null;
        }
    }

    private static bool TryReadFile(string file, string location, List<CalendarIssue> issues, out string text)
    {
        try
        {
            text = File.ReadAllText(file, Encoding.UTF8);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            issues.Add(new CalendarIssue(location, Text.Get("CalendarFileUnreadable", exception.Message)));
            text = string.Empty;
            return false;
        }
    }

    private static bool IsKnownTimeZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private static DayOfWeek? ParseDayOfWeek(string text)
    {
        for (var day = DayOfWeek.Sunday; day <= DayOfWeek.Saturday; day++)
        {
            if (string.Equals(day.ToString(), text, StringComparison.Ordinal))
            {
                return day;
            }
        }

        return null;
    }

    private static void WriteText(Utf8JsonWriter writer, string name, LocalizedText text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("zh-CN", text.ZhCn);
        writer.WriteString("en", text.En);
        writer.WriteEndObject();
    }

    private static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>Collects issues for one file, prefixing paths with the file's location.</summary>
    internal sealed class IssueCollector(string prefix, List<CalendarIssue> issues)
    {
        public int Count => issues.Count;

        public void Report(string path, LocalizedText message) => issues.Add(new CalendarIssue(prefix + path, message));

        public bool ExpectObject(JsonElement element, string path, string[] known)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Report(path, Text.Get("CalendarObjectExpected"));
                return false;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(known, property.Name) < 0)
                {
                    Report(Child(path, property.Name), Text.Get("CalendarUnknownProperty", property.Name, Text.List(known)));
                }
            }

            return true;
        }

        public string? ReadString(JsonElement parent, string path, string name, bool optional = false)
        {
            if (!Property(parent, path, name, optional, out var value))
            {
                return null;
            }

            if (optional && value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Report(Child(path, name), Text.Get("CalendarStringExpected"));
                return null;
            }

            return value.GetString();
        }

        public DateOnly? ReadDate(JsonElement parent, string path, string name)
        {
            if (!Property(parent, path, name, false, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(value.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Report(Child(path, name), Text.Get("CalendarDateInvalid", value.GetRawText()));
            return null;
        }

        public int? ReadInt32(JsonElement parent, string path, string name)
        {
            if (!Property(parent, path, name, false, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Report(Child(path, name), Text.Get("CalendarWholeNumberExpected"));
            return null;
        }

        public LocalizedText? ReadText(JsonElement parent, string path, string name)
        {
            var element = ReadObject(parent, path, name, _textProperties);
            if (element is not { } text)
            {
                return null;
            }

            var textPath = Child(path, name);
            var zhCn = ReadString(text, textPath, "zh-CN");
            var en = ReadString(text, textPath, "en");
            return zhCn is not null && en is not null ? new LocalizedText(zhCn, en) : null;
        }

        public JsonElement? ReadObject(JsonElement parent, string path, string name, string[] known)
        {
            if (!Property(parent, path, name, false, out var value))
            {
                return null;
            }

            return ExpectObject(value, Child(path, name), known) ? value : null;
        }

        public IReadOnlyList<JsonElement>? ReadArray(JsonElement parent, string path, string name)
        {
            if (!Property(parent, path, name, false, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Report(Child(path, name), Text.Get("CalendarArrayExpected"));
                return null;
            }

            var items = new List<JsonElement>(value.GetArrayLength());
            foreach (var item in value.EnumerateArray())
            {
                items.Add(item);
            }

            return items;
        }

        private bool Property(JsonElement parent, string path, string name, bool optional, out JsonElement value)
        {
            if (parent.TryGetProperty(name, out value))
            {
                return true;
            }

            if (!optional)
            {
                Report(Child(path, name), Text.Get("CalendarPropertyRequired", name));
            }

            return false;
        }

        private static string Child(string path, string name) =>
            name.Contains('-', StringComparison.Ordinal) ? Invariant($"{path}['{name}']") : Invariant($"{path}.{name}");
    }
}

/// <summary>A problem found in calendar data.</summary>
/// <param name="Path">Where: the file (relative to the calendars folder) and a JSON path, e.g. <c>cn-mainland/2026.json:$.holidays[1].to</c>.</param>
/// <param name="Message">What is wrong, in Chinese and English.</param>
public sealed record CalendarIssue(string Path, LocalizedText Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message.ZhCn} / {Message.En}";
}

/// <summary>The outcome of loading a calendar folder.</summary>
/// <param name="Calendar">The calendar, or null when any issue was found.</param>
/// <param name="Issues">Every problem found.</param>
public sealed record CalendarLoadResult(WorkingDayCalendar? Calendar, IReadOnlyList<CalendarIssue> Issues);

/// <summary>The outcome of parsing one year's schedule.</summary>
/// <param name="Schedule">The schedule, or null when any issue was found.</param>
/// <param name="Issues">Every problem found.</param>
public sealed record ScheduleParseResult(HolidaySchedule? Schedule, IReadOnlyList<CalendarIssue> Issues);

/// <summary>Thrown when calendar data cannot be loaded; <see cref="Issues"/> lists every problem.</summary>
public sealed class CalendarLoadException : Exception
{
    /// <summary>Creates the exception with a generic message and no issues.</summary>
    public CalendarLoadException()
        : this("Calendar data could not be loaded.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and no issues.</summary>
    public CalendarLoadException(string message)
        : base(message) => Issues = [];

    /// <summary>Creates the exception with <paramref name="message"/>, its cause and no issues.</summary>
    public CalendarLoadException(string message, Exception innerException)
        : base(message, innerException) => Issues = [];

    /// <summary>Creates the exception listing <paramref name="issues"/> in its message.</summary>
    public CalendarLoadException(IReadOnlyList<CalendarIssue> issues)
        : base(Describe(issues)) => Issues = issues;

    /// <summary>The problems found.</summary>
    public IReadOnlyList<CalendarIssue> Issues { get; }

    private static string Describe(IReadOnlyList<CalendarIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Calendar data could not be loaded ({issues.Count} issue(s)):");
        foreach (var issue in issues)
        {
            text.Append('\n').Append("  ").Append(issue);
        }

        return text.ToString();
    }
}
