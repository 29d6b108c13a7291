namespace VendorRisk.Web.Features.Mail;

public static class MailRegistration
{
    /// <summary>Mail settings (checked here: a bad setting stops the start with its name), the outbox and its sender.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(MailSettings.Section).Get<MailSettings>() ?? new MailSettings();
        var problems = MailSettingsValidator.Problems(settings, builder.Environment.IsProduction());
        if (problems.Count > 0)
            throw new StartupConfigurationException("the mail settings are invalid: " + string.Join(" ", problems));

        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(settings);
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new MailPickupFolder(settings, sp.GetRequiredService<DatabaseLocation>(), contentRoot));
        services.AddSingleton<MimeMessageFactory>();
        if (settings.Delivery == MailDelivery.Smtp)
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        else
            services.AddSingleton<IMailTransport, PickupFolderMailTransport>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<OutboxSender>();
        services.AddScoped<WorkflowMails>();
        services.AddScoped<PortalMails>();
        services.AddScoped<MailPreferences>();
        services.AddScoped<OutboxAdmin>();
        if (settings.Sender.Enabled)
            services.AddHostedService<OutboxSenderService>();

        services.AddSingleton<Reminders.JobLeases>();
        services.AddScoped<Reminders.ReminderRunner>();
        services.AddScoped<Reminders.IReminderSource, Reminders.OverdueAssessmentReminders>();
        services.AddScoped<Reminders.IReminderSource, Reminders.FindingDueSoonReminders>();
        services.AddScoped<Reminders.IReminderSource, Reminders.ExpiringEvidenceReminders>();
        if (settings.Reminders.Enabled)
            services.AddHostedService<Reminders.ReminderService>();
        return builder;
    }
}
