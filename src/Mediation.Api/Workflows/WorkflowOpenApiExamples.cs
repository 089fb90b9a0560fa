using System.Text.Json.Nodes;
using Mediation.Workflows.Definitions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Mediation.Api.Workflows;

/// <summary>Endpoint metadata naming the example request body the OpenAPI document shows for the endpoint.</summary>
/// <param name="Kind">Which example.</param>
internal sealed record RequestExample(RequestExampleKind Kind);

/// <summary>The request bodies the workflow endpoints take.</summary>
internal enum RequestExampleKind
{
    /// <summary>A workflow definition (a shipped one).</summary>
    Definition,

    /// <summary>A simulation script.</summary>
    SimulationScript,

    /// <summary>A migration request.</summary>
    Migration,
}

/// <summary>Puts an example body into the OpenAPI document of every endpoint that carries <see cref="RequestExample"/>.</summary>
internal sealed class WorkflowRequestExamplesFilter(WorkflowRegistry registry) : IOperationFilter
{
    public const string SimulationScriptExample = """
        {
          "facts": {
            "category": "neighbour",
            "claimedAmount": 1000,
            "partyCount": 2,
            "channel": "online",
            "tags": [],
            "location": "150302001001",
            "filedAt": "2026-03-02T09:00:00+08:00",
            "receivedAt": null
          },
          "events": [
            { "event": "takenUp", "at": "2026-03-02T15:00:00+08:00" },
            { "event": "extensionGranted", "at": "2026-03-30T09:00:00+08:00", "extension": "P10D", "by": ["applicant", "respondent"] },
            { "event": "agreementReached", "after": "P5D", "agreementForm": "written", "effectiveAt": "2026-04-05T10:00:00+08:00" },
            { "event": "performed", "at": "2026-04-20T10:00:00+08:00" }
          ],
          "until": "2026-06-01T00:00:00+08:00"
        }
        """;

    public const string MigrationExample = """
        {
          "fromVersion": 1,
          "toVersion": 2,
          "stepMapping": { "village": "village", "township": "township", "district": "district", "follow-up": "follow-up" },
          "disputeIds": null,
          "dryRun": true
        }
        """;

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var example = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().FirstOrDefault();
        if (example is null || operation.RequestBody?.Content is not { } content)
        {
            return;
        }

        var json = example.Kind switch
        {
            RequestExampleKind.Definition => registry.Library.Definitions.FirstOrDefault(d => d.Definition is not null)?.Definition is { } definition
                ? WorkflowJson.Serialize(definition)
                : null,
            RequestExampleKind.SimulationScript => SimulationScriptExample,
            _ => MigrationExample,
        };
        if (json is null)
        {
            return;
        }

        foreach (var mediaType in content.Values.OfType<OpenApiMediaType>())
        {
            mediaType.Example = JsonNode.Parse(json);
        }
    }
}
