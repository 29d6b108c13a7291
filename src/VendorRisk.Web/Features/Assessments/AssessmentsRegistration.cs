namespace VendorRisk.Web.Features.Assessments;

public static class AssessmentsRegistration
{
    public static IServiceCollection AddAssessments(this IServiceCollection services) => services
        .AddScoped<AssessmentService>();
}
