using System.Globalization;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Command-line number lists: "300000001-300001000,12345678" and pairs "1234567=12345678,…".</summary>
internal static class NumberRanges
{
    public static IEnumerable<long> Parse(string text)
    {
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int dash = part.IndexOf('-');
            if (dash < 0) { yield return Number(part); continue; }
            long first = Number(part[..dash]), last = Number(part[(dash + 1)..]);
            if (last < first) throw new ArgumentException("Range ends before it starts: " + part);
            for (long n = first; n <= last; n++) yield return n;
        }
    }

    public static IEnumerable<(long Left, long Right)> ParsePairs(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p =>
        {
            var sides = p.Split('=');
            if (sides.Length != 2) throw new ArgumentException("Expected FORMER=CURRENT, not " + p);
            return (Number(sides[0]), Number(sides[1]));
        }).ToList();

    /// <summary>"312010=MAIN,312010=EAST@227523461": OCLC number = holding library code, optionally @ the LHR's control number.</summary>
    public static IEnumerable<(long OclcNumber, string LibraryCode, long? ControlNumber)> ParseLhrs(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p =>
        {
            var sides = p.Split('=');
            if (sides.Length != 2 || sides[1].Length == 0) throw new ArgumentException("Expected OCLCNUMBER=LIBRARY[@CONTROLNUMBER], not " + p);
            var library = sides[1].Split('@');
            return (Number(sides[0]), library[0], library.Length > 1 ? Number(library[1]) : (long?)null);
        }).ToList();

    private static long Number(string text) =>
        long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0
            ? n : throw new ArgumentException("Not an OCLC number: " + text);
}
