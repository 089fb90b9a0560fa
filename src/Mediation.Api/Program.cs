using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Endpoints;
using Mediation.Api.Figures;
using Mediation.Api.Infrastructure;
using Mediation.Api.Timers;
using Mediation.Api.Web;
using Mediation.Api.Workflows;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddPersistence();
builder.AddAuth();
builder.AddWorkflowEngine();
builder.AddDeadlineTimers();
builder.AddAdminConsole();
builder.AddWebUi();

var app = builder.Build();

app.UseApiDefaults();
app.UseAuth();
app.MapAuthApi();
app.MapWorkflowsApi();
app.MapCalendarsApi();
app.MapOrganisationsApi();
app.MapDisputesApi();
app.MapDisputeActionsApi();
app.MapFiguresApi();
app.MapHealthChecks("/health");
app.MapWebUi();

app.Run();
