namespace VendorRisk.Web.Features.Findings;

public static class FindingsRegistration
{
    public static IServiceCollection AddFindings(this IServiceCollection services) => services
        .AddScoped<ActiveUsers>()
        .AddScoped<FindingQueries>()
        .AddScoped<FindingReportData>()
        .AddScoped<RaiseFindingValidator>().AddScoped<RaiseFindingHandler>()
        .AddScoped<RaiseFindingsInBulkValidator>().AddScoped<RaiseFindingsInBulkHandler>()
        .AddScoped<UpdateFindingValidator>().AddScoped<UpdateFindingHandler>()
        .AddScoped<AcceptKnockoutRiskValidator>().AddScoped<AcceptKnockoutRiskHandler>()
        .AddScoped<RevokeKnockoutRiskValidator>().AddScoped<RevokeKnockoutRiskHandler>()
        .AddScoped<Infrastructure.IDemoSeeder, Demo.DemoFindingsSeeder>();
}
