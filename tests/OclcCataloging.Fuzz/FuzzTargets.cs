using OclcCataloging.Marc;

namespace OclcCataloging.Fuzz;

public static class FuzzTargets
{
    public static readonly FuzzTarget[] All =
    {
        new FuzzTarget("iso2709", "ISO 2709 reader", new[] { ".mrc", ".marc", ".iso", ".dat" }, b => MarcContract.CheckRead(b, MarcFormat.Iso2709)),
        new FuzzTarget("marcxml", "MARCXML reader", new[] { ".xml" }, b => MarcContract.CheckRead(b, MarcFormat.MarcXml)),
        new FuzzTarget("json", "MARC-in-JSON reader", new[] { ".json", ".ndjson", ".jsonl" }, b => MarcContract.CheckRead(b, MarcFormat.Json)),
        new FuzzTarget("mrk", "MarcEdit .mrk reader", new[] { ".mrk" }, b => MarcContract.CheckRead(b, MarcFormat.Mrk)),
        new FuzzTarget("mrk8", "MarcEdit .mrk8 reader", new[] { ".mrk8", ".min" }, b => MarcContract.CheckRead(b, MarcFormat.Mrk8)),
        new FuzzTarget("sniff", "format detection then reading", new[] { "*" }, b => MarcContract.CheckRead(b, MarcFormat.Auto)),
    };

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
