using Bunit;
using Mediation.Api.Components.Layout;
using Mediation.Api.Data.Entities;

namespace Mediation.Web.Tests.Components;

public sealed class NavMenuTests : ComponentTestContext
{
    [Theory]
    [InlineData(Roles.Resident, new[] { "nav-my-disputes", "nav-file" })]
    [InlineData(Roles.Mediator, new[] { "nav-workbench" })]
    [InlineData(Roles.OrganisationAdmin, new[] { "nav-workbench", "nav-organisations", "nav-dashboard" })]
    [InlineData(Roles.SystemAdmin, new[] { "nav-organisations", "nav-workflows", "nav-calendars", "nav-dashboard" })]
    public void Each_role_sees_exactly_its_areas(string role, string[] expected)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll("nav a").Select(a => a.GetAttribute("data-testid")).ToArray();
        Assert.Equal(expected, shown);
    }

    [Fact]
    public void Link_text_comes_from_the_Chinese_resources()
    {
        AddAuthorization().SetAuthorized("resident1").SetRoles(Roles.Resident);

        var menu = Render<NavMenu>();

        Assert.Equal("我的纠纷", menu.Find("[data-testid=nav-my-disputes]").TextContent);
    }

    [Fact]
    public void A_visitor_sees_no_areas()
    {
        AddAuthorization();

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("nav a"));
    }
}
