using Xunit;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>The reference tools a <see cref="ReferenceToolFactAttribute"/> test can be judged by.</summary>
[Flags]
public enum ReferenceTools
{
    Yaz = 1,
    PerlMarcCharset = 2,
}

/// <summary>
/// A fact judged by reference tools alone (no corpus): skipped, with the reason, when none of the given tools is
/// installed. A test that can use several checks those present and says in its output which were missing.
/// </summary>
public sealed class ReferenceToolFactAttribute : FactAttribute
{
    public ReferenceToolFactAttribute(ReferenceTools tools)
    {
        bool any = (tools.HasFlag(ReferenceTools.Yaz) && ExternalTools.YazMarcdump != null)
            || (tools.HasFlag(ReferenceTools.PerlMarcCharset) && ExternalTools.HasPerlMarcCharset);
        if (!any) Skip = "Skipped: no reference tool is installed (yaz-marcdump: Debian package 'yaz'; Perl MARC::Charset: 'libmarc-charset-perl').";
    }
}
