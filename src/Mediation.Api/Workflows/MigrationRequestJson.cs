using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Mediation.Api.Workflows;

/// <summary>
/// Reads a migration request strictly: unknown and repeated members, wrong types and missing members are each
/// reported at their JSON path in the caller's language.
/// </summary>
internal static class MigrationRequestJson
{
    /// <summary>At most this many dispute ids in one request.</summary>
    public const int MaxDisputeIds = 1_000;

    private static readonly string[] Members = ["fromVersion", "toVersion", "stepMapping", "disputeIds", "dryRun"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    public static (MigrationRequest? Request, Dictionary<string, string[]> Errors) Parse(string json, IStringLocalizer text)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
            {
                errors[path] = list = [];
            }

            list.Add("InvalidRequest: " + message);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            Error(exception.Path ?? "$", text["JsonSyntax", (exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1]);
            return (null, Freeze(errors));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("$", text["JsonExpected", text["JsonKindObject"]]);
                return (null, Freeze(errors));
            }

            foreach (var property in root.EnumerateObject())
            {
                if (Array.IndexOf(Members, property.Name) < 0)
                {
                    Error("$." + property.Name, text["JsonUnknownMember", property.Name, string.Join(", ", Members)]);
                }
            }

            int? Version(string name)
            {
                if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    Error("$." + name, text["JsonRequired", name]);
                    return null;
                }

                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version) && version > 0)
                {
                    return version;
                }

                Error("$." + name, text["JsonExpected", text["JsonKindVersion"]]);
                return null;
            }

            var from = Version("fromVersion");
            var to = Version("toVersion");

            Dictionary<string, string>? mapping = null;
            if (!root.TryGetProperty("stepMapping", out var map) || map.ValueKind == JsonValueKind.Null)
            {
                Error("$.stepMapping", text["JsonRequired", "stepMapping"]);
            }
            else if (map.ValueKind != JsonValueKind.Object)
            {
                Error("$.stepMapping", text["JsonExpected", text["JsonKindObject"]]);
            }
            else
            {
                mapping = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in map.EnumerateObject())
                {
                    if (pair.Value.ValueKind == JsonValueKind.String)
                    {
                        mapping[pair.Name] = pair.Value.GetString()!;
                    }
                    else
                    {
                        Error("$.stepMapping." + pair.Name, text["JsonExpected", text["JsonKindStepId"]]);
                    }
                }
            }

            List<Guid>? ids = null;
            if (root.TryGetProperty("disputeIds", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    Error("$.disputeIds", text["JsonExpected", text["JsonKindArray"]]);
                }
                else if (list.GetArrayLength() > MaxDisputeIds)
                {
                    Error("$.disputeIds", text["TooManyDisputes", MaxDisputeIds]);
                }
                else
                {
                    ids = [];
                    var i = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String && item.TryGetGuid(out var id))
                        {
                            ids.Add(id);
                        }
                        else
                        {
                            Error(string.Create(CultureInfo.InvariantCulture, $"$.disputeIds[{i}]"), text["JsonExpected", text["JsonKindGuid"]]);
                        }

                        i++;
                    }
                }
            }

            var dryRun = false;
            if (root.TryGetProperty("dryRun", out var dry) && dry.ValueKind != JsonValueKind.Null)
            {
                if (dry.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    dryRun = dry.GetBoolean();
                }
                else
                {
                    Error("$.dryRun", text["JsonExpected", text["JsonKindBoolean"]]);
                }
            }

            return errors.Count > 0 || from is null || to is null || mapping is null
                ? (null, Freeze(errors))
                : (new MigrationRequest(from.Value, to.Value, mapping, ids?.Distinct().ToList(), dryRun), Freeze(errors));
        }
    }

    private static Dictionary<string, string[]> Freeze(Dictionary<string, List<string>> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
