using System.Globalization;
using System.Text;

namespace OclcCataloging.Simulators.IdLoc;

/// <summary>A heading as tag + subfields ("100", "1 ", ['a', "Twain, Mark,"], ['d', "1835-1910"]).</summary>
public sealed record IdLocHeading(string Tag, string Indicators, params (char Code, string Value)[] Subfields)
{
    /// <summary>The label id.loc.gov shows: subfields joined by spaces, subdivisions ($v $x $y $z) by "--".</summary>
    public string Label
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var (code, value) in Subfields)
            {
                if (sb.Length > 0) sb.Append(code is 'v' or 'x' or 'y' or 'z' ? "--" : " ");
                sb.Append(value);
            }
            return sb.ToString();
        }
    }
}

/// <summary>One synthetic authority record: identifier (an LCCN-shaped id), scheme, heading and see-from headings.</summary>
public sealed record IdLocAuthority(string Id, string Scheme, IdLocHeading Heading, params IdLocHeading[] SeeFroms)
{
    public string Label => Heading.Label;

    /// <summary>The id.loc.gov rdftype of the heading (PersonalName, CorporateName, Title, Topic, ...).</summary>
    public string RdfType => Heading.Tag switch
    {
        "100" => "PersonalName",
        "110" => "CorporateName",
        "111" => "ConferenceName",
        "130" => "Title",
        "151" => Heading.Subfields.Length > 1 ? "ComplexSubject" : "Geographic",
        _ => Heading.Subfields.Length > 1 ? "ComplexSubject" : "Topic",
    };

    public IEnumerable<string> AllLabels => new[] { Label }.Concat(SeeFroms.Select(s => s.Label));

    /// <summary>The real-looking URI id.loc.gov would give (the client must rebase it on its configured address).</summary>
    public string Uri => "http://id.loc.gov/authorities/" + Scheme + "/" + Id;

    /// <summary>010 $a form: the prefix padded to three characters ("n  99000001", "sh 99000001").</summary>
    public string Lccn010
    {
        get
        {
            int digits = Id.TakeWhile(char.IsLetter).Count();
            return Id[..digits].PadRight(3) + Id[digits..].ToString(CultureInfo.InvariantCulture);
        }
    }
}
