using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Endpoints;
using Mediation.Api.Infrastructure;
using Mediation.Api.Residents;
using Mediation.Api.Timers;
using Mediation.Api.Web;
using Mediation.Api.Workflows;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddPersistence();
builder.AddAuth();
builder.AddWorkflowEngine();
builder.AddDeadlineTimers();
builder.AddWebUi();
builder.AddResidents();

var app = builder.Build();

app.UseApiDefaults();
app.UseAuth();
app.MapAuthApi();
app.MapWorkflowsApi();
app.MapCalendarsApi();
app.MapOrganisationsApi();
app.MapDisputesApi();
app.MapDisputeActionsApi();
app.MapResidentsApi();
app.MapHealthChecks("/health");
app.MapWebUi();

app.Run();
