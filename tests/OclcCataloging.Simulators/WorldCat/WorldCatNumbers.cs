namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Identifiers in paths and queries: OCLC numbers and LHR control numbers are 1 to 18 ASCII digits.</summary>
internal static class WorldCatNumbers
{
    public static bool TryParse(string text, out long number)
    {
        number = 0;
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) && long.TryParse(text, out number) && number > 0;
    }
}
