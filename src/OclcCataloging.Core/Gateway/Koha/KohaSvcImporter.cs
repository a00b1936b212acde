using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// Forwards records the way connexion_import_daemon.pl does: staff login (the CSRF login of Koha 24.05+, or the older
    /// mainpage.pl login), then a form POST to svc/import_bib with the configured match and action settings; on 401/403
    /// one new login and one retry (docs/design/koha-receiver.md §4.1). Safe for concurrent use: the session is shared.
    /// </summary>
    public sealed class KohaSvcImporter : IKohaImporter
    {
        private const string AuthenticationPath = "cgi-bin/koha/svc/authentication";
        private const string LegacyLoginPath = "cgi-bin/koha/mainpage.pl";
        private const string ImportPath = "cgi-bin/koha/svc/import_bib";

        private readonly KohaConnection _connection;
        private readonly KohaImportFields _settings;
        private readonly bool _csrfLogin;
        private readonly HttpClient _http;
        private readonly SemaphoreSlim _loginGate = new SemaphoreSlim(1, 1);
        private volatile string? _csrfToken;
        private volatile bool _loggedIn;
        private int _generation;

        /// <summary>
        /// <c>csrfLogin</c> true for Koha 24.05+ (token login before the first import); false for the older login
        /// (mainpage.pl) on the first 401/403.
        /// </summary>
        public KohaSvcImporter(KohaConnection connection, KohaImportFields settings, bool csrfLogin = true)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _csrfLogin = csrfLogin;
            _http = KohaHttp.CreateClient(connection, new CookieContainer());
        }

        public async Task<KohaImportOutcome> ImportAsync(string marcXml, CancellationToken cancellationToken)
        {
            int generation = Volatile.Read(ref _generation);
            if (_csrfLogin && !_loggedIn)
            {
                string? problem = await LoginAsync(generation, cancellationToken).ConfigureAwait(false);
                if (problem != null) return KohaImportOutcome.NotDelivered(problem);
                generation = Volatile.Read(ref _generation);
            }

            for (int attempt = 0; ; attempt++)
            {
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(ImportRequest(marcXml), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    return KohaHttp.NeverDelivered(e)
                        ? KohaImportOutcome.NotDelivered("Koha unreachable: " + KohaHttp.Describe(e))
                        : KohaImportOutcome.Unknown("svc/import_bib sent, no answer: " + KohaHttp.Describe(e));
                }
                using (response)
                {
                    if (KohaHttp.IsAuthFailure(response.StatusCode))
                    {
                        // A refused session means Koha did not import: log in again and retry once, as the daemon does.
                        if (attempt > 0) return KohaImportOutcome.NotDelivered("Koha refused the session again after a new login (HTTP " + (int)response.StatusCode + ")");
                        string? problem = await LoginAsync(generation, cancellationToken).ConfigureAwait(false);
                        if (problem != null) return KohaImportOutcome.NotDelivered(problem);
                        generation = Volatile.Read(ref _generation);
                        continue;
                    }
                    if (!response.IsSuccessStatusCode)
                    {
                        string what = "svc/import_bib answered HTTP " + (int)response.StatusCode;
                        return KohaHttp.IsUnavailable(response.StatusCode) ? KohaImportOutcome.NotDelivered(what) : KohaImportOutcome.Unknown(what);
                    }
                    string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    return KohaSvcResponse.Interpret(body);
                }
            }
        }

        private HttpRequestMessage ImportRequest(string marcXml)
        {
            var fields = new List<(string, string)>
            {
                ("nomatch_action", _settings.NomatchAction),
                ("overlay_action", _settings.OverlayAction),
                ("match", _settings.Match),
                ("import_mode", _settings.ImportMode),
                ("framework", _settings.Framework),
                ("overlay_framework", _settings.OverlayFramework),
                ("item_action", _settings.ItemAction),
            };
            if (_settings.MarcModificationTemplateId.Length > 0) fields.Add(("marc_modification_template_id", _settings.MarcModificationTemplateId));
            fields.Add(("xml", marcXml));
            var request = new HttpRequestMessage(HttpMethod.Post, _connection.Resolve(ImportPath)) { Content = KohaHttp.Form(fields.ToArray()) };
            string? token = _csrfToken;
            if (_csrfLogin && token != null) request.Headers.TryAddWithoutValidation("Csrf-Token", token);
            return request;
        }

        /// <summary>Logs in unless another request already did since <paramref name="generation"/>; null on success, else why not.</summary>
        private async Task<string?> LoginAsync(int generation, CancellationToken cancellationToken)
        {
            await _loginGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_loggedIn && Volatile.Read(ref _generation) != generation) return null;
                _loggedIn = false;
                string? problem = _csrfLogin ? await CsrfLoginAsync(cancellationToken).ConfigureAwait(false) : await LegacyLoginAsync(cancellationToken).ConfigureAwait(false);
                if (problem != null) return problem;
                _loggedIn = true;
                Interlocked.Increment(ref _generation);
                return null;
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return "Koha login failed: " + KohaHttp.Describe(e);
            }
            finally
            {
                _loginGate.Release();
            }
        }

        private async Task<string?> CsrfLoginAsync(CancellationToken cancellationToken)
        {
            string? first;
            using (var response = await _http.GetAsync(_connection.Resolve(AuthenticationPath), cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode) return "Koha login page answered HTTP " + (int)response.StatusCode;
                first = CsrfToken(response);
            }
            if (first == null) return "Koha sent no CSRF token (a Koha older than 24.05 needs the older login)";
            var login = KohaHttp.Form(("login_userid", _connection.Credential.UserName), ("login_password", _connection.Credential.Password), ("csrf_token", first));
            using (var response = await _http.PostAsync(_connection.Resolve(AuthenticationPath), login, cancellationToken).ConfigureAwait(false))
            {
                if (!response.IsSuccessStatusCode) return "Koha authentication failed (HTTP " + (int)response.StatusCode + ") for user '" + _connection.Credential.UserName + "'";
                _csrfToken = CsrfToken(response) ?? first;
            }
            return null;
        }

        private async Task<string?> LegacyLoginAsync(CancellationToken cancellationToken)
        {
            var login = KohaHttp.Form(("userid", _connection.Credential.UserName), ("password", _connection.Credential.Password));
            using (var response = await _http.PostAsync(_connection.Resolve(LegacyLoginPath), login, cancellationToken).ConfigureAwait(false))
            {
                int status = (int)response.StatusCode;
                return status >= 200 && status < 400 ? null : "Koha authentication failed (HTTP " + status + ") for user '" + _connection.Credential.UserName + "'";
            }
        }

        private static string? CsrfToken(HttpResponseMessage response) =>
            response.Headers.TryGetValues("CSRF-TOKEN", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;

        public void Dispose()
        {
            _http.Dispose();
            _loginGate.Dispose();
        }
    }
}
