using Mediation.Api.Endpoints;
using Mediation.Api.Infrastructure;
using Mediation.Api.Workflows;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddWorkflowEngine();

var app = builder.Build();

app.UseApiDefaults();
app.MapWorkflowsApi();
app.MapCalendarsApi();
app.MapHealthChecks("/health");

app.Run();
