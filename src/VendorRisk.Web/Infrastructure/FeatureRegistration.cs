using VendorRisk.Web.Features.Api;

namespace VendorRisk.Web.Infrastructure;

/// <summary>Each feature's services, one line each.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddVendorRiskFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Features.Shared.QuestionSetDefinitions>();
        services.AddSingleton<Features.Scores.StoredScores>()
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, Features.Scores.StoredScoreInterceptor>();
        services.AddScoped<Features.Shared.AssessmentReader>().AddScoped<Features.Assessments.AssessmentList>();
        Features.ModelOfferings.ModelOfferingsRegistration.AddModelOfferings(services);
        Features.Vendors.VendorsRegistration.AddVendors(services);
        services.AddScoped<IDemoSeeder, Features.Demo.DemoDataSeeder>();
        services.AddUseCases(typeof(FeatureRegistration).Assembly);
        Features.Assessments.AssessmentsRegistration.AddAssessments(services);
        services.AddVendorRiskApi();
        Features.Findings.FindingsRegistration.AddFindings(services);
        Features.EvidenceFiles.EvidenceFilesRegistration.AddEvidenceFiles(services);
        services.AddScoped<Features.QuestionSets.QuestionSetService>().AddScoped<ISeeder, Features.QuestionSets.QuestionSetSeeder>();
        services.AddScoped<ISeeder, Features.Scores.StoredScoreBackfill>();
        Features.Compare.CompareRegistration.AddCompareReportsAndDashboard(services);
        Features.Portal.PortalRegistration.AddPortal(services);
        return services;
    }
}

public static class EndpointRegistration
{
    /// <summary>Each feature's HTTP endpoints (downloads, API), one line each.</summary>
    public static WebApplication MapVendorRiskEndpoints(this WebApplication app)
    {
        Features.Assessments.AnswersCsvExport.MapAnswersCsv(app);
        Features.Assessments.AnswersXlsx.MapAnswersXlsx(app);
        Features.Findings.FindingsCsvEndpoint.MapFindingsCsv(app);
        app.MapVendorRiskApi();
        Features.Reports.ReportEndpoints.MapReportDownloads(app);
        Features.EvidenceFiles.EvidenceFileEndpoints.MapEvidenceFileDownloads(app);
        Features.QuestionSets.QuestionSetSchemaEndpoint.Map(app);
        Features.Audit.AuditCsvExport.MapAuditCsv(app);
        Features.Portal.PortalEndpoints.MapPortal(app);
        return app;
    }
}
