using VendorRisk.Web.Features.Mail.Reminders;

namespace VendorRisk.Web.Features.EvidenceFiles;

public static class EvidenceFilesRegistration
{
    public static IServiceCollection AddEvidenceFiles(this IServiceCollection services)
    {
        services.AddOptions<EvidenceFileOptions>().BindConfiguration(EvidenceFileOptions.Section)
            .Validate(o => o.QuotaBytes > 0, "VendorRisk:EvidenceFiles:QuotaBytes must be positive.");
        return services
            .AddScoped<EvidenceFileStore>()
            .AddScoped<EvidenceFileQueries>()
            .AddScoped<EvidenceReportData>()
            .AddScoped<UploadEvidenceFileValidator>().AddScoped<UploadEvidenceFileHandler>()
            .AddScoped<DeleteEvidenceFileHandler>()
            .AddScoped<IExpiringEvidenceQuery, EvidenceExpiryReminderQuery>();
    }

    public static IEndpointRouteBuilder MapEvidenceFiles(this IEndpointRouteBuilder endpoints) => endpoints.MapEvidenceFileDownloads();
}
