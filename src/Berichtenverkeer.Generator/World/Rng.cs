namespace Berichtenverkeer.Generator.World;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Our own generator rather than <see cref="Random"/>, so that a seed gives
/// the same traffic on every .NET version and platform: byte-identical output is a tested promise.
/// </summary>
internal sealed class Rng
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public Rng(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for a sub-task, derived from this one and a label, so adding draws in one part
    /// of the simulation does not shift another.</summary>
    public Rng Fork(ulong label) => new(NextULong() ^ (label * 0x9E3779B97F4A7C15UL));

    public ulong NextULong()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 1)
        {
            return 0;
        }

        return (int)((NextULong() >> 33) * (ulong)maxExclusive >> 31);
    }

    /// <summary>Uniform in [minInclusive, maxInclusive].</summary>
    public int Between(int minInclusive, int maxInclusive) =>
        maxInclusive <= minInclusive ? minInclusive : minInclusive + Next(maxInclusive - minInclusive + 1);

    public long Between(long minInclusive, long maxInclusive) =>
        maxInclusive <= minInclusive ? minInclusive : minInclusive + (long)(NextULong() % (ulong)(maxInclusive - minInclusive + 1));

    public double Between(double min, double max) => min + (NextDouble() * (max - min));

    public bool Chance(double probability) => probability > 0 && NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Index into a cumulative weight table (ascending, last element = total).</summary>
    public int PickWeighted(double[] cumulative)
    {
        var target = NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    public static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var result = new double[weights.Count];
        double total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            result[i] = total;
        }

        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
