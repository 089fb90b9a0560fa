using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser;

/// <summary>Saves full-page screenshots under <c>artifacts/screenshots/</c> at the repository root (kept by CI as test artifacts).</summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string FindFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Mediation.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
    }
}
