using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Mediation.Workflows.Validation;

namespace Mediation.Workflows.Definitions;

/// <summary>Reads and writes workflow definitions and the professional body list as JSON.</summary>
public static class WorkflowJson
{
    /// <summary>
    /// The serializer options for definitions: camelCase matched exactly (the web default of case-insensitive names
    /// would let a misspelt <c>takeup</c> through), unknown members and repeated members rejected, comments allowed.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        RespectNullableAnnotations = true,
    };

    /// <summary>Parses a definition; malformed JSON or wrong types become an <c>InvalidJson</c> issue at the offending path.</summary>
    public static DefinitionParseResult Parse(string json)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
            return definition is null
                ? new DefinitionParseResult(null, [Invalid("$", "the document is null")])
                : new DefinitionParseResult(definition, []);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : string.Empty;
            return new DefinitionParseResult(null, [Invalid(exception.Path ?? "$", FirstSentence(exception.Message) + where)]);
        }
    }

    /// <summary>Writes a definition in the same shape the files use.</summary>
    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Parses the list of professional bodies (<c>workflows/bodies.json</c>).</summary>
    public static IReadOnlyDictionary<string, ProfessionalBody> ParseBodies(string json)
    {
        var bodies = JsonSerializer.Deserialize<List<ProfessionalBody>>(json, Options)
            ?? throw new JsonException("The body list is null.");
        return bodies.ToDictionary(b => b.Id, StringComparer.Ordinal);
    }

    private static ValidationIssue Invalid(string path, string detail) =>
        new("InvalidJson", path, ValidationSeverity.Error, Text.Get("InvalidJson", detail));

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>A parsed definition, or why it could not be parsed.</summary>
/// <param name="Definition">The definition, when the JSON was well formed.</param>
/// <param name="Issues">The parse errors.</param>
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationIssue> Issues);
