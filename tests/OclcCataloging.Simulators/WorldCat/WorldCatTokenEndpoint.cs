using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>POST /token?grant_type=client_credentials&amp;scope=… with Basic auth (doc §1.2).</summary>
internal sealed class WorldCatTokenEndpoint(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
{
    private const string Umbrella = "WorldCatMetadataAPI";

    public async Task HandleAsync(HttpContext context)
    {
        state.CountTokenRequest();
        if (!TryReadBasic(context.Request.Headers.Authorization.ToString(), out var id, out var secret)
            || id != options.ClientId || secret != options.ClientSecret)
        {
            await WorldCatRequestHandler.Write(context, 401, WorldCatBodies.TokenBadCredentials);
            return;
        }
        var grant = context.Request.Query["grant_type"].ToString();
        if (grant != "client_credentials")
        {
            await WorldCatRequestHandler.Write(context, 400, "{\"code\":400,\"message\":\"Invalid grant_type: " + JsonEncodedText.Encode(grant) + "\"}");
            return;
        }
        var scope = context.Request.Query["scope"].ToString();
        var invalid = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith("context:", StringComparison.Ordinal))
            .FirstOrDefault(s => !OnKey(s));
        if (invalid != null || scope.Trim().Length == 0)
        {
            await WorldCatRequestHandler.Write(context, 403, WorldCatBodies.InvalidScope(invalid ?? scope));
            return;
        }

        var contextScope = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.StartsWith("context:", StringComparison.Ordinal));
        var institution = contextScope == null ? options.DefaultInstitution
            : options.Institutions.FirstOrDefault(i => i.RegistryId == contextScope["context:".Length..]);
        if (institution == null)
        {
            // INFERRED: a context the key may not act for is refused like a scope not on the key.
            await WorldCatRequestHandler.Write(context, 403, WorldCatBodies.InvalidScope(contextScope!));
            return;
        }

        var now = options.Clock();
        var expiresAt = now + options.TokenLifetime;
        var token = "tk_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(15));
        state.AddToken(new WorldCatSimulatorState.IssuedToken(token, expiresAt, scope, institution));
        int lifetime = (int)options.TokenLifetime.TotalSeconds;
        var body = new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["expires_at"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["authenticating_institution_id"] = options.DefaultInstitution.RegistryId,
            ["principalID"] = "",
            ["context_institution_id"] = institution.RegistryId,
            ["scope"] = scope,
            ["scopes"] = scope,
            ["token_type"] = "bearer",
            ["expires_in"] = options.ExpiresInAsString ? lifetime.ToString(CultureInfo.InvariantCulture) : lifetime,
            ["principalIDNS"] = "",
        };
        await WorldCatRequestHandler.Write(context, 200, WorldCatBodies.Json(body));
    }

    /// <summary>Whether a token's scopes allow an endpoint scope such as "view_brief_bib".</summary>
    public static bool Covers(string tokenScopes, string endpointScope) =>
        tokenScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(s => s == Umbrella || s == Umbrella + ":" + endpointScope);

    private bool OnKey(string scope) =>
        options.KeyScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(k => k == scope || (k == Umbrella && scope.StartsWith(Umbrella + ":", StringComparison.Ordinal)));

    private static bool TryReadBasic(string header, out string id, out string secret)
    {
        id = secret = "";
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            int colon = text.IndexOf(':');
            if (colon < 0) return false;
            id = text[..colon];
            secret = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
