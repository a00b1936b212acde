namespace OclcCataloging.Simulators.IdLoc;

/// <summary>
/// Synthetic LC authority records served by the simulator. Identifiers are LCCN-shaped but made up
/// (names n99000001.., subjects sh99000001..); headings are real-world-like, with see-from (4XX) variants.
/// </summary>
public static class IdLocData
{
    private static IdLocHeading P(string tag, params (char, string)[] subfields) => new(tag, IndicatorsFor(tag), subfields);

    /// <summary>X00 surname form "1 ", X10 name in direct order "2 ", X30 "0" nonfiling characters.</summary>
    private static string IndicatorsFor(string tag) => tag.Substring(1) switch
    {
        "00" => "1 ",
        "10" => "2 ",
        "30" => " 0",
        _ => "  ",
    };

    public static IReadOnlyList<IdLocAuthority> Names { get; } = new IdLocAuthority[]
    {
        new("n99000001", "names", P("100", ('a', "Twain, Mark,"), ('d', "1835-1910")),
            P("400", ('a', "Clemens, Samuel Langhorne,"), ('d', "1835-1910")), P("400", ('a', "Snodgrass, Quintus Curtius,"), ('d', "1835-1910"))),
        new("n99000002", "names", P("100", ('a', "Mozart, Wolfgang Amadeus,"), ('d', "1756-1791")),
            P("400", ('a', "Mozart, Wolfgang Amadé,"), ('d', "1756-1791")), P("400", ('a', "Motsart, Volʹfgang Amadeĭ,"), ('d', "1756-1791"))),
        new("n99000003", "names", P("100", ('a', "Dvořák, Antonín,"), ('d', "1841-1904")),
            P("400", ('a', "Dvorak, Antonin,"), ('d', "1841-1904")), P("400", ('a', "Dvoržak, Antonin,"), ('d', "1841-1904"))),
        new("n99000004", "names", P("100", ('a', "Brontë, Charlotte,"), ('d', "1816-1855")),
            P("400", ('a', "Bell, Currer,"), ('d', "1816-1855"))),
        new("n99000005", "names", P("100", ('a', "Gödel, Kurt,"), ('d', "1906-1978")),
            P("400", ('a', "Goedel, Kurt,"), ('d', "1906-1978"))),
        new("n99000006", "names", P("100", ('a', "Sibelius, Jean,"), ('d', "1865-1957")),
            P("400", ('a', "Sibelius, Johan Julius Christian,"), ('d', "1865-1957"))),
        new("n99000007", "names", P("100", ('a', "Curie, Marie,"), ('d', "1867-1934")),
            P("400", ('a', "Skłodowska-Curie, Maria,"), ('d', "1867-1934"))),
        new("n99000008", "names", P("100", ('a', "Čapek, Karel,"), ('d', "1890-1938")),
            P("400", ('a', "Capek, Karel,"), ('d', "1890-1938"))),
        new("n99000009", "names", P("100", ('a', "García Márquez, Gabriel,"), ('d', "1927-2014")),
            P("400", ('a', "Márquez, Gabriel García,"), ('d', "1927-2014"))),
        new("n99000010", "names", P("100", ('a', "Tolstoy, Leo,"), ('c', "graf,"), ('d', "1828-1910")),
            P("400", ('a', "Tolstoĭ, Lev Nikolaevich,"), ('c', "graf,"), ('d', "1828-1910"))),
        new("n99000011", "names", P("100", ('a', "Austen, Jane,"), ('d', "1775-1817"))),
        new("n99000012", "names", P("100", ('a', "Shakespeare, William,"), ('d', "1564-1616")),
            P("400", ('a', "Shakspere, William,"), ('d', "1564-1616"))),
        new("n99000013", "names", P("100", ('a', "Beethoven, Ludwig van,"), ('d', "1770-1827"))),
        new("n99000014", "names", P("100", ('a', "Bach, Johann Sebastian,"), ('d', "1685-1750"))),
        new("n99000015", "names", P("100", ('a', "Mozart, Leopold,"), ('d', "1719-1787"))),
        new("n99000016", "names", P("100", ('a', "Mozart, Maria Anna,"), ('d', "1751-1829"))),
        new("n99000017", "names", P("100", ('a', "Dickens, Charles,"), ('d', "1812-1870")),
            P("400", ('a', "Boz,"), ('d', "1812-1870"))),
        new("n99000018", "names", P("100", ('a', "Smith, John,"), ('d', "1580-1631"))),
        new("n99000019", "names", P("100", ('a', "Smith, John,"), ('d', "1938-"))),
        new("n99000020", "names", P("100", ('a', "Smith, John,"), ('d', "1950-"))),
        new("n99000021", "names", P("110", ('a', "American Chemical Society")),
            P("410", ('a', "A.C.S."))),
        new("n99000022", "names", P("110", ('a', "Chemical Society (Great Britain)")),
            P("410", ('a', "Chemical Society of London"))),
        new("n99000023", "names", P("130", ('a', "Nibelungenlied")),
            P("430", ('a', "Nibelungen Lied"))),
    };

    public static IReadOnlyList<IdLocAuthority> Subjects { get; } = new IdLocAuthority[]
    {
        new("sh99000001", "subjects", P("150", ('a', "Civil rights")), P("450", ('a', "Basic rights")), P("450", ('a', "Rights, Civil"))),
        new("sh99000002", "subjects", P("150", ('a', "Cataloging")), P("450", ('a', "Cataloguing"))),
        new("sh99000003", "subjects", P("150", ('a', "Libraries")), P("450", ('a', "Library institutions"))),
        new("sh99000004", "subjects", P("150", ('a', "Authority files (Information retrieval)")), P("450", ('a', "Authority control (Information retrieval)"))),
        new("sh99000005", "subjects", P("150", ('a', "Computers")), P("450", ('a', "Computing machines (Computers)"))),
        new("sh99000006", "subjects", P("150", ('a', "Science fiction")), P("450", ('a', "Sci-fi"))),
        new("sh99000007", "subjects", P("151", ('a', "United States"), ('x', "History"), ('y', "Civil War, 1861-1865")),
            P("451", ('a', "American Civil War, 1861-1865"))),
        new("sh99000008", "subjects", P("150", ('a', "Folk music")), P("450", ('a', "Music, Folk"))),
        new("sh99000009", "subjects", P("150", ('a', "Civil war")), P("450", ('a', "Internal war"))),
        new("sh99000010", "subjects", P("150", ('a', "Civil engineering")), P("450", ('a', "Engineering, Civil"))),
        new("sh99000011", "subjects", P("150", ('a', "Crêpes")), P("450", ('a', "Crepes"))),
        new("sh99000012", "subjects", P("150", ('a', "Žižkov (Prague, Czech Republic)")), P("450", ('a', "Zizkov (Prague, Czech Republic)"))),
    };

    public static IEnumerable<IdLocAuthority> All => Names.Concat(Subjects);
}
