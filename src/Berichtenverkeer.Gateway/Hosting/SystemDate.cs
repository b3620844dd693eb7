namespace Berichtenverkeer.Gateway.Hosting;

/// <summary>The receiver's system date for level-4 rules (TR135): fixed for reproducible replays, else today in the Netherlands.</summary>
public sealed class SystemDate(DateOnly? fixedDate, TimeProvider clock)
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public DateOnly Value => fixedDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without tzdata: UTC differs from Dutch time by an hour or two around midnight only.
            return TimeZoneInfo.Utc;
        }
    }
}
