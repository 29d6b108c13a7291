namespace VendorRisk.Web.Features.Assessments;

public static class AssessmentsRegistration
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services
        .AddScoped<AssessmentList>()
        .AddScoped<AssessmentService>()
        .AddSingleton<IAssessmentStarter, NewAssessmentStarter>();

    /// <summary>The answers downloads (CSV and Excel).</summary>
    public static IEndpointRouteBuilder MapAssessments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAnswersCsv();
        endpoints.MapAnswersXlsx();
        return endpoints;
    }
}
