using Mediation.Api.Disputes.Ratings;
using Mediation.Api.Endpoints;

namespace Mediation.Api.Residents;

/// <summary>The resident portal's services and API: registration and service ratings (the pages are in <c>Components/Resident</c>).</summary>
internal static class ResidentExtensions
{
    public static IHostApplicationBuilder AddResidents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResidentRegistration>();
        builder.Services.AddScoped<ServiceRatings>();
        return builder;
    }

    public static IEndpointRouteBuilder MapResidentsApi(this IEndpointRouteBuilder app)
    {
        app.MapRegistrationApi();
        app.MapRatingsApi();
        return app;
    }
}
