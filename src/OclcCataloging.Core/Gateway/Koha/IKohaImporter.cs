using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>One way into Koha: svc/import_bib (<see cref="KohaSvcImporter"/>) or the REST API (<see cref="KohaRestImporter"/>).</summary>
    public interface IKohaImporter : System.IDisposable
    {
        /// <summary>Sends one MARCXML <c>&lt;collection&gt;</c> document; never throws for Koha's failures (they are outcomes).</summary>
        Task<KohaImportOutcome> ImportAsync(string marcXml, CancellationToken cancellationToken);
    }
}
