namespace Mediation.Api.Web.Workbench;

/// <summary>Who uses the workbench pages: mediators and organisation admins (the nav links it for both).</summary>
public static class WorkbenchAccess
{
    public const string Roles = Data.Entities.Roles.Mediator + "," + Data.Entities.Roles.OrganisationAdmin;
}
