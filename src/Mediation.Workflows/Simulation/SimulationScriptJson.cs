using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Compilation;
using Mediation.Workflows.Definitions;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Simulation;

/// <summary>
/// Reads simulation scripts, shared by the HTTP API and the CLI. Strict like the definitions: unknown and repeated
/// members, wrong types, unknown names, members an event does not take and instants without an offset are errors.
/// Unlike a definition's parser it does not stop at the first mistake: every issue is reported at its JSON path with a
/// message in zh-CN and en.
/// </summary>
/// <remarks>
/// The shape:
/// <code>
/// {
///   "facts": { "category": "neighbour", "claimedAmount": 1000, "partyCount": 2, "channel": "online", "tags": [],
///              "location": "150302001001", "filedAt": "2026-03-02T09:00:00+08:00", "receivedAt": null },
///   "events": [
///     { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
///     { "event": "extensionGranted", "after": "P20D", "extension": "P10D", "by": ["applicant", "respondent"] },
///     { "event": "agreementReached", "after": "P5D", "agreementForm": "written", "effectiveAt": "2026-04-07T16:00:00+08:00" },
///     { "event": "mediationFailed", "reason": "…" }
///   ],
///   "until": "2026-06-01T00:00:00+08:00"
/// }
/// </code>
/// <c>facts.category</c>, <c>facts.location</c> and <c>facts.filedAt</c> are required; the other facts default as
/// <see cref="CaseFacts"/> does. Each event takes <c>at</c> (an instant) or <c>after</c> (a duration counted in the
/// workflow's calendar from the previous scripted moment) or neither (the same moment). Members by event:
/// <c>reason</c> and <c>by</c> for the plain events; <c>extension</c> (required) and <c>by</c> for
/// <c>extensionGranted</c>; <c>agreementForm</c> (required) and <c>effectiveAt</c> for <c>agreementReached</c>;
/// <c>effectiveAt</c> (required) for <c>agreementTookEffect</c>. Deadlines fire by themselves, so
/// <c>timerElapsed</c> cannot be scripted. Optional members may be written as <c>null</c>.
/// </remarks>
public static class SimulationScriptJson
{
    /// <summary>A script may have at most this many events.</summary>
    public const int MaxEvents = 1_000;

