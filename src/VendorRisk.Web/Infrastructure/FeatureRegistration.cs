using VendorRisk.Web.Features.Account;
using VendorRisk.Web.Features.Api;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Audit;
using VendorRisk.Web.Features.Cli;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Features.Demo;
using VendorRisk.Web.Features.EvidenceFiles;
using VendorRisk.Web.Features.Findings;
using VendorRisk.Web.Features.ModelOfferings;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Features.Reports;
using VendorRisk.Web.Features.Scores;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Features.Users;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Infrastructure;

/// <summary>Each feature registers itself in its own <c>&lt;Feature&gt;Registration</c>; this only calls them.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddVendorRiskFeatures(this IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(MicrosecondTimeProvider.Default);
        services.AddUseCases(typeof(FeatureRegistration).Assembly);
        // Order matters only among seeders: question sets before the score back-fill, demo vendors before demo findings.
        return services
            .AddShared()
            .AddAccount()
            .AddUsers()
            .AddAudit()
            .AddTokens()
            .AddCli()
            .AddModelOfferings()
            .AddVendors()
            .AddDemo()
            .AddAssessments()
            .AddVendorRiskApi()
            .AddFindings()
            .AddEvidenceFiles()
            .AddQuestionSets()
            .AddScores()
            .AddCompare()
            .AddReports()
            .AddDashboard()
            .AddPortal();
    }
}

public static class EndpointRegistration
{
    /// <summary>Each feature's HTTP endpoints (sign-in, downloads, API, portal).</summary>
    public static WebApplication MapVendorRiskEndpoints(this WebApplication app)
    {
        app.MapAccount();
        app.MapAssessments();
        app.MapFindings();
        app.MapVendorRiskApi();
        app.MapReports();
        app.MapEvidenceFiles();
        app.MapQuestionSets();
        app.MapAudit();
        app.MapPortal();
        return app;
    }
}
