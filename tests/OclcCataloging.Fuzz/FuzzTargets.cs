using System.Text;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Connections;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.DataSync.Lhr;
using OclcCataloging.DataSync.Reports;
using OclcCataloging.Gateway;
using OclcCataloging.Marc;
using OclcCataloging.Search.IdLoc;
using OclcCataloging.Search.Sru;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Fuzz;

/// <summary>Every fuzzing target (docs/design/fuzzing.md): the MARC readers and the parsers of what servers and files send us.</summary>
public static class FuzzTargets
{
    private static readonly Type[] Format = { typeof(FormatException) };

    public static readonly FuzzTarget[] All =
    {
        new FuzzTarget("iso2709", "ISO 2709 reader", new[] { ".mrc", ".marc", ".iso", ".dat", ".usmarc" }, b => MarcContract.CheckRead(b, MarcFormat.Iso2709)),
        new FuzzTarget("marcxml", "MARCXML reader", new[] { ".xml" }, b => MarcContract.CheckRead(b, MarcFormat.MarcXml)),
        new FuzzTarget("json", "MARC-in-JSON reader", new[] { ".json", ".ndjson", ".jsonl" }, b => MarcContract.CheckRead(b, MarcFormat.Json)),
        new FuzzTarget("mrk", "MarcEdit .mrk reader", new[] { ".mrk" }, b => MarcContract.CheckRead(b, MarcFormat.Mrk)),
        new FuzzTarget("mrk8", "MarcEdit .mrk8 reader", new[] { ".mrk8", ".min" }, b => MarcContract.CheckRead(b, MarcFormat.Mrk8)),
        new FuzzTarget("sniff", "format detection then reading", new[] { "*" }, b => MarcContract.CheckRead(b, MarcFormat.Auto)),
        new FuzzTarget("marc8", "MARC-8 decoder (subfields and whole values)", new[] { ".mrc", ".marc" }, CheckMarc8),
        new FuzzTarget("gateway", "gateway export request parser (U/A/P + record), bytes arriving in pieces", new[] { ".mrc", ".bin" }, CheckGateway),
        new FuzzTarget("sru", "SRU searchRetrieveResponse parser", new[] { ".xml" }, b => ParserContract.Check("SRU response", b, () => SruResponseParser.Parse(ParserContract.Text(b)), Format)),
        new FuzzTarget("worldcat", "WorldCat API answers: brief bibs, token, error body, holdings", new[] { ".json" }, CheckWorldCat),
        new FuzzTarget("idloc", "id.loc.gov suggest2 answer", new[] { ".json" }, b => ParserContract.Check("suggest2 answer", b, () => SuggestResponse.Parse(ParserContract.Text(b)), Format)),
        new FuzzTarget("connections", "saved connections file", new[] { ".json" }, b => ParserContract.Check("connections file", b, () => ConnectionProfileSerializer.Read(ParserContract.Text(b)), Format)),
        new FuzzTarget("holdings-table", "holdings translation table (CSV)", new[] { ".csv", ".txt" }, b => ParserContract.Check("translation table", b, () => HoldingsTranslationTable.Parse(new StringReader(ParserContract.Text(b))))),
        new FuzzTarget("datasync-report", "data sync reports and file names", new[] { ".txt", ".csv", ".tsv" }, CheckDataSyncReport),
    };

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    private static void CheckMarc8(byte[] b)
    {
        ParserContract.Check("MARC-8 decoding", b, () =>
        {
            var issues = new List<Marc8Issue>();
            string whole = Marc8Decoder.Decode(b, null, issues);
            if (whole.Length > 4 * b.Length + 16) throw new ContractViolation($"{b.Length} MARC-8 bytes decoded to {whole.Length} characters");
            _ = Marc8Decoder.DecodeSubfields(b, 0, b.Length, new Marc8DecoderOptions { Normalization = Marc8Normalization.None });
        });
    }

    private static void CheckGateway(byte[] b)
    {
        ParserContract.Check("gateway request parsing", b, () =>
        {
            // the listener parses what has arrived so far, again after each read: every prefix must parse
            GatewayParseState last = GatewayParseState.Incomplete;
            foreach (int count in new[] { 0, 1, 2, Math.Min(b.Length, 7), b.Length / 3, b.Length / 2, b.Length - 1, b.Length })
            {
                if (count < 0 || count > b.Length) continue;
                last = GatewayRequestParser.TryParse(b, count, Encoding.Latin1, out GatewayParsedRequest? request);
                if (last == GatewayParseState.Complete && (request == null || request.Record.Length > count))
                    throw new ContractViolation($"a complete request of {count} bytes holds a record of {request?.Record.Length} bytes");
            }
        });
    }

    private static void CheckWorldCat(byte[] b)
    {
        string text = ParserContract.Text(b);
        ParserContract.Check("WorldCat brief bibs", b, () => WorldCatBriefResults.Parse(text), Format);
        ParserContract.Check("WorldCat token", b, () => WorldCatAccessToken.Parse(text, DateTimeOffset.UnixEpoch), Format);
        ParserContract.Check("WorldCat error body", b, () => WorldCatErrorBody.Parse(text), Format);
        ParserContract.Check("WorldCat current holdings", b, () => CurrentHoldingsReply.Parse(text), Format);
        ParserContract.Check("WorldCat my holdings", b, () => MyHoldingsReply.Parse(text), Format);
    }

    private static void CheckDataSyncReport(byte[] b)
    {
        string text = ParserContract.Text(b);
        foreach (string name in new[] { "xrefrpt", "bibdetailexcpt", "unknown" })
        {
            ParserContract.Check("data sync report " + name, b, () =>
            {
                foreach (var row in DataSyncReportReader.Read(new StringReader(text), name)) _ = row.ToString();
            });
        }
        string firstLine = text.Split('\n')[0];
        ParserContract.Check("data sync file name", b, () => DataSyncFileInfo.Parse(firstLine), typeof(ArgumentException));
    }
}
