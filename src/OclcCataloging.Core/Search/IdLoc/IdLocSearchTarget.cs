using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.IdLoc
{
    /// <summary>
    /// Searches the LC authority files at id.loc.gov (no credentials). Headings go to the known-label service
    /// (exact match, 302 to the record; a variant label redirects to the authorized record and is reported as a
    /// see-from match), then to a suggest2 keyword search; LCCNs fetch the record directly; derived keys
    /// (pd:, cd:, td:, sd:) are translated to a left-anchored suggest2 search filtered by the key's parts.
    /// Records are downloaded as MARCXML ({uri}.marcxml.xml).
    /// </summary>
    public sealed class IdLocSearchTarget : ISearchTarget
    {
        private readonly IdLocTargetOptions _options;
        private readonly IdLocClient _client;

        /// <param name="options">Base address, scheme, suggest2 page size, resilience settings, User-Agent.</param>
        /// <param name="retry">Runs each request; built from options.Resilience by the caller (Polly in the module).</param>
        /// <param name="handler">For tests; it must not follow redirects (the default handler is created with AllowAutoRedirect off).</param>
        public IdLocSearchTarget(IdLocTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            if (options.BaseAddress == null || !options.BaseAddress.IsAbsoluteUri) throw new ArgumentException("BaseAddress must be an absolute URI.", nameof(options));
            if (options.SuggestCount < 1 || options.SuggestCount > IdLocRequestPlan.MaxSuggestCount)
                throw new ArgumentOutOfRangeException(nameof(options), options.SuggestCount, "SuggestCount must be between 1 and 250.");
            _client = new IdLocClient(options, retry, handler);
            Name = "id.loc.gov " + options.Scheme.ToString().ToLowerInvariant();
        }

        public string Name { get; }

        public string Translate(SearchKey key) => IdLocRequestPlan.For(key, _options.Scheme).Describe(_options.SuggestCount);

        public async Task<KeySearchOutcome> SearchAsync(SearchKey key, BatchSearchLimits limits, CancellationToken cancellationToken)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            var outcome = new KeySearchOutcome();
            IdLocRequestPlan plan;
            try
            {
                plan = IdLocRequestPlan.For(key, _options.Scheme);
            }
            catch (NotSupportedException ex)
            {
                outcome.Status = KeySearchStatus.Error;
                outcome.ErrorType = SearchErrorTypes.Unsupported;
                outcome.ErrorDetail = ex.Message;
                return outcome;
            }

            var exchange = new IdLocExchange();
            var queries = new List<string>();
            try
            {
                switch (plan.Kind)
                {
                    case IdLocRequestKind.Lccn:
                        await SearchLccnAsync(plan, outcome, queries, exchange, cancellationToken).ConfigureAwait(false);
                        break;
                    case IdLocRequestKind.Label:
                        await SearchHeadingAsync(plan, limits, outcome, queries, exchange, cancellationToken).ConfigureAwait(false);
                        break;
                    case IdLocRequestKind.Keyword:
                        await SearchKeywordAsync(plan, limits, outcome, queries, exchange, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await SearchDerivedAsync(plan, limits, outcome, queries, exchange, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
            catch (SearchHttpException ex) when (ex.IsTransient && ex.RetryAfter.HasValue && ex.RetryAfter.Value > _options.Resilience.MaxDelay)
            {
                throw new SearchTargetUnavailableException("RateLimited", "id.loc.gov asks to wait " + ex.RetryAfter.Value + " before the next request.", DateTimeOffset.UtcNow + ex.RetryAfter.Value, ex);
            }
            catch (SearchHttpException ex)
            {
                Fail(outcome, ex.ErrorType ?? "HTTP " + ex.StatusCode, ex.Message);
            }
            catch (TimeoutException ex)
            {
                Fail(outcome, SearchErrorTypes.Timeout, ex.Message);
            }
            catch (FormatException ex)
            {
                Fail(outcome, SearchErrorTypes.InvalidResponse, ex.Message);
            }
            catch (Exception ex) when (IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                throw new SearchTargetUnavailableException("Unreachable", "id.loc.gov could not be reached at " + _options.BaseAddress + ": " + ex.Message, null, ex);
            }
            finally
            {
                outcome.QuerySent = queries.Count > 0 ? string.Join(" ; ", queries) : plan.Describe(_options.SuggestCount);
                outcome.Attempts = exchange.Attempts;
                outcome.HttpStatus = exchange.LastStatus;
            }
            return outcome;
        }

        private async Task SearchLccnAsync(IdLocRequestPlan plan, KeySearchOutcome outcome, List<string> queries, IdLocExchange exchange, CancellationToken ct)
        {
            string path = plan.RecordPath();
            queries.Add("GET " + path);
            string? xml = await _client.GetTextAsync(path, exchange, ct).ConfigureAwait(false);
            if (xml == null)
            {
                outcome.HitCount = 0;
                outcome.Status = KeySearchStatus.NotFound;
                return;
            }
            outcome.HitCount = 1;
            outcome.Records.Add(MarcXmlReader.ParseRecord(xml));
            outcome.Status = KeySearchStatus.Found;
        }

        private async Task SearchHeadingAsync(IdLocRequestPlan plan, BatchSearchLimits limits, KeySearchOutcome outcome, List<string> queries, IdLocExchange exchange, CancellationToken ct)
        {
            string labelPath = plan.LabelPath();
            queries.Add("HEAD " + labelPath);
            IdLocLabelMatch? match = await _client.LookUpLabelAsync(labelPath, exchange, ct).ConfigureAwait(false);
            if (match == null)
            {
                await SearchKeywordAsync(plan, limits, outcome, queries, exchange, ct).ConfigureAwait(false);
                return;
            }
            outcome.HitCount = 1;
            outcome.Records.Add(await DownloadAsync(match.RecordUri, queries, exchange, ct).ConfigureAwait(false));
            outcome.Status = KeySearchStatus.Found;
            if (match.PreferredLabel != null && !HeadingComparer.SameHeading(match.PreferredLabel, plan.Text))
                outcome.ErrorDetail = "Note: matched a variant (see-from) heading; the authorized heading is '" + match.PreferredLabel + "'.";
        }

        private async Task SearchKeywordAsync(IdLocRequestPlan plan, BatchSearchLimits limits, KeySearchOutcome outcome, List<string> queries, IdLocExchange exchange, CancellationToken ct)
        {
            int count = Math.Min(IdLocRequestPlan.MaxSuggestCount, Math.Max(_options.SuggestCount, limits.MaxRecords));
            string path = plan.SuggestPath("keyword", count);
            queries.Add("GET " + path);
            SuggestResponse response = await SuggestAsync(path, exchange, ct).ConfigureAwait(false);
            outcome.HitCount = response.Count;
            outcome.Status = limits.Classify(response.Count);
            if (outcome.Status != KeySearchStatus.Found) return;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (SuggestHit hit in response.Hits)
            {
                if (outcome.Records.Count >= limits.MaxRecords) break;
                if (hit.Uri == null || !seen.Add(hit.Uri)) continue;
                outcome.Records.Add(await DownloadAsync(new Uri(_options.BaseAddress, hit.Uri), queries, exchange, ct).ConfigureAwait(false));
            }
        }

        private async Task SearchDerivedAsync(IdLocRequestPlan plan, BatchSearchLimits limits, KeySearchOutcome outcome, List<string> queries, IdLocExchange exchange, CancellationToken ct)
        {
            string path = plan.SuggestPath("leftanchored", IdLocRequestPlan.MaxSuggestCount);
            queries.Add("GET " + path + " filtered by " + plan.Matcher);
            SuggestResponse response = await SuggestAsync(path, exchange, ct).ConfigureAwait(false);
            var labels = new List<string>();
            foreach (SuggestHit hit in response.Hits)
            {
                if (plan.Matcher!.Matches(hit.Label) && !labels.Contains(hit.Label)) labels.Add(hit.Label);
            }
            outcome.HitCount = labels.Count;
            outcome.Status = limits.Classify(labels.Count);
            if (outcome.Status != KeySearchStatus.Found) return;
            // Left-anchored hits are bare labels: each is resolved through the label service, and variants of
            // one heading lead to the same record, which is downloaded once.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string label in labels)
            {
                if (outcome.Records.Count >= limits.MaxRecords) break;
                string labelPath = plan.SchemePath + "/label/" + Uri.EscapeDataString(label);
                queries.Add("HEAD " + labelPath);
                IdLocLabelMatch? match = await _client.LookUpLabelAsync(labelPath, exchange, ct).ConfigureAwait(false);
                if (match == null || !seen.Add(match.RecordUri.AbsolutePath)) continue;
                outcome.Records.Add(await DownloadAsync(match.RecordUri, queries, exchange, ct).ConfigureAwait(false));
            }
        }

        private async Task<SuggestResponse> SuggestAsync(string path, IdLocExchange exchange, CancellationToken ct)
        {
            string? json = await _client.GetTextAsync(path, exchange, ct).ConfigureAwait(false);
            if (json == null) throw new SearchHttpException(404, "id.loc.gov has no suggest2 service at " + path + ".", "NoSuggestService");
            return SuggestResponse.Parse(json);
        }

        /// <summary>The record behind a URI id.loc.gov returned, fetched from the configured base address.</summary>
        private async Task<MarcRecord> DownloadAsync(Uri recordUri, List<string> queries, IdLocExchange exchange, CancellationToken ct)
        {
            string recordPath = recordUri.AbsolutePath.TrimEnd('/');
            int authorities = recordPath.IndexOf("/authorities/", StringComparison.Ordinal);
            string path = (authorities > 0 ? recordPath.Substring(authorities) : recordPath) + ".marcxml.xml";
            queries.Add("GET " + path);
            string? xml = await _client.GetTextAsync(path, exchange, ct).ConfigureAwait(false);
            if (xml == null) throw new SearchHttpException(404, "The record " + recordUri.AbsolutePath + " named by id.loc.gov does not exist.", "RecordMissing");
            return MarcXmlReader.ParseRecord(xml);
        }

        private static void Fail(KeySearchOutcome outcome, string type, string detail)
        {
            outcome.Status = KeySearchStatus.Error;
            outcome.ErrorType = type;
            outcome.ErrorDetail = detail;
            outcome.Records.Clear();
        }

        private static bool IsConnectionFailure(Exception ex) =>
            ex is HttpRequestException || ex is SocketException || ex is System.IO.IOException;

        public void Dispose() => _client.Dispose();
    }
}
