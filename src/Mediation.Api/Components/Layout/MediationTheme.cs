using MudBlazor;

namespace Mediation.Api.Components.Layout;

/// <summary>The palette: the blue of government service portals, with red kept for overdue and errors.</summary>
internal static class MediationTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#3c8d5a",
            AppbarBackground = "#1f5fa8",
            Error = "#c62828",
            Warning = "#ef6c00",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
