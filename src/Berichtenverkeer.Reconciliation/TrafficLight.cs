using System.Text.Json.Serialization;

namespace Berichtenverkeer.Reconciliation;

/// <summary>The colour regions use for budget use (FR33). "unknown" when the provider has no budget for the year.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TrafficLight>))]
public enum TrafficLight
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("green")]
    Green,

    [JsonStringEnumMemberName("amber")]
    Amber,

    [JsonStringEnumMemberName("red")]
    Red,
}

/// <summary>
/// Thresholds as fractions of the budget (FR33; VNG contract standard art. 1.5.7): from <see cref="AmberFrom"/>
/// (inclusive, default 70 %) a warning, from <see cref="RedFrom"/> (inclusive, default 100 %) escalation.
/// </summary>
public sealed record TrafficLightOptions
{
    public decimal AmberFrom { get; init; } = 0.70m;

    public decimal RedFrom { get; init; } = 1.00m;

    /// <summary>
    /// The colour of <paramref name="usedCents"/> against <paramref name="budgetCents"/>, compared exactly
    /// (used ≥ threshold × budget). No budget: <see cref="TrafficLight.Unknown"/>. A budget of zero (or less) is
    /// spending room of nothing: red as soon as anything is used, else green.
    /// </summary>
    public TrafficLight Classify(long usedCents, long? budgetCents)
    {
        Validate();
        if (budgetCents is not { } budget)
        {
            return TrafficLight.Unknown;
        }

        if (budget <= 0)
        {
            return usedCents > 0 ? TrafficLight.Red : TrafficLight.Green;
        }

        decimal used = usedCents;
        return used >= RedFrom * budget ? TrafficLight.Red
            : used >= AmberFrom * budget ? TrafficLight.Amber
            : TrafficLight.Green;
    }

    /// <summary>Throws unless 0 ≤ AmberFrom ≤ RedFrom.</summary>
    public void Validate()
    {
        if (AmberFrom < 0 || RedFrom < AmberFrom)
        {
            throw new ArgumentException("TrafficLightOptions needs 0 <= AmberFrom <= RedFrom.");
        }
    }
}
