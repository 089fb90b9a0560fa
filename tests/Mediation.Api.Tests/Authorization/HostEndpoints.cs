using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mediation.Api.Tests.Authorization;

/// <summary>
/// Every endpoint the host maps, read from its <see cref="EndpointDataSource"/>, as <c>"METHOD /route/{pattern}"</c>
/// keys (one per HTTP method; <c>ANY</c> when the endpoint takes every method). The matrix's rows come from here, so a
/// new endpoint shows up as a failing row until the matrix has a decision for it.
/// </summary>
internal static class HostEndpoints
{
    private static readonly Lazy<IReadOnlyList<string>> Discovered = new(Discover, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The endpoints of a host built for discovery only (no migrations, seeding or timers).</summary>
    public static IReadOnlyList<string> All => Discovered.Value;

    public static IReadOnlyList<string> Of(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>().Where(IsApiSurface).SelectMany(KeysOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    public static string Key(string method, string pattern)
    {
        var route = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
        return $"{method} {(route.StartsWith('/') ? route : "/" + route)}";
    }

    /// <summary>
    /// HTTP endpoints the service itself answers. Left out: the web UI's pages (their access is checked page by page in
    /// the web tests), Blazor's own circuit endpoints and static files, which carry no data.
    /// </summary>
    private static bool IsApiSurface(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
        var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null;
        var isStaticFile = endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor") || pattern.Contains(":file}", StringComparison.Ordinal);
        var isBlazorInfrastructure = pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("_blazor", StringComparison.Ordinal)
            || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("_framework", StringComparison.Ordinal);
        return !isPage && !isStaticFile && !isBlazorInfrastructure;
    }

    private static IEnumerable<string> KeysOf(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return methods is null || methods.Count == 0 ? [Key("ANY", pattern)] : methods.Select(m => Key(m, pattern));
    }

    private static IReadOnlyList<string> Discover()
    {
        using var factory = new DiscoveryFactory();
        return Of(factory.Services);
    }

    /// <summary>The real host's routes without its background work: mapping endpoints needs no database.</summary>
    private sealed class DiscoveryFactory : MediationApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        }
    }
}
