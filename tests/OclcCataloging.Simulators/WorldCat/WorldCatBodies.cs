using System.Text.Encodings.Web;
using System.Text.Json;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Response bodies exactly as documented (doc §1.2, §1.5, §1.6, §1.10).</summary>
public static class WorldCatBodies
{
    public const string Unauthorized = "{\"message\":\"Unauthorized\"}";
    public const string Forbidden = "{\"message\":\"Forbidden\"}";
    public const string SystemError = "{\"type\":\"SYSTEM_ERROR\",\"title\":\"Internal Server Error\",\"detail\":\"There was a system error. Please try again later\"}";
    public const string MissingQuery = "{\"type\":\"MISSING_QUERY_PARAMETER\",\"title\":\"Validation Failure\",\"detail\":\"Required String parameter 'q' is not present\"}";
    public const string BibNotFound400 = "{\"type\":\"BAD_REQUEST\",\"title\":\"Unable to perform the bib read operation.\",\"detail\":{\"summary\":\"NOT_FOUND\",\"description\":\"Not able to find the requested Bib\"}}";
    public const string NotFound404 = "{\"type\":\"NOT_FOUND\",\"title\":\"Resource Not Found\",\"detail\":\"The specified resource was not found at this address.\"}";
    /// <summary>INFERRED: no 429 body is documented; this follows the API's problem shape.</summary>
    public const string TooManyRequests = "{\"type\":\"TOO_MANY_REQUESTS\",\"title\":\"Too Many Requests\",\"detail\":\"Request limit exceeded. Please try again later.\"}";
    public const string TokenBadCredentials = "{\"code\":401,\"message\":\"No valid authentication credentials found in request\"}";

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON as the API writes it (apostrophes and non-ASCII letters unescaped).</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value, Relaxed);

    public static string Error(string type, string title, string detail) =>
        Json(new Dictionary<string, string> { ["type"] = type, ["title"] = title, ["detail"] = detail });

    public static string InvalidScope(string scope) =>
        Json(new Dictionary<string, object> { ["code"] = 403, ["message"] = $"Invalid scope(s): {scope} ({scope}) [Invalid service specified, Not on key]" });

    public static string MalformedAuthorization(string credentials, string header) =>
        Json(new Dictionary<string, string> { ["message"] = $"'{credentials}' not a valid key=value pair (missing equal-sign) in Authorization header: '{header}'." });

    public static string InvalidIdentifier(string id) =>
        Error("BAD_REQUEST", "Invalid identifier.", "A request with a non-numeric identifier was attempted: " + id);

    public const string CrosswalkFailed = "{\"type\":\"BAD_REQUEST\",\"title\":\"Unable to crosswalk the record.\",\"detail\":\"The record has parsing errors.\"}";

    public static string InvalidContentType(string contentType) =>
        Error("NOT_ACCEPTABLE", "Invalid 'Content-Type' header.", "A request with an invalid 'Content-Type' header was attempted: " + contentType);

    public static string NotAcceptable(string accept) =>
        Error("NOT_ACCEPTABLE", "Invalid 'Accept' header.", "A request with an invalid 'Accept' header was attempted: " + accept);
}
