using Xunit;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>A fact over a file of ../shared/fuzz-findings: skipped, with the reason, when the folder is absent.</summary>
public sealed class FuzzFindingFactAttribute : FactAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? TestPaths.FuzzFindingsMissingReason;
        set => base.Skip = value;
    }
}

/// <summary>A theory over files of ../shared/fuzz-findings (see <see cref="FuzzFindingFactAttribute"/>).</summary>
public sealed class FuzzFindingTheoryAttribute : TheoryAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? TestPaths.FuzzFindingsMissingReason;
        set => base.Skip = value;
    }
}
