using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Mediation.Web.Tests.Components;

/// <summary>
/// A bUnit context with what the app's components expect: MudBlazor services, the app's resources (zh-CN unless a
/// test asks for English) and an authorization state the test sets.
/// </summary>
public abstract class ComponentTestContext : BunitContext
{
    private readonly CultureInfo previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo previousCulture = CultureInfo.CurrentCulture;

    protected ComponentTestContext(string culture = "zh-CN")
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = previousUiCulture;
        CultureInfo.CurrentCulture = previousCulture;
        base.Dispose(disposing);
    }
}
