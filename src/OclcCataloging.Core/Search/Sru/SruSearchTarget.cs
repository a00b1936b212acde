using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Xml;
using OclcCataloging.Oclc;
using OclcCataloging.Resilience;
using OclcCataloging.Search.Http;

namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// Runs search keys against an SRU server (searchRetrieve, CQL, MARCXML records).
    /// </summary>
    /// <remarks>
    /// <para>One key: the first request asks for min(MaxRecords, PageSize) records from startRecord 1. Its
    /// numberOfRecords decides the status with <see cref="BatchSearchLimits.Classify"/>; when that is TooMany (or
    /// NotFound) the records that came with the first page are dropped, so nothing is downloaded. This costs at most
    /// one page of unwanted records on TooMany, and saves a separate count request on every other key. Further pages
    /// start after the records received (1-based startRecord, from numberOfRecords: servers such as Zebra omit
    /// nextRecordPosition) until MaxRecords or the hit count is reached.</para>
    /// <para>SRU diagnostics (sent with HTTP 200) make the outcome Error with ErrorType "SRU diagnostic n". HTTP errors
    /// become <see cref="SearchHttpException"/>s; transient ones (429, 5xx) are retried by the
    /// <see cref="IRetryExecutor"/> and every attempt is counted in <see cref="KeySearchOutcome.Attempts"/>. A server
    /// that refuses connections or whose name does not resolve throws <see cref="SearchTargetUnavailableException"/>
    /// ("Unreachable"), since every later key would fail the same way.</para>
    /// </remarks>
    public sealed class SruSearchTarget : ISearchTarget
    {
        private readonly SruTargetOptions _options;
        private readonly IRetryExecutor _retry;
        private readonly HttpClient _http;

        public SruSearchTarget(SruTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _retry = retry ?? throw new ArgumentNullException(nameof(retry));
            options.Validate();
            _http = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            // Attempt timeouts are enforced per attempt (below and by the retry executor), not per client.
            _http.Timeout = Timeout.InfiniteTimeSpan;
        }

        public string Name => "SRU " + _options.BaseAddress;

        public SruTargetOptions Options => _options;

        /// <summary>The CQL query for the key. <see cref="NotSupportedException"/> when the index map lacks one of its indexes.</summary>
        public string Translate(SearchKey key) => CqlQueryBuilder.Build(key, _options.IndexMap);

        public async Task<KeySearchOutcome> SearchAsync(SearchKey key, BatchSearchLimits limits, CancellationToken cancellationToken)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (limits == null) throw new ArgumentNullException(nameof(limits));
            var outcome = new KeySearchOutcome();
            try
            {
                outcome.QuerySent = Translate(key);
            }
            catch (NotSupportedException ex)
            {
                return Fail(outcome, SearchErrorTypes.Unsupported, ex.Message);
            }

            try
            {
                await SearchAndDownloadAsync(key, limits, outcome, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (SearchHttpException ex)
            {
                outcome.HttpStatus = ex.StatusCode;
                Fail(outcome, "HTTP " + ex.StatusCode, ex.Message);
            }
            catch (TimeoutException ex)
            {
                Fail(outcome, SearchErrorTypes.Timeout, ex.Message);
            }
            catch (FormatException ex)
            {
                Fail(outcome, SearchErrorTypes.InvalidResponse, ex.Message);
            }
            catch (HttpRequestException ex) when (IsUnreachable(ex))
            {
                throw new SearchTargetUnavailableException("Unreachable", "The SRU server " + _options.BaseAddress + " cannot be reached: " + ex.Message, null, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is SocketException || ex is System.IO.IOException)
            {
                Fail(outcome, SearchErrorTypes.Network, ex.Message);
            }
            AddOclcNumberMapping(key, outcome);
            AdviseOnRecordIdSearch(key, outcome);
            return outcome;
        }

        // rec.id is the record's own id on most servers, so "not found" may only mean the OCLC number index is elsewhere.
        private void AdviseOnRecordIdSearch(SearchKey key, KeySearchOutcome outcome)
        {
            if (key.Type != SearchKeyType.OclcNumber || outcome.Status != KeySearchStatus.NotFound) return;
            if (!_options.IndexMap.SearchesRecordId(SearchIndex.OclcNumber)) return;
            outcome.Advice = SearchAdvice.OclcNumberSearchedInRecordId;
            outcome.ErrorDetail = "The OCLC number was searched in rec.id, which on most SRU servers is the record's own id "
                + "(Koha's biblionumber, Zebra's 001), not the OCLC number in 035; map OclcNumber to the server's 035 index.";
        }

        private async Task SearchAndDownloadAsync(SearchKey key, BatchSearchLimits limits, KeySearchOutcome outcome, CancellationToken ct)
        {
            var first = await RequestAsync(outcome.QuerySent, 1, Math.Min(limits.MaxRecords, _options.PageSize), outcome, ct).ConfigureAwait(false);
            if (first.Diagnostics.Count > 0) { Diagnostic(outcome, first.Diagnostics); return; }
            if (first.NumberOfRecords == null) throw new FormatException("The SRU response has neither numberOfRecords nor diagnostics.");

            long hits = first.NumberOfRecords.Value;
            outcome.HitCount = hits;
            outcome.Status = limits.Classify(hits);
            if (outcome.Status != KeySearchStatus.Found) return;

            long wanted = Math.Min(limits.MaxRecords, hits);
            var recordErrors = new List<SruDiagnostic>();
            int received = Take(first, outcome, recordErrors, wanted);
            while (received < wanted)
            {
                int size = (int)Math.Min(_options.PageSize, wanted - received);
                var page = await RequestAsync(outcome.QuerySent, received + 1, size, outcome, ct).ConfigureAwait(false);
                if (page.Diagnostics.Count > 0) { Diagnostic(outcome, page.Diagnostics); return; }
                int got = Take(page, outcome, recordErrors, wanted);
                if (got == 0) break; // the server returned fewer records than it counted; do not loop forever
                received += got;
            }
            if (recordErrors.Count > 0 && outcome.Records.Count == 0) Diagnostic(outcome, recordErrors);
        }

        /// <summary>Adds the page's records to the outcome (never more than <paramref name="wanted"/> in all, even when a
        /// server sends more than asked for); returns how many result positions the page covered.</summary>
        private static int Take(SruResponse page, KeySearchOutcome outcome, List<SruDiagnostic> recordErrors, long wanted)
        {
            foreach (string xml in page.Records)
            {
                if (outcome.Records.Count >= wanted) break;
                try
                {
                    outcome.Records.Add(MarcXmlReader.ParseRecord(xml));
                }
                catch (FormatException ex)
                {
                    throw new FormatException("Record " + (outcome.Records.Count + 1) + " of the SRU response is not MARCXML: " + ex.Message, ex);
                }
            }
            recordErrors.AddRange(page.RecordDiagnostics);
            return page.Records.Count + page.RecordDiagnostics.Count;
        }

        private async Task<SruResponse> RequestAsync(string cql, int startRecord, int maximumRecords, KeySearchOutcome outcome, CancellationToken ct)
        {
            var parameters = SruRequest.SearchRetrieve(_options, cql, startRecord, maximumRecords);
            string body = await _retry.ExecuteAsync(token => SendOnceAsync(parameters, outcome, token), ct).ConfigureAwait(false);
            return SruResponseParser.Parse(body);
        }

        private async Task<string> SendOnceAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, KeySearchOutcome outcome, CancellationToken token)
        {
            outcome.Attempts++;
            using (var request = CreateRequest(parameters))
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(token))
            {
                attempt.CancelAfter(_options.Resilience.AttemptTimeout);
                HttpResponseMessage response;
                string body;
                try
                {
                    response = await _http.SendAsync(request, attempt.Token).ConfigureAwait(false);
                    body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    throw new TimeoutException("The SRU server did not answer within " + _options.Resilience.AttemptTimeout.TotalSeconds + " s.");
                }
                using (response)
                {
                    int status = (int)response.StatusCode;
                    outcome.HttpStatus = status;
                    if (response.IsSuccessStatusCode) return body;
                    bool transient = SearchResilience.IsTransientStatus(status);
                    // Some servers send diagnostics with an HTTP error status: report those as diagnostics.
                    if (!transient && HasDiagnostics(body)) return body;
                    throw new SearchHttpException(status, "The SRU server answered HTTP " + status + " " + response.ReasonPhrase + ".",
                        null, RetryAfterHeader.Read(response.Headers.RetryAfter, DateTimeOffset.UtcNow), transient);
                }
            }
        }

        private HttpRequestMessage CreateRequest(IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            HttpRequestMessage request;
            if (_options.UsePost)
            {
                request = new HttpRequestMessage(HttpMethod.Post, _options.BaseAddress)
                {
                    Content = new StringContent(SruRequest.Encode(parameters), Encoding.UTF8, "application/x-www-form-urlencoded"),
                };
            }
            else
            {
                request = new HttpRequestMessage(HttpMethod.Get, SruRequest.GetAddress(_options.BaseAddress, parameters));
            }
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "application/xml, text/xml");
            return request;
        }

        private static bool HasDiagnostics(string body)
        {
            try { return SruResponseParser.Parse(body).Diagnostics.Count > 0; }
            catch (FormatException) { return false; }
        }

        private static void Diagnostic(KeySearchOutcome outcome, IList<SruDiagnostic> diagnostics)
        {
            outcome.Records.Clear();
            var first = diagnostics[0];
            Fail(outcome, "SRU diagnostic " + first.Number, first.Describe());
        }

        private static KeySearchOutcome Fail(KeySearchOutcome outcome, string type, string detail)
        {
            outcome.Status = KeySearchStatus.Error;
            outcome.ErrorType = type;
            outcome.ErrorDetail = detail;
            return outcome;
        }

        private static void AddOclcNumberMapping(SearchKey key, KeySearchOutcome outcome)
        {
            if (key.Type != SearchKeyType.OclcNumber || key.Terms.Count != 1 || outcome.Status == KeySearchStatus.Error) return;
            string requested = key.Terms[0].Value;
            string? returned = null;
            if (outcome.Records.Count > 0) returned = OclcNumberOf(outcome.Records[0]);
            outcome.OclcNumbers.Add(new OclcNumberMapping(requested, returned));
        }

        /// <summary>The record's OCLC number from 035 $a (OCoLC), else from wherever OCLC numbers usually are.</summary>
        private static string? OclcNumberOf(MarcRecord record) =>
            (OclcNumberFinder.FindPrimary(record, OclcNumberLocation.Field035) ?? OclcNumberFinder.FindPrimary(record, OclcNumberLocation.Auto))?.OclcNumber;

        private static bool IsUnreachable(HttpRequestException ex)
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is SocketException s &&
                    (s.SocketErrorCode == SocketError.ConnectionRefused || s.SocketErrorCode == SocketError.HostNotFound || s.SocketErrorCode == SocketError.HostUnreachable))
                    return true;
            }
            return false;
        }

        public void Dispose() => _http.Dispose();
    }
}
