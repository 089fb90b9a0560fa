using System.Globalization;
using System.Text.Json;
using Mediation.Workflows.Calendars;
using Mediation.Workflows.Runtime;
using Mediation.Workflows.Simulation;

namespace Mediation.Workflows.Cli;

/// <summary>
/// Reads a simulation script. Strict like the definitions: unknown members, wrong types, unknown names and
/// instants without an offset are errors, each reported at its JSON path.
/// </summary>
internal static class ScriptReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly Dictionary<string, Participant> Participants = NamesOf<Participant>();
    private static readonly Dictionary<string, AgreementForm> AgreementForms = NamesOf<AgreementForm>();

    public static SimulationScript Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : string.Empty;
            throw new ScriptException(e.Path ?? "$", $"not valid JSON{where}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            Members(root, "$", "facts", "events", "until");
            var facts = Facts(Required(root, "$", "facts"), "$.facts");
            var events = new List<ScriptedEvent>();
            if (root.TryGetProperty("events", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                Expect(list, "$.events", JsonValueKind.Array, "an array of events");
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    events.Add(Event(item, $"$.events[{i++}]"));
                }
            }

            return new SimulationScript(facts, events, OptionalInstant(root, "$", "until"));
        }
    }

    private static CaseFacts Facts(JsonElement facts, string path)
    {
        Members(facts, path, "category", "claimedAmount", "partyCount", "channel", "tags", "location", "filedAt", "receivedAt");
        var channel = OptionalString(facts, path, "channel") ?? Channels.Online;
        if (!Channels.All.Contains(channel))
        {
            throw new ScriptException($"{path}.channel", $"unknown channel '{channel}'; expected one of {string.Join(", ", Channels.All.Order(StringComparer.Ordinal))}");
        }

        var partyCount = 2;
        if (facts.TryGetProperty("partyCount", out var parties) && parties.ValueKind != JsonValueKind.Null)
        {
            if (parties.ValueKind != JsonValueKind.Number || !parties.TryGetInt32(out partyCount) || partyCount < 1)
            {
                throw new ScriptException($"{path}.partyCount", "expected a whole number of parties, at least 1");
            }
        }

        decimal? claimed = null;
        if (facts.TryGetProperty("claimedAmount", out var amount) && amount.ValueKind != JsonValueKind.Null)
        {
            if (amount.ValueKind != JsonValueKind.Number || !amount.TryGetDecimal(out var value) || value < 0)
            {
                throw new ScriptException($"{path}.claimedAmount", "expected an amount in yuan (a number, not negative) or null");
            }

            claimed = value;
        }

        var tags = new HashSet<string>(StringComparer.Ordinal);
        if (facts.TryGetProperty("tags", out var tagList) && tagList.ValueKind != JsonValueKind.Null)
        {
            Expect(tagList, $"{path}.tags", JsonValueKind.Array, "an array of strings");
            var i = 0;
            foreach (var tag in tagList.EnumerateArray())
            {
                Expect(tag, $"{path}.tags[{i++}]", JsonValueKind.String, "a string");
                tags.Add(tag.GetString()!);
            }
        }

        return new CaseFacts
        {
            Category = RequiredString(facts, path, "category"),
            ClaimedAmount = claimed,
            PartyCount = partyCount,
            Channel = channel,
            Tags = tags,
            Location = RequiredString(facts, path, "location"),
            FiledAt = Instant(Required(facts, path, "filedAt"), $"{path}.filedAt"),
            ReceivedAt = OptionalInstant(facts, path, "receivedAt"),
        };
    }

    private static ScriptedEvent Event(JsonElement item, string path)
    {
        Expect(item, path, JsonValueKind.Object, "an event object");
        var name = RequiredString(item, path, "event");
        if (!WorkflowEvents.TryParse(name, out var type))
        {
            var names = Enum.GetValues<WorkflowEventType>().Where(t => t != WorkflowEventType.TimerElapsed).Select(WorkflowEvents.NameOf);
            throw new ScriptException($"{path}.event", $"unknown event '{name}'; expected one of {string.Join(", ", names)}");
        }

        WorkflowEvent evt;
        switch (type)
        {
            case WorkflowEventType.TimerElapsed:
                throw new ScriptException($"{path}.event", "deadlines fire by themselves in a simulation; script what people do, and 'until' for how long to let time run");

            case WorkflowEventType.AgreementReached:
                Members(item, path, "event", "at", "after", "agreementForm", "effectiveAt");
                var formName = RequiredString(item, path, "agreementForm");
                if (!AgreementForms.TryGetValue(formName, out var form))
                {
                    throw new ScriptException($"{path}.agreementForm", $"expected 'written' or 'oral', not '{formName}'");
                }

                evt = WorkflowEvent.AgreementReached(form, OptionalInstant(item, path, "effectiveAt"));
                break;

            case WorkflowEventType.AgreementTookEffect:
                Members(item, path, "event", "at", "after", "effectiveAt");
                evt = WorkflowEvent.AgreementTookEffect(Instant(Required(item, path, "effectiveAt"), $"{path}.effectiveAt"));
                break;

            case WorkflowEventType.ExtensionGranted:
                Members(item, path, "event", "at", "after", "extension", "by");
                evt = WorkflowEvent.ExtensionGranted(Duration(Required(item, path, "extension"), $"{path}.extension"), By(item, path));
                break;

            default:
                Members(item, path, "event", "at", "after", "reason", "by");
                evt = WorkflowEvent.Of(type, OptionalString(item, path, "reason"), By(item, path));
                break;
        }

        var at = OptionalInstant(item, path, "at");
        WorkflowDuration? after = item.TryGetProperty("after", out var afterElement) && afterElement.ValueKind != JsonValueKind.Null
            ? Duration(afterElement, $"{path}.after")
            : null;
        if (at is not null && after is not null)
        {
            throw new ScriptException($"{path}.after", "give either 'at' or 'after', not both");
        }

        return new ScriptedEvent(evt, at, after);
    }

    private static Participant[] By(JsonElement item, string path)
    {
        if (!item.TryGetProperty("by", out var by) || by.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        Expect(by, $"{path}.by", JsonValueKind.Array, "an array of participants");
        var result = new List<Participant>();
        var i = 0;
        foreach (var element in by.EnumerateArray())
        {
            var where = $"{path}.by[{i++}]";
            Expect(element, where, JsonValueKind.String, "a participant name");
            var name = element.GetString()!;
            if (!Participants.TryGetValue(name, out var participant))
            {
                throw new ScriptException(where, $"unknown participant '{name}'; expected one of {string.Join(", ", Participants.Keys)}");
            }

            result.Add(participant);
        }

        return [.. result];
    }

    private static WorkflowDuration Duration(JsonElement element, string path)
    {
        Expect(element, path, JsonValueKind.String, "an ISO-8601 duration such as P5D or PT2H");
        var text = element.GetString();
        return WorkflowDuration.TryParse(text, out var duration, out var error)
            ? duration
            : throw new ScriptException(path, $"'{text}' is not a duration: {error}");
    }

    private static DateTimeOffset? OptionalInstant(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? Instant(element, $"{path}.{name}")
            : null;

    private static DateTimeOffset Instant(JsonElement element, string path)
    {
        const string Expected = "an ISO-8601 instant with its offset, such as 2026-03-02T09:00:00+08:00";
        Expect(element, path, JsonValueKind.String, Expected);
        var text = element.GetString()!;
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        var hasOffset = time > 0 && text.AsSpan(time).IndexOfAny("Zz+-") > 0;
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw new ScriptException(path, $"'{text}' is not {Expected}");
        }

        return instant;
    }

    private static JsonElement Required(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null
            ? element
            : throw new ScriptException($"{path}.{name}", "is required");

    private static string RequiredString(JsonElement parent, string path, string name)
    {
        var element = Required(parent, path, name);
        Expect(element, $"{path}.{name}", JsonValueKind.String, "a string");
        var text = element.GetString()!;
        return text.Length > 0 ? text : throw new ScriptException($"{path}.{name}", "must not be empty");
    }

    private static string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        Expect(element, $"{path}.{name}", JsonValueKind.String, "a string");
        return element.GetString();
    }

    /// <summary>Rejects members other than <paramref name="allowed"/>, so that a misspelt name is not silently ignored.</summary>
    private static void Members(JsonElement element, string path, params string[] allowed)
    {
        Expect(element, path, JsonValueKind.Object, "an object");
        foreach (var member in element.EnumerateObject())
        {
            if (!allowed.Contains(member.Name, StringComparer.Ordinal))
            {
                throw new ScriptException($"{path}.{member.Name}", $"is not expected here; expected {string.Join(", ", allowed)}");
            }
        }
    }

    private static void Expect(JsonElement element, string path, JsonValueKind kind, string what)
    {
        if (element.ValueKind != kind)
        {
            throw new ScriptException(path, $"expected {what}, found {Describe(element.ValueKind)}");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static Dictionary<string, TEnum> NamesOf<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v => v, StringComparer.Ordinal);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>A script that cannot be run, with the JSON path of what is wrong; exit code 2.</summary>
internal sealed class ScriptException(string path, string message) : Exception($"{path}: {message}")
{
    public string Path { get; } = path;
}
