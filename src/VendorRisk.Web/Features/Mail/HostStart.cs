namespace VendorRisk.Web.Features.Mail;

internal static class HostStart
{
    /// <summary>
    /// Background jobs begin once the app has started: a start-up that fails (a port already in use) disposes the
    /// services under a job that is already running, without stopping it first. False when the app stops before that.
    /// </summary>
    public static async Task<bool> WaitUntilStartedAsync(this IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
