using Mediation.Api.Auth;
using Mediation.Api.Data;
using Mediation.Api.Endpoints;
using Mediation.Api.Infrastructure;
using Mediation.Api.Notifications;
using Mediation.Api.Timers;
using Mediation.Api.Workflows;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiDefaults();
builder.AddPersistence();
builder.AddAuth();
builder.AddWorkflowEngine();
builder.AddDeadlineTimers();
builder.AddNotifications();

var app = builder.Build();

app.UseApiDefaults();
app.UseAuth();
app.MapAuthApi();
app.MapWorkflowsApi();
app.MapCalendarsApi();
app.MapOrganisationsApi();
app.MapDisputesApi();
app.MapDisputeActionsApi();
app.MapNotificationsApi();
app.MapHotlineApi();
app.MapHealthChecks("/health");

app.Run();
