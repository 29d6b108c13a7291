namespace VendorRisk.Domain.Common;

/// <summary>
/// The range a date a person gives must fall in, one rule for every date field: nothing before 2000, a plan at most
/// ten years ahead (an evidence file's "valid until", a finding's due date), and a fact no later than today (the date
/// of evidence: a future one would count as current for ever, scoring.md §5).
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public const int MaxYearsAhead = 10;

    /// <summary>A day of slack for a user whose "today" is already tomorrow in UTC.</summary>
    public const int TimeZoneSlackDays = 1;

    public const string PlannedDateMessage = "Give a date from 2000 up to ten years ahead.";
    public const string PastDateMessage = "Give a date from 2000 up to today.";

    /// <summary>Today in UTC, the day every date rule counts from.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The latest date a plan (a due date, a "valid until") made on <paramref name="today"/> may name.</summary>
    public static DateOnly LatestPlanned(DateOnly today) => today.AddYears(MaxYearsAhead);

    public static bool IsPlannedDate(DateOnly date, DateOnly today) => date >= Earliest && date <= LatestPlanned(today);

    public static bool IsPastDate(DateOnly date, DateOnly today) => date >= Earliest && date <= today.AddDays(TimeZoneSlackDays);
}
