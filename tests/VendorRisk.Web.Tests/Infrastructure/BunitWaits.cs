using System.Runtime.CompilerServices;
using Bunit;

namespace VendorRisk.Web.Tests.Infrastructure;

internal static class BunitWaits
{
    /// <summary>
    /// bUnit's <c>WaitFor*</c> give up after one second by default, a window a busy 2-core CI machine overruns while a
    /// page's first query is still on the thread pool. A wait still returns the moment its condition holds, so a longer
    /// limit only changes how long a real failure takes to report.
    /// </summary>
    [ModuleInitializer]
    internal static void AllowForABusyMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}
