using OclcCataloging.Marc;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>A local holdings record as the simulator stores it: control number (001), the bib's OCLC number (004), owner.</summary>
public sealed record StoredLhr(long ControlNumber, long OclcNumber, string RegistryId, MarcRecord Record)
{
    /// <summary>852 $b, the holding library (branch) code.</summary>
    public string? HoldingLibraryCode => Record.GetValue("852", 'b');
}
