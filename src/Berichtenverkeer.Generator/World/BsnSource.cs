namespace Berichtenverkeer.Generator.World;

/// <summary>
/// Hands out unique BSNs that pass the 11-test (CS002). Every 8-digit prefix has exactly one check digit that makes
/// the number valid, or none (when it would have to be 10): walking a permutation of prefixes therefore yields
/// unique valid numbers without bookkeeping. The first block is 999xxxxxx (about 91,000 numbers, the range used for
/// test persons); when a run needs more, the walk continues in 990xxxxxx–998xxxxxx. Those are synthetic numbers that
/// may coincide with a real person's BSN: never mix generated data with real data.
/// </summary>
internal sealed class BsnSource
{
    private static readonly (int First, int Count)[] Blocks = [(99_900_000, 100_000), (99_000_000, 900_000)];

    private readonly long[] _multipliers;
    private readonly long[] _offsets;
    private int _block;
    private long _step;

    public BsnSource(Rng rng)
    {
        _multipliers = new long[Blocks.Length];
        _offsets = new long[Blocks.Length];
        for (var i = 0; i < Blocks.Length; i++)
        {
            var count = Blocks[i].Count;
            long a;
            do
            {
                a = rng.Between(count / 3L, count - 1L);
            }
            while (Gcd(a, count) != 1);
            _multipliers[i] = a;
            _offsets[i] = rng.Between(0L, count - 1L);
        }
    }

    public int Issued { get; private set; }

    /// <summary>The next BSN as a number (nine digits when formatted with leading zeros; ours never need them).</summary>
    public int Next()
    {
        while (true)
        {
            var (first, count) = Blocks[_block];
            if (_step >= count)
            {
                if (++_block >= Blocks.Length)
                {
                    throw new InvalidOperationException("The generator ran out of synthetic BSNs (about 910,000 per run).");
                }

                _step = 0;
                continue;
            }

            var prefix = first + (int)(((_multipliers[_block] * _step) + _offsets[_block]) % count);
            _step++;
            if (CheckDigit(prefix) is { } check)
            {
                Issued++;
                return (prefix * 10) + check;
            }
        }
    }

    /// <summary>The ninth digit that makes <paramref name="prefix"/> (8 digits) pass the 11-test, or null.</summary>
    public static int? CheckDigit(int prefix)
    {
        var sum = 0;
        var p = prefix;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += weight * (p % 10);
            p /= 10;
        }

        var check = sum % 11;
        return check <= 9 ? check : null;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
