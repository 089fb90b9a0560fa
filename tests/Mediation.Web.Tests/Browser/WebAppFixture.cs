using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Mediation.Web.Tests.Browser;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port), over its own SQLite file with the demo city, and Debian's
/// Chromium driven by Playwright. Tests never download a browser: the executable is <c>/usr/bin/chromium</c>
/// (override with <c>MEDIATION_CHROMIUM</c>), which the README's test command installs.
/// </summary>
public sealed class WebAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Mediation!2026";

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "mediation-web-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The address the host listens on, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public WebAppFixture()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        builder.UseSetting("Database:DataFolder", dataFolder);
        builder.UseSetting("Seed:Demo", "true");
        // The venue of the demo district's judicial confirmations (民事诉讼法 Art. 205), as in Development.
        builder.UseSetting("Court:Courts:150302:Code", "DEMO-150302");
        builder.UseSetting("Court:Courts:150302:Name", "乌海市海勃湾区人民法院");
        // Outside Development the host serves package assets (_content/MudBlazor, _framework/blazor.web.js), the app's CSS
        // and the designer bundle only through the build output's static web assets manifest: load it, so pages in the
        // browser tests look and behave as they do when published.
        builder.UseStaticWebAssets();
    }

    public async Task InitializeAsync()
    {
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MEDIATION_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        });
    }

    /// <summary>A new browser context (own cookies) at <see cref="BaseAddress"/>; phone-sized when <paramref name="phone"/>.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = "zh-CN",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1440, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = phone ? 2 : 1,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page as <paramref name="userName"/> and waits for the landing page.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("login-username").FillAsync(userName);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataFolder))
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}

/// <summary>One host and browser for every browser test class: starting Chromium and the host once keeps the run short.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<WebAppFixture>
{
    public const string Name = "browser";
}
