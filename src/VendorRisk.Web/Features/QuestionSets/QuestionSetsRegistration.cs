namespace VendorRisk.Web.Features.QuestionSets;

public static class QuestionSetsRegistration
{
    public static IServiceCollection AddQuestionSets(this IServiceCollection services) => services
        .AddScoped<QuestionSetService>()
        .AddScoped<ISeeder, QuestionSetSeeder>();

    public static WebApplication MapQuestionSets(this WebApplication app)
    {
        QuestionSetSchemaEndpoint.Map(app);
        return app;
    }
}
