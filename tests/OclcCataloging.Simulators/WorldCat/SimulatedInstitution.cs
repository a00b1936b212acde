namespace OclcCataloging.Simulators.WorldCat;

/// <summary>An institution the simulator knows: its registry ID (token context, institutionCode) and OCLC symbol.</summary>
public sealed record SimulatedInstitution(string RegistryId, string Symbol);
