namespace Berichtenverkeer.Ijw.Catalog;

/// <summary>LDT_BurgerServicenummer and its 11-test (CS002, datatypes.md §2.8).</summary>
public static class Bsn
{
    /// <summary>
    /// True when <paramref name="bsn"/> is nine digits passing the 11-test.
    /// 000000000 passes the arithmetic but is refused: the spec leaves it open ([UNSURE]) and no person has it.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<char> bsn)
    {
        if (bsn.Length != 9)
        {
            return false;
        }

        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            var c = bsn[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            allZero &= digit == 0;
            sum += i < 8 ? (9 - i) * digit : -digit;
        }

        return !allZero && sum % 11 == 0;
    }
}
