using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediation.Workflows.Calendars;

/// <summary>Writes a <see cref="WorkflowDuration"/> as its ISO-8601 text, so stored case states stay readable.</summary>
public sealed class WorkflowDurationJsonConverter : JsonConverter<WorkflowDuration>
{
    /// <inheritdoc />
    public override WorkflowDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return WorkflowDuration.TryParse(text, out var duration, out var error)
            ? duration
            : throw new JsonException($"'{text}' is not a workflow duration: {error}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, WorkflowDuration value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text);
    }
}
