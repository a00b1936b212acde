using System;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Search.WorldCat
{
    /// <summary>
    /// An error body from the Metadata API or the token server. Shapes seen: {"type","title","detail"} with detail a
    /// string or an object {"summary","description"}; {"message"} (401, 403 from the gateway); {"code","message"}
    /// (token server); {"type","title","status":{"summary","description"}} (holdings and bib writes). Type may be a bare code ("NOT_FOUND") or a problem URI ending in the code.
    /// </summary>
    internal sealed class WorldCatErrorBody
    {
        public string? Type { get; private set; }
        public string? Title { get; private set; }
        public string? Detail { get; private set; }
        public string? Summary { get; private set; }
        public string? Message { get; private set; }

        /// <summary>True for both documented not-found shapes: 404, or 400 with detail.summary NOT_FOUND.</summary>
        public static bool IsNotFound(int status, WorldCatErrorBody body) =>
            status == 404 || (status == 400 && string.Equals(body.Summary, "NOT_FOUND", StringComparison.OrdinalIgnoreCase));

        public static WorldCatErrorBody Parse(string? text)
        {
            var body = new WorldCatErrorBody();
            var obj = JsonReader.TryParseObject(text);
            if (obj == null) return body;
            var type = JsonValues.GetString(obj, "type");
            if (type != null)
            {
                int slash = type.LastIndexOf('/');
                body.Type = slash >= 0 ? type.Substring(slash + 1) : type;
            }
            body.Title = JsonValues.GetString(obj, "title");
            body.Message = JsonValues.GetString(obj, "message");
            var detailObject = JsonValues.GetObject(obj, "detail");
            if (detailObject != null)
            {
                body.Summary = JsonValues.GetString(detailObject, "summary");
                body.Detail = JsonValues.GetString(detailObject, "description") ?? body.Summary;
            }
            else
            {
                body.Detail = JsonValues.GetString(obj, "detail");
            }
            // Holdings and bib writes wrap the outcome in "status": {"summary": "BIB_LACKS_CONTROL_NUMBER", "description"}.
            var status = JsonValues.GetObject(obj, "status");
            if (status != null && body.Detail == null)
            {
                body.Summary = JsonValues.GetString(status, "summary");
                body.Detail = JsonValues.GetString(status, "description") ?? body.Summary;
            }
            return body;
        }

        /// <summary>"Title: detail", or the message, for reports.</summary>
        public string? Describe()
        {
            if (Title != null && Detail != null) return Title.TrimEnd('.') + ": " + Detail;
            return Detail ?? Title ?? Message;
        }
    }
}