    /// <summary>Code of every issue about a script's content (its syntax errors are <c>InvalidJson</c>).</summary>
    public const string InvalidScriptCode = "InvalidScript";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        AllowDuplicateProperties = false,
        MaxDepth = 32,
    };

    private static readonly string[] RootMembers = ["facts", "events", "until"];
    private static readonly string[] FactMembers = ["category", "claimedAmount", "partyCount", "channel", "tags", "location", "filedAt", "receivedAt"];
    private static readonly string[] PlainEventMembers = ["event", "at", "after", "reason", "by"];
    private static readonly string[] ExtensionMembers = ["event", "at", "after", "extension", "by"];
    private static readonly string[] AgreementMembers = ["event", "at", "after", "agreementForm", "effectiveAt"];
    private static readonly string[] TookEffectMembers = ["event", "at", "after", "effectiveAt"];
    private static readonly string[] AllEventMembers = ["event", "at", "after", "reason", "by", "extension", "agreementForm", "effectiveAt"];

    /// <summary>Parses <paramref name="json"/>; the script is null when there is any error.</summary>
    public static SimulationScriptParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {exception.BytePositionInLine + 1})")
                : string.Empty;
            var issue = new ValidationIssue("InvalidJson", exception.Path ?? "$", ValidationSeverity.Error, Text.Get("InvalidJson", FirstSentence(exception.Message) + where));
            return new SimulationScriptParseResult(null, [issue]);
        }

        using (document)
        {
            var reader = new Reader();
            var script = reader.Script(document.RootElement);
            return reader.Issues.Count == 0 && script is not null
                ? new SimulationScriptParseResult(script, [])
                : new SimulationScriptParseResult(null, reader.Issues);
        }
    }

    /// <summary>
    /// Checks what only the workflow can tell: that each event's moment, with <c>after</c> counted in the workflow's
    /// calendar exactly as <see cref="WorkflowSimulator"/> counts it, is not before the previous one, and that every
    /// <c>after</c> and <c>extension</c> can be counted in that calendar (working-day calendars count no months or years).
    /// </summary>
    public static IReadOnlyList<ValidationIssue> Check(SimulationScript script, CompiledWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(workflow);
        var issues = new List<ValidationIssue>();
        var now = script.Facts.FiledAt;
        for (var i = 0; i < script.Events.Count; i++)
        {
            var scripted = script.Events[i];
            var path = $"$.events[{i}]";
            if (scripted.Event.Extension is { } extension && !Countable(workflow.Calendar, now, extension))
            {
                issues.Add(Issue($"{path}.extension", Messages.NotCountable(workflow.Calendar.Name, extension.Text)));
            }

            DateTimeOffset at;
            if (scripted.At is { } instant)
            {
                at = instant;
                if (at < now)
                {
                    issues.Add(Issue($"{path}.at", Messages.OutOfOrder(at, now)));
                    continue;
                }
            }
            else if (scripted.After is { } after)
            {
                if (!Countable(workflow.Calendar, now, after))
                {
                    issues.Add(Issue($"{path}.after", Messages.NotCountable(workflow.Calendar.Name, after.Text)));
                    continue;
                }

                at = workflow.Calendar.Add(now, after).At;
            }
            else
            {
                at = now;
            }

            now = at;
        }

        return issues;
    }

    private static bool Countable(IWorkflowCalendar calendar, DateTimeOffset from, WorkflowDuration duration)
    {
        try
        {
            calendar.Add(from, duration);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static ValidationIssue Issue(string path, LocalizedText message) =>
        new(InvalidScriptCode, path, ValidationSeverity.Error, message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>Walks the document, collecting every issue.</summary>
    private sealed class Reader
    {
        public List<ValidationIssue> Issues { get; } = [];

        public SimulationScript? Script(JsonElement root)
        {
            if (!Object(root, "$", RootMembers))
            {
                return null;
            }

            var facts = Member(root, "$", "facts", required: true) is { } factsElement ? Facts(factsElement, "$.facts") : null;
            var events = new List<ScriptedEvent>();
            if (Member(root, "$", "events", required: false) is { } list && Kind(list, "$.events", JsonValueKind.Array, Messages.Array))
            {
                if (list.GetArrayLength() > MaxEvents)
                {
                    Error("$.events", Messages.TooManyEvents(MaxEvents));
                }
                else
                {
                    var i = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        if (Event(item, $"$.events[{i++}]") is { } scripted)
                        {
                            events.Add(scripted);
                        }
                    }
                }
            }

            var until = Instant(root, "$", "until", required: false);
            return facts is null ? null : new SimulationScript(facts, events, until);
        }

        private CaseFacts? Facts(JsonElement facts, string path)
        {
            if (!Object(facts, path, FactMembers))
            {
                return null;
            }

            var category = String(facts, path, "category", required: true);
            if (category is not null && !DisputeCategories.All.Contains(category))
            {
                Error($"{path}.category", Messages.UnknownValue(category, DisputeCategories.All));
            }

            var channel = String(facts, path, "channel", required: false) ?? Channels.Online;
            if (!Channels.All.Contains(channel))
            {
                Error($"{path}.channel", Messages.UnknownValue(channel, Channels.All));
            }

            decimal? claimed = null;
            if (Member(facts, path, "claimedAmount", required: false) is { } amount && Kind(amount, $"{path}.claimedAmount", JsonValueKind.Number, Messages.Number))
            {
                if (!amount.TryGetDecimal(out var value) || value < 0)
                {
                    Error($"{path}.claimedAmount", Messages.NotNegative);
                }
                else
                {
                    claimed = value;
                }
            }

            var partyCount = 2;
            if (Member(facts, path, "partyCount", required: false) is { } parties && Kind(parties, $"{path}.partyCount", JsonValueKind.Number, Messages.WholeNumber))
            {
                if (!parties.TryGetInt32(out partyCount) || partyCount < 1)
                {
                    Error($"{path}.partyCount", Messages.PartyCount);
                }
            }

            var tags = new HashSet<string>(StringComparer.Ordinal);
            if (Member(facts, path, "tags", required: false) is { } tagList && Kind(tagList, $"{path}.tags", JsonValueKind.Array, Messages.Array))
            {
                var i = 0;
                foreach (var tag in tagList.EnumerateArray())
                {
                    if (Kind(tag, $"{path}.tags[{i++}]", JsonValueKind.String, Messages.String))
                    {
                        tags.Add(tag.GetString()!);
                    }
                }
            }

            var location = String(facts, path, "location", required: true);
            if (location is { Length: 0 })
            {
                Error($"{path}.location", Messages.Empty);
            }

            var filedAt = Instant(facts, path, "filedAt", required: true);
            var receivedAt = Instant(facts, path, "receivedAt", required: false);
            return category is null || location is null || filedAt is null
                ? null
                : new CaseFacts
                {
                    Category = category,
                    ClaimedAmount = claimed,
                    PartyCount = partyCount,
                    Channel = channel,
                    Tags = tags,
                    Location = location,
                    FiledAt = filedAt.Value,
                    ReceivedAt = receivedAt,
                };
        }

        private ScriptedEvent? Event(JsonElement item, string path)
        {
            if (!Kind(item, path, JsonValueKind.Object, Messages.Object))
            {
                return null;
            }

            var name = String(item, path, "event", required: true);
            WorkflowEventType type = default;
            var known = name is not null && WorkflowEvents.TryParse(name, out type);
            if (name is not null && !known)
            {
                Error($"{path}.event", Messages.UnknownValue(name, Enum.GetValues<WorkflowEventType>().Where(t => t != WorkflowEventType.TimerElapsed).Select(WorkflowEvents.NameOf)));
            }
            else if (known && type == WorkflowEventType.TimerElapsed)
            {
                Error($"{path}.event", Messages.TimerNotScriptable);
                known = false;
            }

            // Without a known event, check the members against every member any event takes.
            var members = !known ? AllEventMembers : type switch
            {
                WorkflowEventType.ExtensionGranted => ExtensionMembers,
                WorkflowEventType.AgreementReached => AgreementMembers,
                WorkflowEventType.AgreementTookEffect => TookEffectMembers,
                _ => PlainEventMembers,
            };
            Object(item, path, members, name);

            var at = Instant(item, path, "at", required: false);
            var after = Duration(item, path, "after", required: false);
            if (at is not null && after is not null)
            {
                Error($"{path}.after", Messages.AtAndAfter);
            }

            if (!known)
            {
                return null;
            }

            WorkflowEvent? evt = null;
            switch (type)
            {
                case WorkflowEventType.ExtensionGranted:
                    var by = By(item, path);
                    if (Duration(item, path, "extension", required: true) is { } extension && by is not null)
                    {
                        evt = WorkflowEvent.ExtensionGranted(extension, by);
                    }

                    break;

                case WorkflowEventType.AgreementReached:
                    var effectiveAt = Instant(item, path, "effectiveAt", required: false);
                    if (String(item, path, "agreementForm", required: true) is { } formName)
                    {
                        if (CamelCaseEnum<AgreementForm>.TryParse(formName, out var form))
                        {
                            evt = WorkflowEvent.AgreementReached(form, effectiveAt);
                        }
                        else
                        {
                            Error($"{path}.agreementForm", Messages.UnknownValue(formName, Enum.GetValues<AgreementForm>().Select(CamelCaseEnum<AgreementForm>.NameOf)));
                        }
                    }

                    break;

                case WorkflowEventType.AgreementTookEffect:
                    if (Instant(item, path, "effectiveAt", required: true) is { } tookEffect)
                    {
                        evt = WorkflowEvent.AgreementTookEffect(tookEffect);
                    }

                    break;

                default:
                    var reason = String(item, path, "reason", required: false);
                    if (By(item, path) is { } participants)
                    {
                        evt = WorkflowEvent.Of(type, reason, participants);
                    }

                    break;
            }

            return evt is null ? null : new ScriptedEvent(evt, at, after);
        }

        private Participant[]? By(JsonElement item, string path)
        {
            if (Member(item, path, "by", required: false) is not { } by)
            {
                return [];
            }

            if (!Kind(by, $"{path}.by", JsonValueKind.Array, Messages.Array))
            {
                return null;
            }

            var result = new List<Participant>();
            var ok = true;
            var i = 0;
            foreach (var element in by.EnumerateArray())
            {
                var where = $"{path}.by[{i++}]";
                if (!Kind(element, where, JsonValueKind.String, Messages.String))
                {
                    ok = false;
                    continue;
                }

                var name = element.GetString()!;
                if (CamelCaseEnum<Participant>.TryParse(name, out var participant))
                {
                    result.Add(participant);
                }
                else
                {
                    Error(where, Messages.UnknownValue(name, Enum.GetValues<Participant>().Select(CamelCaseEnum<Participant>.NameOf)));
                    ok = false;
                }
            }

            return ok ? [.. result] : null;
        }

        /// <summary>Checks that <paramref name="element"/> is an object with no member outside <paramref name="allowed"/>.</summary>
        private bool Object(JsonElement element, string path, string[] allowed, string? eventName = null)
        {
            if (!Kind(element, path, JsonValueKind.Object, Messages.Object))
            {
                return false;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(allowed, property.Name) >= 0)
                {
                    continue;
                }

                Error($"{path}.{property.Name}", eventName is not null && Array.IndexOf(AllEventMembers, property.Name) >= 0
                    ? Messages.NotApplicable(eventName, property.Name)
                    : Messages.UnknownMember(property.Name, allowed));
            }

            return true;
        }

        /// <summary>The member's value; null when it is absent or <c>null</c> (an error when required).</summary>
        private JsonElement? Member(JsonElement parent, string path, string name, bool required)
        {
            if (parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                return value;
            }

            if (required)
            {
                Error($"{path}.{name}", Messages.Required(name));
            }

            return null;
        }

        private bool Kind(JsonElement element, string path, JsonValueKind kind, LocalizedText expected)
        {
            if (element.ValueKind == kind)
            {
                return true;
            }

            Error(path, Messages.Expected(expected));
            return false;
        }

        private string? String(JsonElement parent, string path, string name, bool required) =>
            Member(parent, path, name, required) is { } value && Kind(value, $"{path}.{name}", JsonValueKind.String, Messages.String)
                ? value.GetString()
                : null;

        private DateTimeOffset? Instant(JsonElement parent, string path, string name, bool required)
        {
            if (Member(parent, path, name, required) is not { } value)
            {
                return null;
            }

            var where = $"{path}.{name}";
            if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var instant) && HasOffset(value.GetString()!))
            {
                return instant;
            }

            Error(where, Messages.Expected(Messages.DateTime));
            return null;
        }

        private WorkflowDuration? Duration(JsonElement parent, string path, string name, bool required)
        {
            if (String(parent, path, name, required) is not { } text)
            {
                return null;
            }

            if (WorkflowDuration.TryParse(text, out var duration, out var error))
            {
                return duration;
            }

            Error($"{path}.{name}", Messages.BadDuration(text, error));
            return null;
        }

        private static bool HasOffset(string text)
        {
            if (text.EndsWith('Z') || text.EndsWith('z'))
            {
                return true;
            }

            // …T09:00:00+08:00: a sign six characters from the end, after the time.
            return text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':' && text.IndexOf('T', StringComparison.OrdinalIgnoreCase) > 0;
        }

        private void Error(string path, LocalizedText message) => Issues.Add(Issue(path, message));
    }

    /// <summary>The script's messages, from the resources (<c>Script*</c> keys), in both languages.</summary>
    private static class Messages
    {
        public static LocalizedText Object => Text.Get("ScriptTypeObject");

        public static LocalizedText Array => Text.Get("ScriptTypeArray");

        public static LocalizedText String => Text.Get("ScriptTypeString");

        public static LocalizedText Number => Text.Get("ScriptTypeNumber");

        public static LocalizedText WholeNumber => Text.Get("ScriptTypeWholeNumber");

        public static LocalizedText DateTime => Text.Get("ScriptTypeDateTime");

        public static LocalizedText NotNegative => Text.Get("ScriptAmountNegative");

        public static LocalizedText PartyCount => Text.Get("ScriptPartyCountInvalid");

        public static LocalizedText Empty => Text.Get("ScriptValueEmpty");

        public static LocalizedText AtAndAfter => Text.Get("ScriptAtAndAfter");

        public static LocalizedText TimerNotScriptable => Text.Get("ScriptTimerNotScriptable");

        public static LocalizedText Expected(LocalizedText what) => Text.Get("ScriptExpectedType", what);

        public static LocalizedText Required(string name) => Text.Get("ScriptMemberRequired", name);

        public static LocalizedText UnknownMember(string name, IEnumerable<string> allowed) =>
            Text.Get("ScriptUnknownMember", name, string.Join(", ", allowed));

        public static LocalizedText NotApplicable(string eventName, string member) => Text.Get("ScriptMemberNotApplicable", eventName, member);

        public static LocalizedText UnknownValue(string value, IEnumerable<string> allowed) =>
            Text.Get("ScriptUnknownValue", value, string.Join(", ", allowed.Order(StringComparer.Ordinal)));

        public static LocalizedText BadDuration(string text, string error) => Text.Get("ScriptBadDuration", text, error);

        public static LocalizedText TooManyEvents(int max) => Text.Get("ScriptTooManyEvents", max);

        public static LocalizedText OutOfOrder(DateTimeOffset at, DateTimeOffset previous) => Text.Get("ScriptEventOutOfOrder", at, previous);

        public static LocalizedText NotCountable(string calendar, string duration) => Text.Get("ScriptDurationNotCountable", duration, calendar);
    }
}

/// <summary>A parsed script, or why it could not be parsed.</summary>
/// <param name="Script">The script, when there was no error.</param>
/// <param name="Issues">Every error, each at its JSON path.</param>
public sealed record SimulationScriptParseResult(SimulationScript? Script, IReadOnlyList<ValidationIssue> Issues);
