using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mediation.Workflows.Definitions;

/// <summary>
/// A declarative condition over a dispute's facts: <c>{"all": [...]}</c>, <c>{"any": [...]}</c>, <c>{"not": ...}</c>
/// or a comparison <c>{"field": "claimedAmount", "op": "gte", "value": 100000}</c>. The value may name a workflow
/// parameter: <c>{"param": "largeClaimAmount"}</c>.
/// </summary>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition;

/// <summary>True when every inner condition holds.</summary>
/// <param name="Conditions">The inner conditions.</param>
public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>True when at least one inner condition holds.</summary>
/// <param name="Conditions">The inner conditions.</param>
public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>True when the inner condition does not hold.</summary>
/// <param name="Inner">The inner condition.</param>
public sealed record NotCondition(Condition Inner) : Condition;

/// <summary>Compares a fact with a value.</summary>
/// <param name="Field">The fact (see <see cref="Runtime.FactFields"/>).</param>
/// <param name="Op">The operator: eq, ne, gt, gte, lt, lte, in, notIn, contains, within.</param>
/// <param name="Value">A literal, an array for in/notIn, or <c>{"param": "name"}</c>.</param>
public sealed record ComparisonCondition(string Field, string Op, JsonElement Value) : Condition;

/// <summary>Reads and writes <see cref="Condition"/> in its JSON shape.</summary>
public sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    /// <inheritdoc />
    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return FromElement(document.RootElement);
    }

    private static readonly string[] Forms = ["all", "any", "not", "field"];
    private static readonly string[] ComparisonMembers = ["field", "op", "value"];

    private static Condition FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A condition is an object with 'all', 'any', 'not' or 'field'/'op'/'value'.");
        }

        // Strict like the rest of the format: one form per object and no unknown members, so nothing is silently dropped.
        var forms = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(Forms, property.Name) >= 0)
            {
                forms++;
            }
            else if (Array.IndexOf(ComparisonMembers, property.Name) < 0)
            {
                throw new JsonException($"'{property.Name}' is not a member of a condition.");
            }
        }

        if (forms != 1)
        {
            throw new JsonException("A condition has exactly one of 'all', 'any', 'not' or 'field'.");
        }

        if (!element.TryGetProperty("field", out _) && (element.TryGetProperty("op", out _) || element.TryGetProperty("value", out _)))
        {
            throw new JsonException("'op' and 'value' belong to a comparison with 'field'.");
        }

        if (element.TryGetProperty("all", out var all))
        {
            return new AllCondition(ReadList(all, "all"));
        }

        if (element.TryGetProperty("any", out var any))
        {
            return new AnyCondition(ReadList(any, "any"));
        }

        if (element.TryGetProperty("not", out var not))
        {
            return new NotCondition(FromElement(not));
        }

        if (element.TryGetProperty("field", out var field) && element.TryGetProperty("op", out var op))
        {
            var value = element.TryGetProperty("value", out var v) ? v.Clone() : default;
            return new ComparisonCondition(
                field.ValueKind == JsonValueKind.String ? field.GetString()! : field.GetRawText(),
                op.ValueKind == JsonValueKind.String ? op.GetString()! : op.GetRawText(),
                value);
        }

        throw new JsonException("A condition is an object with 'all', 'any', 'not' or 'field'/'op'/'value'.");
    }

    private static List<Condition> ReadList(JsonElement array, string name)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"'{name}' takes an array of conditions.");
        }

        var conditions = new List<Condition>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            conditions.Add(FromElement(item));
        }

        return conditions;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case AllCondition a:
                WriteList(writer, "all", a.Conditions, options);
                break;
            case AnyCondition a:
                WriteList(writer, "any", a.Conditions, options);
                break;
            case NotCondition n:
                writer.WriteStartObject();
                writer.WritePropertyName("not");
                Write(writer, n.Inner, options);
                writer.WriteEndObject();
                break;
            case ComparisonCondition c:
                writer.WriteStartObject();
                writer.WriteString("field", c.Field);
                writer.WriteString("op", c.Op);
                writer.WritePropertyName("value");
                if (c.Value.ValueKind == JsonValueKind.Undefined)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    c.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new JsonException($"Unknown condition type {value?.GetType().Name}.");
        }
    }

    private void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<Condition> conditions, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            Write(writer, condition, options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
