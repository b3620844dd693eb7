namespace Berichtenverkeer.Audit.Sampling;

/// <summary>The precision a sample must reach; the size follows from it (<see cref="SampleSize.For"/>).</summary>
/// <param name="Confidence">Two-sided confidence level, e.g. 0.95.</param>
/// <param name="Margin">Half-width of the interval, as a proportion, e.g. 0.05.</param>
/// <param name="ExpectedProportion">The expected error rate; 0.5 (the default) gives the largest, safest size.</param>
public sealed record SamplePrecision(double Confidence, double Margin, double ExpectedProportion = 0.5)
{
    public void Validate()
    {
        if (!(Confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "The confidence is a proportion strictly between 0 and 1, e.g. 0.95.");
        }

        if (!(Margin is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "The margin is a proportion strictly between 0 and 1, e.g. 0.05.");
        }

        if (!(ExpectedProportion is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ExpectedProportion), ExpectedProportion, "The expected proportion lies strictly between 0 and 1; use 0.5 when unknown.");
        }
    }
}

/// <summary>
/// Sample size for estimating a proportion, by the normal approximation with finite population correction (Cochran):
/// <code>
/// z  = Φ⁻¹(1 − (1 − confidence) / 2)
/// n₀ = z² · p · (1 − p) / e²
/// n  = ⌈ n₀ / (1 + (n₀ − 1) / N) ⌉, at most N
/// </code>
/// e.g. N = 10,000, 95 %, e = 5 %, p = 0.5: z = 1.959964, n₀ = 384.15, n = 370.
/// </summary>
public static class SampleSize
{
    public static int For(int populationSize, SamplePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        ArgumentOutOfRangeException.ThrowIfNegative(populationSize);
        precision.Validate();
        if (populationSize == 0)
        {
            return 0;
        }

        var n0 = Initial(precision);
        var n = n0 / (1 + ((n0 - 1) / populationSize));

        // A hair of tolerance so floating-point noise on an exact integer does not add a unit.
        var size = (int)Math.Ceiling(n - 1e-9);
        return Math.Clamp(size, 1, populationSize);
    }

    /// <summary>n₀: the size for an infinite population.</summary>
    public static double Initial(SamplePrecision precision)
    {
        ArgumentNullException.ThrowIfNull(precision);
        var z = Z(precision.Confidence);
        var p = precision.ExpectedProportion;
        return z * z * p * (1 - p) / (precision.Margin * precision.Margin);
    }

    /// <summary>The two-sided critical value: Φ⁻¹(1 − (1 − confidence) / 2), e.g. 1.959964 for 0.95.</summary>
    public static double Z(double confidence) => NormalQuantile(1 - ((1 - confidence) / 2));

    /// <summary>
    /// Φ⁻¹(p), the standard normal quantile, by Wichura's algorithm AS 241 (PPND16, Applied Statistics 37, 1988),
    /// accurate to about 1e-16.
    /// </summary>
    public static double NormalQuantile(double p)
    {
        if (!(p is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1.");
        }

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * Poly(A, r) / Poly(B, r);
        }

        var s = Math.Sqrt(-Math.Log(q < 0 ? p : 1 - p));
        var value = s <= 5 ? Poly(C, s - 1.6) / Poly(D, s - 1.6) : Poly(E, s - 5) / Poly(F, s - 5);
        return q < 0 ? -value : value;
    }

    private static double Poly(double[] coefficients, double x)
    {
        var value = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            value = (value * x) + coefficients[i];
        }

        return value;
    }

    private static readonly double[] A =
    [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
        4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ];

    private static readonly double[] B =
    [
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3,
    ];

    private static readonly double[] C =
    [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0,
        1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ];

    private static readonly double[] D =
    [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9,
    ];

    private static readonly double[] E =
    [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1,
        2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ];

    private static readonly double[] F =
    [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15,
    ];
}
