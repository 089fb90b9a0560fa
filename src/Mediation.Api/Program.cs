using Mediation.Api.Auth;
using Mediation.Api.Court;
using Mediation.Api.Data;
using Mediation.Api.Endpoints;
using Mediation.Api.Figures;
using Mediation.Api.Infrastructure;
using Mediation.Api.Operability;
using Mediation.Api.Privacy;
using Mediation.Api.Notifications;
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
builder.AddCourtLinkage();
builder.AddPrivacy();
builder.AddOperability();
builder.AddAdminConsole();
builder.AddNotifications();
builder.AddResidents();
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
app.MapJudicialConfirmationApi();
app.MapPersonalDataApi();
app.MapNotificationsApi();
app.MapHotlineApi();
app.MapResidentsApi();
app.MapSessionsApi();
app.MapFiguresApi();
app.MapHealthChecks("/health");
app.MapOperability();
app.MapWebUi();

app.Run();
