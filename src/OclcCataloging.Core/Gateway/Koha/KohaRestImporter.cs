using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Text.Json;

using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// Forwards records through Koha's REST API (docs/design/koha-receiver.md §4.2): <c>POST /api/v1/biblios</c> with
    /// <c>application/marcxml+xml</c> and HTTP Basic authentication. Matching is Koha's own duplicate check on that
    /// endpoint: without <c>x-confirm-not-duplicate</c> Koha answers 400 "Duplicate biblio N"; then the overlay action
    /// decides: replace → <c>PUT /api/v1/biblios/N</c>, create_new → POST again confirmed, ignore → keep N.
    /// No matching rule configured → every record is created (confirmed).
    /// </summary>
    public sealed class KohaRestImporter : IKohaImporter
    {
        private const string BibliosPath = "api/v1/biblios";
        private const string MarcXmlType = "application/marcxml+xml";
        private static readonly Regex DuplicatePattern = new Regex(@"Duplicate biblio (\d+)", RegexOptions.CultureInvariant);

        private readonly KohaConnection _connection;
        private readonly KohaImportFields _settings;
        private readonly HttpClient _http;
        private readonly AuthenticationHeaderValue _authorization;

        public KohaRestImporter(KohaConnection connection, KohaImportFields settings)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _http = KohaHttp.CreateClient(connection, new System.Net.CookieContainer());
            _authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(connection.Credential.UserName + ":" + connection.Credential.Password)));
        }

        public async Task<KohaImportOutcome> ImportAsync(string marcXml, CancellationToken cancellationToken)
        {
            bool matching = _settings.Match.Length > 0;
            RestAnswer created = await SendAsync(HttpMethod.Post, BibliosPath, marcXml, _settings.Framework, confirmNotDuplicate: !matching, cancellationToken).ConfigureAwait(false);
            if (created.Outcome != null) return created.Outcome;
            if (created.Id != null) return Success(created.Id, overlaid: false);
            string match = created.DuplicateOf!;
            string action = _settings.OverlayAction.Length > 0 ? _settings.OverlayAction : "replace";
            switch (action.ToLowerInvariant())
            {
                case "ignore":
                    return Success(match, overlaid: true);
                case "create_new":
                    RestAnswer again = await SendAsync(HttpMethod.Post, BibliosPath, marcXml, _settings.Framework, confirmNotDuplicate: true, cancellationToken).ConfigureAwait(false);
                    return again.Outcome ?? (again.Id != null ? Success(again.Id, overlaid: false) : KohaImportOutcome.Unknown("Koha reported a duplicate for a confirmed create"));
                default:
                    string framework = _settings.OverlayFramework.Length > 0 ? _settings.OverlayFramework : _settings.Framework;
                    RestAnswer replaced = await SendAsync(HttpMethod.Put, BibliosPath + "/" + match, marcXml, framework, confirmNotDuplicate: false, cancellationToken).ConfigureAwait(false);
                    return replaced.Outcome ?? Success(replaced.Id ?? match, overlaid: true);
            }
        }

        private KohaImportOutcome Success(string biblio, bool overlaid) =>
            KohaImportOutcome.Imported("", biblio, overlaid, _connection.Resolve("cgi-bin/koha/catalogue/detail.pl?biblionumber=" + biblio).AbsoluteUri);

        private sealed class RestAnswer
        {
            public KohaImportOutcome? Outcome;
            public string? Id;
            public string? DuplicateOf;
        }

        private async Task<RestAnswer> SendAsync(HttpMethod method, string path, string marcXml, string framework, bool confirmNotDuplicate, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(method, _connection.Resolve(path))
            {
                Content = new StringContent(marcXml, new UTF8Encoding(false), MarcXmlType),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(MarcXmlType);
            request.Headers.Authorization = _authorization;
            request.Headers.Accept.ParseAdd("application/json");
            if (framework.Length > 0) request.Headers.TryAddWithoutValidation("x-framework-id", framework);
            if (confirmNotDuplicate) request.Headers.TryAddWithoutValidation("x-confirm-not-duplicate", "1");
            string what = method.Method + " /" + path;
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return new RestAnswer
                {
                    Outcome = KohaHttp.NeverDelivered(e)
                        ? KohaImportOutcome.NotDelivered("Koha unreachable: " + KohaHttp.Describe(e))
                        : KohaImportOutcome.Unknown(what + " sent, no answer: " + KohaHttp.Describe(e)),
                };
            }
            using (response)
            {
                int status = (int)response.StatusCode;
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                Dictionary<string, object?>? json = ReadObject(body);
                if (KohaHttp.IsAuthFailure(response.StatusCode))
                    return new RestAnswer { Outcome = KohaImportOutcome.NotDelivered(what + ": Koha refused the login (HTTP " + status + ") for user '" + _connection.Credential.UserName + "'") };
                if (KohaHttp.IsUnavailable(response.StatusCode))
                    return new RestAnswer { Outcome = KohaImportOutcome.NotDelivered(what + " answered HTTP " + status) };
                if (response.IsSuccessStatusCode)
                {
                    long? id = JsonValues.GetInt64(json, "id") ?? JsonValues.GetInt64(json, "biblio_id");
                    if (id == null) return new RestAnswer { Outcome = KohaImportOutcome.Unknown(what + " answered HTTP " + status + " without a biblio id", KohaReplyText.InvalidResponse) };
                    return new RestAnswer { Id = id.Value.ToString(CultureInfo.InvariantCulture) };
                }
                string? error = JsonValues.GetString(json, "error");
                if (status == 400 && error != null)
                {
                    Match m = DuplicatePattern.Match(error);
                    if (m.Success) return new RestAnswer { DuplicateOf = m.Groups[1].Value };
                }
                if (status >= 400 && status < 500 && error != null) return new RestAnswer { Outcome = KohaImportOutcome.Refused(error) };
                return new RestAnswer { Outcome = KohaImportOutcome.Unknown(what + " answered HTTP " + status) };
            }
        }

        private static Dictionary<string, object?>? ReadObject(byte[] body) =>
            JsonReader.TryParseObject(new UTF8Encoding(false, false).GetString(body));

        public void Dispose() => _http.Dispose();
    }
}
