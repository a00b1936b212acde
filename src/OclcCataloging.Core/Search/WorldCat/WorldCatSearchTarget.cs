using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Oclc;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// Batch search against the WorldCat Metadata API v2. A lone OCLC number is fetched directly
    /// (GET /manage/bibs/{ocn}, recording requested → returned 001 for merged records); every other key is a
    /// brief-bibs search (hit count = numberOfRecords), paged 50 at a time for up to MaxRecords OCNs, each then
    /// downloaded as MARCXML or MARC 21. TooMany downloads nothing.
    /// </summary>
    public sealed class WorldCatSearchTarget : ISearchTarget
    {
        private readonly WorldCatTargetOptions _options;
        private readonly WorldCatConnection _connection;
        private readonly WorldCatTokenProvider _tokens;
        private readonly WorldCatApiClient _api;

        public WorldCatSearchTarget(WorldCatTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler = null)
        {
            _connection = new WorldCatConnection(options, retry, handler);
            _options = options;
            _tokens = _connection.Tokens;
            _api = _connection.Api;
        }

        public string Name => "WorldCat";

        public WorldCatStatistics Statistics => _connection.Statistics;

        /// <summary>The rolling 24-hour request count (read it for the run summary).</summary>
        public DailyRequestBudget Budget => _connection.Budget;

        public string Translate(SearchKey key)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            var ocn = WorldCatQueryTranslator.DirectOclcNumber(key);
            return ocn != null ? "GET /manage/bibs/" + ocn : WorldCatQueryTranslator.ToQuery(key, _options.LccnIndexLabel);
        }

        public async Task<KeySearchOutcome> SearchAsync(SearchKey key, BatchSearchLimits limits, CancellationToken cancellationToken)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            var outcome = new KeySearchOutcome();
            var attempts = new RequestAttempts();
            try
            {
                outcome.QuerySent = Translate(key);
                var ocn = WorldCatQueryTranslator.DirectOclcNumber(key);
                if (ocn != null) await FetchByNumberAsync(ocn, outcome, attempts, cancellationToken).ConfigureAwait(false);
                else await SearchBriefAsync(outcome.QuerySent, limits, outcome, attempts, cancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException ex)
            {
                Fail(outcome, SearchErrorTypes.Unsupported, ex.Message);
            }
            catch (SearchHttpException ex)
            {
                Fail(outcome, "HTTP " + ex.StatusCode + (ex.ErrorType == null ? "" : " " + ex.ErrorType), ex.Message);
                outcome.HttpStatus = ex.StatusCode;
            }
            catch (TimeoutException ex)
            {
                Fail(outcome, SearchErrorTypes.Timeout, ex.Message);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                Fail(outcome, SearchErrorTypes.ConnectionFailed, ex.Message);
            }
            catch (FormatException ex)
            {
                Fail(outcome, SearchErrorTypes.InvalidResponse, ex.Message);
            }
            finally
            {
                outcome.Attempts = attempts.Count;
            }
            return outcome;
        }

        private void Fail(KeySearchOutcome outcome, string errorType, string detail)
        {
            outcome.Status = KeySearchStatus.Error;
            outcome.ErrorType = errorType;
            outcome.ErrorDetail = _tokens.Redact(detail);
            // A key in error is retried as a whole later: keep no partial download.
            outcome.Records.Clear();
            outcome.OclcNumbers.Clear();
        }

        private async Task FetchByNumberAsync(string ocn, KeySearchOutcome outcome, RequestAttempts attempts, CancellationToken ct)
        {
            var record = await DownloadAsync(ocn, outcome, attempts, ct).ConfigureAwait(false);
            outcome.HitCount = record == null ? 0 : 1;
            outcome.Status = record == null ? KeySearchStatus.NotFound : KeySearchStatus.Found;
        }

        private async Task SearchBriefAsync(string q, BatchSearchLimits limits, KeySearchOutcome outcome, RequestAttempts attempts, CancellationToken ct)
        {
            int limit = Math.Min(WorldCatApi.MaxPageSize, limits.MaxRecords);
            var first = await BriefPageAsync(q, limit, null, outcome, attempts, ct).ConfigureAwait(false);
            outcome.HitCount = first.NumberOfRecords;
            outcome.Status = limits.Classify(first.NumberOfRecords);
            if (outcome.Status != KeySearchStatus.Found) return;

            var ocns = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int Take(WorldCatBriefResults page)
            {
                int added = 0;
                foreach (var n in page.OclcNumbers)
                {
                    if (ocns.Count >= limits.MaxRecords) break;
                    if (seen.Add(n)) { ocns.Add(n); added++; }
                }
                return added;
            }
            Take(first);
            long received = first.OclcNumbers.Count;
            while (ocns.Count < limits.MaxRecords && received < first.NumberOfRecords)
            {
                var page = await BriefPageAsync(q, limit, WorldCatApi.OffsetBase + received, outcome, attempts, ct).ConfigureAwait(false);
                received += page.OclcNumbers.Count;
                // Nothing new (an empty page, or a server repeating itself): stop rather than loop.
                if (Take(page) == 0) break;
            }

            foreach (var ocn in ocns)
                await DownloadAsync(ocn, outcome, attempts, ct).ConfigureAwait(false);
        }

        private async Task<WorldCatBriefResults> BriefPageAsync(string q, int limit, long? offset, KeySearchOutcome outcome, RequestAttempts attempts, CancellationToken ct)
        {
            var relative = WorldCatApi.BriefBibsPath + "?q=" + Uri.EscapeDataString(q) + "&limit=" + limit
                + (offset.HasValue ? "&offset=" + offset.Value : "");
            var response = await _api.GetAsync(relative, "application/json", attempts, ct).ConfigureAwait(false);
            outcome.HttpStatus = response.Status;
            if (!response.IsSuccess) throw ErrorFor(response);
            return WorldCatBriefResults.Parse(response.Text);
        }

        /// <summary>Downloads one record; null (and a requested → nothing mapping) when WorldCat has no such number.</summary>
        private async Task<MarcRecord?> DownloadAsync(string ocn, KeySearchOutcome outcome, RequestAttempts attempts, CancellationToken ct)
        {
            var accept = WorldCatRecordBody.MediaType(_options.RecordFormat);
            var response = await _api.GetAsync(WorldCatApi.BibPathPrefix + Uri.EscapeDataString(ocn), accept, attempts, ct).ConfigureAwait(false);
            outcome.HttpStatus = response.Status;
            if (!response.IsSuccess)
            {
                if (WorldCatErrorBody.IsNotFound(response.Status, WorldCatErrorBody.Parse(response.Text)))
                {
                    outcome.OclcNumbers.Add(new OclcNumberMapping(ocn, null));
                    return null;
                }
                throw ErrorFor(response);
            }
            var record = WorldCatRecordBody.Parse(response, _options.RecordFormat);
            outcome.Records.Add(record);
            outcome.OclcNumbers.Add(new OclcNumberMapping(ocn, ReturnedNumber(record)));
            return record;
        }

        private static string? ReturnedNumber(MarcRecord record)
        {
            var controlNumber = record.ControlNumber;
            if (string.IsNullOrWhiteSpace(controlNumber)) return null;
            var info = OclcNumberParser.Parse(controlNumber!);
            return info.IsValid ? info.OclcNumber : controlNumber!.Trim();
        }

        private static SearchHttpException ErrorFor(WorldCatResponse response)
        {
            var body = WorldCatErrorBody.Parse(response.Text);
            return new SearchHttpException(response.Status, body.Describe() ?? "HTTP " + response.Status + ".", body.Type);
        }

        public void Dispose() => _connection.Dispose();
    }
}
