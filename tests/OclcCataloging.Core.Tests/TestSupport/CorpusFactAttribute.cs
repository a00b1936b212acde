using Xunit;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>
/// A fact that needs the shared test corpus (../shared/corpus) and, optionally, reference tools. When something
/// is missing the test is reported as skipped with the reason, instead of failing or passing silently.
/// </summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    /// <summary>Also needs yaz-marcdump on PATH.</summary>
    public bool RequiresYaz { get; set; }

    /// <summary>Also needs perl with MARC::Batch (Debian libmarc-record-perl).</summary>
    public bool RequiresPerlMarc { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? CorpusRequirements.MissingReason(RequiresYaz, RequiresPerlMarc);
        set => base.Skip = value;
    }
}

/// <summary>A theory that needs the shared corpus (see <see cref="CorpusFactAttribute"/>).</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public bool RequiresYaz { get; set; }

    public bool RequiresPerlMarc { get; set; }

    public override string? Skip
    {
        get => base.Skip ?? CorpusRequirements.MissingReason(RequiresYaz, RequiresPerlMarc);
        set => base.Skip = value;
    }
}

public static class CorpusRequirements
{
    public static string? MissingReason(bool yaz, bool perlMarc)
    {
        string? reason = TestPaths.CorpusMissingReason;
        if (reason != null) return reason;
        if (yaz && ExternalTools.YazMarcdump == null)
            return "Skipped: yaz-marcdump is not on PATH (Debian package 'yaz').";
        if (perlMarc && !ExternalTools.HasPerlMarcBatch)
            return "Skipped: perl with MARC::Batch is not installed (Debian package 'libmarc-record-perl').";
        return null;
    }
}
