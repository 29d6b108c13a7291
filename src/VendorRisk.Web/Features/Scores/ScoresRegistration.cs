using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VendorRisk.Web.Features.Scores;

public static class ScoresRegistration
{
    /// <summary>Stored scores are kept current on every save, and back-filled once at start-up.</summary>
    public static IServiceCollection AddScores(this IServiceCollection services) => services
        .AddSingleton<StoredScores>()
        .AddSingleton<ISaveChangesInterceptor, StoredScoreInterceptor>()
        .AddScoped<ISeeder, StoredScoreBackfill>();
}
