namespace VendorRisk.Web.Features.Cli;

/// <summary>
/// While the web app runs it holds an exclusive lock on <c>&lt;database&gt;.app-lock</c>, so
/// <c>restore</c> can tell that the database is in use (SQLite in WAL mode holds no lock while idle).
/// The command line builds the app without starting hosted services, so it never takes this lock.
/// </summary>
public sealed class AppRunningLock(DatabaseLocation location, ILogger<AppRunningLock> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockPathFor(string databasePath) => databasePath + ".app-lock";

    /// <summary>True when a running app holds the lock of this database.</summary>
    public static bool IsHeld(string databasePath)
    {
        var path = LockPathFor(databasePath);
        if (!File.Exists(path))
            return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!location.IsSqlite || location.FilePath == ":memory:")
            return Task.CompletedTask;
        try
        {
            _lock = new FileStream(LockPathFor(location.FilePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not take the app lock {Path}: {Message}. `restore` cannot detect that the app is running.", LockPathFor(location.FilePath), ex.Message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
