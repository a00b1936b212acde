using System;
using System.Globalization;
using System.Text;
using OclcCataloging.Marc;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// Makes realistic UTF-8 MARC 21 bibliographic records, deterministically from a seed: the field mix of
    /// OCLC/ILS bibs (001 ocm/ocn/on, 003 OCoLC, 005, 008, 010, 020, 035, 040, 041, 050, 082, 1XX, 245, 246,
    /// 250, 260/264, 300, 33X, 490/830, 5XX, 6XX with $0 URIs, 7XX, 776, 856, local 9XX), about 18 fields and
    /// 940 bytes per record like Evergreen/jazz_1k.mrc, and about 10% of records with non-ASCII text.
    /// </summary>
    internal sealed class RecordGenerator
    {
        private readonly Random _rnd;
        private long _ordinal;

        public RecordGenerator(int seed)
        {
            // new Random(int) uses the legacy, documented-stable algorithm: same seed, same file, on every runtime.
            _rnd = new Random(seed);
        }

        private static readonly string[] Surnames =
        {
            "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
            "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
            "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
            "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins",
            "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
            "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
            "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Lovano", "Ellington",
            "Montgomery", "Coltrane", "Davis", "Monk", "Parker", "Mingus", "Basie", "Holiday", "Fitzgerald",
        };

        private static readonly string[] Forenames =
        {
            "John", "Mary", "Robert", "Patricia", "Michael", "Linda", "William", "Elizabeth", "David", "Barbara",
            "Richard", "Susan", "Joseph", "Jessica", "Charles", "Sarah", "Thomas", "Karen", "Christopher", "Nancy",
            "Daniel", "Margaret", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Dorothy", "Donald", "Sandra",
            "Paul", "Ashley", "Steven", "Kimberly", "Andrew", "Donna", "Kenneth", "Emily", "Joshua", "Carol",
            "George", "Michelle", "Kevin", "Amanda", "Brian", "Melissa", "Edward", "Deborah", "Ronald", "Helen",
        };

        // Names with diacritics and other scripts, used for the ~10% of non-ASCII records.
        private static readonly string[] ForeignNames =
        {
            "Dvořák, Antonín,", "Müller, Jürgen,", "Łukasiewicz, Jan,", "Gómez, José María,", "Brontë, Charlotte,",
            "García Márquez, Gabriel,", "Schönberg, Arnold,", "Sienkiewicz, Henryk,", "Janáček, Leoš,", "Ibáñez, Vicente Blasco,",
            "Ørsted, Hans Christian,", "Çelik, Ayşe,", "Nguyễn, Văn Thắng,", "Достоевский, Фёдор Михайлович,",
            "Толстой, Лев Николаевич,", "Чехов, Антон Павлович,", "村上, 春樹,", "魯迅,", "김, 영하,", "Bartók, Béla,",
            "Fauré, Gabriel,", "Zoë, Chloé,", "Kieślowski, Krzysztof,", "Ştefănescu, Ion,",
        };

        private static readonly string[] ForeignTitles =
        {
            "Symfonie č. 9 e moll \"Z Nového světa\"", "Über die Grenzen der Erkenntnis", "Zbrodnia i kara",
            "Cien años de soledad", "Преступление и наказание", "Война и мир", "ノルウェイの森", "阿Q正传",
            "La société française à l'époque moderne", "Straße der Erinnerung", "Ögretmenin kitabı",
            "Historia de la música en España", "Współczesna poezja polska", "Les misérables", "Vũ khúc mùa thu",
        };

        private static readonly string[] TitleWords =
        {
            "history", "music", "jazz", "introduction", "guide", "theory", "practice", "American", "modern", "world",
            "art", "science", "politics", "education", "culture", "society", "economics", "language", "literature",
            "philosophy", "religion", "war", "peace", "family", "children", "women", "health", "medicine", "law",
            "government", "nature", "environment", "climate", "water", "city", "landscape", "architecture", "design",
            "technology", "computers", "data", "information", "libraries", "cataloging", "memory", "identity",
            "migration", "labor", "industry", "railroads", "ocean", "river", "mountains", "birds", "gardens",
            "cooking", "poetry", "stories", "essays", "letters", "selected", "collected", "complete", "new", "early",
        };

        private static readonly string[] Places =
        {
            "New York", "London", "Chicago", "Boston", "Philadelphia", "San Francisco", "Los Angeles", "Oxford",
            "Cambridge", "Toronto", "Washington, D.C.", "Berkeley", "Princeton", "Minneapolis", "Dublin, Ohio",
            "Hollywood, CA", "New Haven", "Baltimore", "Ann Arbor", "Seattle",
        };

        private static readonly string[] Publishers =
        {
            "Oxford University Press", "Penguin Books", "Random House", "HarperCollins", "Simon & Schuster",
            "Cambridge University Press", "Routledge", "W.W. Norton & Company", "Blue Note", "Riverside Records",
            "University of Chicago Press", "MIT Press", "Princeton University Press", "Yale University Press",
            "Libraries Unlimited", "American Library Association", "Scholastic", "Little, Brown and Company",
            "Vintage Books", "Wiley", "Springer", "Palgrave Macmillan", "Bloomsbury Academic", "Greenwood Press",
        };

        private static readonly string[] Subjects =
        {
            "Jazz", "Music", "Libraries", "Cataloging", "Education, Higher", "World War, 1939-1945",
            "United States", "Women", "Children's literature", "Computer programming", "Climatic changes",
            "Political science", "Economic history", "Art, Modern", "Architecture", "Poetry", "Short stories",
            "Authors, American", "Immigrants", "Railroads", "Birds", "Cooking", "Gardening", "Philosophy",
            "Religion", "Medicine", "Public health", "Law", "Civil rights", "Labor unions", "Photography",
        };

        private static readonly string[] Subdivisions =
        {
            "History", "Criticism and interpretation", "Social aspects", "Political aspects", "Study and teaching",
            "Biography", "Economic aspects", "Religious aspects", "Philosophy", "Research", "Law and legislation",
            "Influence", "Management", "Technological innovations",
        };

        private static readonly string[] Geographic =
        {
            "United States", "Great Britain", "France", "Germany", "Canada", "Japan", "China", "Mexico", "Italy",
            "New York (State)", "California", "Ohio", "Europe", "Africa", "Latin America", "Russia (Federation)",
        };

        private static readonly string[] FormSubdivisions =
        {
            "Juvenile literature", "Bibliography", "Handbooks, manuals, etc", "Periodicals", "Congresses",
            "Fiction", "Pictorial works", "Scores", "Biography", "Dictionaries", "Sources",
        };

        private static readonly string[] Centuries =
        {
            "19th century", "20th century", "21st century", "18th century", "1945-", "1939-1945", "1865-1900",
        };

        private static readonly string[] Series =
        {
            "Studies in American history", "Oxford world's classics", "Penguin classics", "Original jazz classics",
            "A very short introduction", "Library and information science text series", "Lecture notes in computer science",
            "Cambridge studies in social anthropology", "New approach to jazz improvisation", "Routledge studies in modern history",
        };

        private static readonly string[] Corporate =
        {
            "Library of Congress", "Online Computer Library Center", "American Library Association",
            "United States. Congress. House", "Smithsonian Institution", "Metropolitan Opera (New York, N.Y.)",
            "Caribbean Jazz Project", "Modern Jazz Quartet", "National Research Council (U.S.)", "UNESCO",
        };

        private static readonly string[] Languages = { "eng", "eng", "eng", "eng", "eng", "eng", "fre", "ger", "spa", "ita", "rus", "jpn", "chi", "pol" };

        private static readonly string[] LocalLocations = { "MAIN", "BRANCH", "HUNT-AUDIO", "STACKS", "REF", "JUV", "ARCHIVES" };

        public MarcRecord Next()
        {
            _ordinal++;
            bool foreign = _rnd.Next(10) == 0; // ~10% with non-ASCII text
            char type = Pick('a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'j', 'g', 'e', 'i');
            char level = _rnd.Next(20) == 0 ? 's' : 'm';
            bool rda = _rnd.Next(10) < 5;
            var rec = new MarcRecord(new Leader("00000n" + type + level + " a2200000" + (rda ? " i " : " a ") + "4500"));

            int year = 1950 + _rnd.Next(75);
            string lang = foreign ? Languages[_rnd.Next(Languages.Length)] : (_rnd.Next(12) == 0 ? Languages[_rnd.Next(Languages.Length)] : "eng");

            // 001 / 003 / 005 / 008
            long oclc = 1000 + (_ordinal * 7919 + _rnd.Next(7919)) % 2_000_000_000L;
            string ocn = oclc < 100_000_000 ? "ocm" + oclc.ToString("D8", CultureInfo.InvariantCulture)
                : oclc < 1_000_000_000 ? "ocn" + oclc.ToString(CultureInfo.InvariantCulture)
                : "on" + oclc.ToString(CultureInfo.InvariantCulture);
            rec.AddControlField("001", ocn);
            rec.AddControlField("003", "OCoLC");
            int entered = Math.Max(year, 1975) + _rnd.Next(3);
            if (entered > 2025) entered = 2025;
            rec.AddControlField("005", string.Format(CultureInfo.InvariantCulture, "{0:D4}{1:D2}{2:D2}{3:D2}{4:D2}{5:D2}.0",
                2000 + _rnd.Next(25), 1 + _rnd.Next(12), 1 + _rnd.Next(28), _rnd.Next(24), _rnd.Next(60), _rnd.Next(60)));
            string place = Pick("nyu", "enk", "ilu", "mau", "cau", "xxu", "onc", "fr ", "gw ", "ru ", "ja ", "cc ");
            string f008 = string.Format(CultureInfo.InvariantCulture, "{0:D2}{1:D2}{2:D2}s{3:D4}    {4}",
                entered % 100, 1 + _rnd.Next(12), 1 + _rnd.Next(28), year, place)
                + Pick("      b    001 0 ", "           000 1 ", "a     b    001 0 ", "|||||||||||||||||", "     o     000 0 ")
                + lang + Pick(" d", "  ", " c");
            rec.AddControlField("008", f008.Substring(0, 40));

            if (Chance(20)) rec.AddDataField("010", "  ", "a", string.Format(CultureInfo.InvariantCulture, "  {0:D4}{1:D6}", year, _rnd.Next(1000000)));
            if (type == 'a' && Chance(65))
            {
                int n = Chance(30) ? 2 : 1;
                for (int i = 0; i < n; i++)
                {
                    var f = rec.AddDataField("020", "  ", "a", Isbn13());
                    if (Chance(50)) f.AddSubfield('q', Pick("hardcover", "paperback", "electronic bk.", "pbk.", "alk. paper"));
                }
            }
            rec.AddDataField("035", "  ", "a", "(OCoLC)" + oclc.ToString(CultureInfo.InvariantCulture));
            var f040 = rec.AddDataField("040", "  ", "a", Pick("DLC", "OCLCQ", "YDX", "BTCTA", "UKMGB"), "b", "eng");
            if (rda) f040.AddSubfield('e', "rda");
            f040.AddSubfield('c', Pick("DLC", "OCLCO", "YDX"));
            int mods = _rnd.Next(4);
            for (int i = 0; i < mods; i++) f040.AddSubfield('d', Pick("OCLCQ", "OCLCF", "OCLCO", "BTCTA", "YDXCP", "UtOrBLW"));
            if (lang != "eng" && Chance(60)) rec.AddDataField("041", "1 ", "a", lang, "h", Pick("eng", "fre", "ger"));
            if (Chance(70))
            {
                rec.AddDataField("050", " 4", "a", string.Format(CultureInfo.InvariantCulture, "{0}{1}{2}",
                    Pick("ML", "PS", "QA", "HD", "Z", "E", "PN", "BF", "TK", "N"), 1 + _rnd.Next(9000), Chance(50) ? "." + (1 + _rnd.Next(99)) : ""),
                    "b", string.Format(CultureInfo.InvariantCulture, ".{0}{1} {2}", (char)('A' + _rnd.Next(26)), 10 + _rnd.Next(90), year));
            }
            if (Chance(50)) rec.AddDataField("082", "04", "a", string.Format(CultureInfo.InvariantCulture, "{0:D3}.{1}", _rnd.Next(1000), _rnd.Next(1000)), "2", "23");

            // Main entry
            string author;
            string authorDisplay;
            if (foreign && Chance(70))
            {
                author = ForeignNames[_rnd.Next(ForeignNames.Length)];
                authorDisplay = author.TrimEnd(',');
            }
            else
            {
                string sur = Surnames[_rnd.Next(Surnames.Length)];
                string fore = Forenames[_rnd.Next(Forenames.Length)];
                author = sur + ", " + fore + (Chance(40) ? " " + (char)('A' + _rnd.Next(26)) + ".," : ",");
                authorDisplay = fore + " " + sur;
            }
            bool hasMain = Chance(85);
            if (hasMain)
            {
                if (Chance(90))
                {
                    var f = rec.AddDataField("100", "1 ", "a", author);
                    if (Chance(50)) f.AddSubfield('d', (1900 + _rnd.Next(80)).ToString(CultureInfo.InvariantCulture) + "-");
                    if (rda) f.AddSubfield('e', Pick("author.", "composer.", "editor.", "performer."));
                    if (Chance(25)) f.AddSubfield('0', "http://id.loc.gov/authorities/names/n" + (79000000 + _rnd.Next(20000000)).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    rec.AddDataField("110", "2 ", "a", Corporate[_rnd.Next(Corporate.Length)] + ".");
                }
            }

            // Title
            string title = foreign && Chance(70) ? ForeignTitles[_rnd.Next(ForeignTitles.Length)] : Phrase(1, 5, capitalize: true);
            bool hasSub = Chance(60);
            var f245 = rec.AddDataField("245", (hasMain ? "1" : "0") + (title.StartsWith("The ", StringComparison.Ordinal) ? "4" : "0"), "a", title + (hasSub ? " :" : " /"));
            if (hasSub) f245.AddSubfield('b', Phrase(2, 6, capitalize: false) + " /");
            f245.AddSubfield('c', (Chance(30) ? "edited by " : "") + authorDisplay + (Chance(30) ? " ; with an introduction by " + Forenames[_rnd.Next(Forenames.Length)] + " " + Surnames[_rnd.Next(Surnames.Length)] : "") + ".");
            if (Chance(15)) rec.AddDataField("246", "30", "a", Phrase(2, 5, capitalize: true));
            if (Chance(25)) rec.AddDataField("250", "  ", "a", Pick("First edition.", "2nd ed.", "Revised edition.", "Third edition.", "First paperback edition."));

            // Publication
            string pub = Publishers[_rnd.Next(Publishers.Length)];
            string city = Places[_rnd.Next(Places.Length)];
            if (rda) rec.AddDataField("264", " 1", "a", city + " :", "b", pub + ",", "c", "[" + year.ToString(CultureInfo.InvariantCulture) + "]");
            else rec.AddDataField("260", "  ", "a", city + " :", "b", pub + ",", "c", "c" + year.ToString(CultureInfo.InvariantCulture) + ".");
            if (rda && Chance(40)) rec.AddDataField("264", " 4", "c", (foreign ? "©" : "c") + year.ToString(CultureInfo.InvariantCulture));

            // Physical description
            var f300 = type == 'j' || type == 'i'
                ? rec.AddDataField("300", "  ", "a", "1 audio disc :", "b", "digital ;", "c", "4 3/4 in.")
                : rec.AddDataField("300", "  ", "a", Pick("xii, ", "xv, ", "ix, ", "") + (50 + _rnd.Next(800)).ToString(CultureInfo.InvariantCulture) + " pages :", "b", Pick("illustrations ;", "illustrations, maps ;", "color illustrations ;", "music ;"), "c", (18 + _rnd.Next(14)).ToString(CultureInfo.InvariantCulture) + " cm");
            if (rda)
            {
                rec.AddDataField("336", "  ", "a", type == 'j' || type == 'i' ? "performed music" : "text", "b", type == 'j' || type == 'i' ? "prm" : "txt", "2", "rdacontent");
                rec.AddDataField("337", "  ", "a", type == 'j' || type == 'i' ? "audio" : "unmediated", "b", type == 'j' || type == 'i' ? "s" : "n", "2", "rdamedia");
                rec.AddDataField("338", "  ", "a", type == 'j' || type == 'i' ? "audio disc" : "volume", "b", type == 'j' || type == 'i' ? "sd" : "nc", "2", "rdacarrier");
            }
            string? series = null;
            if (Chance(20))
            {
                series = Series[_rnd.Next(Series.Length)];
                rec.AddDataField("490", "1 ", "a", series + " ;", "v", (1 + _rnd.Next(150)).ToString(CultureInfo.InvariantCulture));
            }

            // Notes
            if (Chance(35)) rec.AddDataField("500", "  ", "a", Pick("Includes index.", "Title from cover.", "\"A Borzoi book.\"", "Originally published: " + (year - 10 - _rnd.Next(30)).ToString(CultureInfo.InvariantCulture) + ".", "Translation of: " + Phrase(2, 5, true) + "."));
            if (Chance(30)) rec.AddDataField("504", "  ", "a", "Includes bibliographical references (pages " + (200 + _rnd.Next(300)).ToString(CultureInfo.InvariantCulture) + "-" + (510 + _rnd.Next(100)).ToString(CultureInfo.InvariantCulture) + ") and index.");
            if (Chance(15))
            {
                // Contents notes: sometimes long (several hundred bytes).
                var sb = new StringBuilder();
                int parts = Chance(30) ? 12 + _rnd.Next(12) : 3 + _rnd.Next(8);
                for (int i = 0; i < parts; i++)
                {
                    if (i > 0) sb.Append(" -- ");
                    sb.Append(Phrase(1, 5, capitalize: true));
                }
                sb.Append('.');
                rec.AddDataField("505", "0 ", "a", sb.ToString());
            }
            if (Chance(16)) rec.AddDataField("520", "  ", "a", Sentence(8, 24));
            if (foreign && lang != "eng" && Chance(50)) rec.AddDataField("546", "  ", "a", "Text in " + Pick("French", "German", "Russian", "Japanese", "Polish", "Spanish") + ".");

            // Subjects
            int subjects = Chance(40) ? 1 : Chance(58) ? 2 : 3;
            for (int i = 0; i < subjects; i++)
            {
                int kind = _rnd.Next(10);
                DataField f;
                if (kind == 0)
                {
                    f = rec.AddDataField("600", "10", "a", Surnames[_rnd.Next(Surnames.Length)] + ", " + Forenames[_rnd.Next(Forenames.Length)] + ",", "d", (1800 + _rnd.Next(150)).ToString(CultureInfo.InvariantCulture) + "-" + (1900 + _rnd.Next(100)).ToString(CultureInfo.InvariantCulture));
                }
                else if (kind == 1)
                {
                    f = rec.AddDataField("651", " 0", "a", Geographic[_rnd.Next(Geographic.Length)]);
                }
                else
                {
                    f = rec.AddDataField("650", Chance(85) ? " 0" : " 7", "a", Subjects[_rnd.Next(Subjects.Length)]);
                }
                if (Chance(50)) f.AddSubfield('x', Subdivisions[_rnd.Next(Subdivisions.Length)]);
                if (Chance(25)) f.AddSubfield('z', Geographic[_rnd.Next(Geographic.Length)]);
                if (Chance(25)) f.AddSubfield('y', Centuries[_rnd.Next(Centuries.Length)]);
                if (Chance(30)) f.AddSubfield('v', FormSubdivisions[_rnd.Next(FormSubdivisions.Length)] + ".");
                if (f.Indicator2 == '7') f.AddSubfield('2', "fast");
                if (Chance(35))
                {
                    f.AddSubfield('0', f.Indicator2 == '7'
                        ? "(OCoLC)fst" + _rnd.Next(2000000).ToString("D8", CultureInfo.InvariantCulture)
                        : "http://id.loc.gov/authorities/subjects/sh" + (85000000 + _rnd.Next(15000000)).ToString(CultureInfo.InvariantCulture));
                }
            }

            // Added entries
            int added = _rnd.Next(10) < 6 ? 0 : 1 + _rnd.Next(2);
            for (int i = 0; i < added; i++)
            {
                var f = foreign && Chance(50)
                    ? rec.AddDataField("700", "1 ", "a", ForeignNames[_rnd.Next(ForeignNames.Length)])
                    : rec.AddDataField("700", "1 ", "a", Surnames[_rnd.Next(Surnames.Length)] + ", " + Forenames[_rnd.Next(Forenames.Length)] + ",");
                if (rda) f.AddSubfield('e', Pick("editor.", "translator.", "illustrator.", "performer.", "writer of introduction."));
            }
            if (Chance(15)) rec.AddDataField("710", "2 ", "a", Corporate[_rnd.Next(Corporate.Length)] + ".");
            if (Chance(10)) rec.AddDataField("776", "08", "i", "Online version:", "a", author.TrimEnd(','), "t", title + ".", "d", city + " : " + pub + ", " + year.ToString(CultureInfo.InvariantCulture), "w", "(OCoLC)" + (oclc + 17).ToString(CultureInfo.InvariantCulture));
            if (series != null) rec.AddDataField("830", " 0", "a", series + ".");
            if (Chance(20)) rec.AddDataField("856", "41", "u", "https://catalog.example.org/record/" + oclc.ToString(CultureInfo.InvariantCulture) + (Chance(50) ? "?format=pdf&lang=" + lang : ""), "z", Pick("Connect to resource", "Table of contents", "Publisher description"));

            // Local fields
            if (Chance(30))
            {
                int copies = Chance(20) ? 2 : 1;
                for (int i = 0; i < copies; i++)
                {
                    rec.AddDataField("949", "  ", "a", (1000 + _rnd.Next(9000)).ToString(CultureInfo.InvariantCulture), "w", "LC",
                        "i", "3000700" + _rnd.Next(10000000).ToString("D7", CultureInfo.InvariantCulture), "r", "Y",
                        "l", LocalLocations[_rnd.Next(LocalLocations.Length)], "m", "MAIN", "t", Pick("BOOK", "SOUND", "SCORE", "DVD"));
                }
            }
            if (Chance(15)) rec.AddDataField("994", "  ", "a", "C0", "b", Pick("ZCU", "XYZ", "DLC", "OCL"));
            return rec;
        }

        private bool Chance(int percent) => _rnd.Next(100) < percent;

        private T Pick<T>(params T[] items) => items[_rnd.Next(items.Length)];

        private string Phrase(int min, int max, bool capitalize)
        {
            int n = min + _rnd.Next(max - min + 1);
            var sb = new StringBuilder();
            if (capitalize && Chance(20)) sb.Append("The ");
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append(i == n - 1 && Chance(20) ? " and " : Chance(10) ? " of " : " ");
                sb.Append(TitleWords[_rnd.Next(TitleWords.Length)]);
            }
            if (capitalize && sb.Length > 0 && char.IsLower(sb[0])) sb[0] = char.ToUpperInvariant(sb[0]);
            return sb.ToString();
        }

        private string Sentence(int min, int max)
        {
            int n = min + _rnd.Next(max - min + 1);
            var sb = new StringBuilder(Phrase(3, 6, capitalize: true));
            int words = 0;
            while (words < n)
            {
                sb.Append(Pick(", ", " ", " ", "; ", ". ")).Append(Phrase(2, 5, capitalize: false));
                words += 4;
            }
            sb.Append('.');
            return sb.ToString();
        }

        private string Isbn13()
        {
            var digits = new int[13];
            digits[0] = 9; digits[1] = 7; digits[2] = 8;
            for (int i = 3; i < 12; i++) digits[i] = _rnd.Next(10);
            int sum = 0;
            for (int i = 0; i < 12; i++) sum += digits[i] * (i % 2 == 0 ? 1 : 3);
            digits[12] = (10 - sum % 10) % 10;
            var sb = new StringBuilder(13);
            foreach (int d in digits) sb.Append((char)('0' + d));
            return sb.ToString();
        }
    }
}
