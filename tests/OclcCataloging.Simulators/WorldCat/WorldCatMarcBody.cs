using System.Text;
using Microsoft.AspNetCore.Http;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>MARC request and response bodies: application/marcxml+xml or application/marc, chosen by Content-Type / Accept.</summary>
internal static class WorldCatMarcBody
{
    public const string MarcXml = "application/marcxml+xml";
    public const string Marc21 = "application/marc";

    /// <summary>marcxml for application/marcxml+xml, no Accept or */*; marc for application/marc; null otherwise (406).</summary>
    public static string? Negotiate(string accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return MarcXml;
        foreach (var part in accept.Split(','))
        {
            var media = part.Split(';')[0].Trim().ToLowerInvariant();
            if (media == MarcXml || media == "*/*" || media == "application/*") return MarcXml;
            if (media == Marc21) return Marc21;
        }
        return null;
    }

    /// <summary>The record in the format the Accept header asks for; 406 when it asks for neither.</summary>
    public static async Task WriteAsync(HttpContext context, MarcRecord record)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var format = Negotiate(accept);
        if (format == null) { await WorldCatRequestHandler.Write(context, 406, WorldCatBodies.NotAcceptable(accept)); return; }
        context.Response.StatusCode = 200;
        byte[] bytes;
        if (format == MarcXml)
        {
            context.Response.ContentType = MarcXml + ";charset=UTF-8";
            bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + MarcXmlWriter.ToXml(record));
        }
        else
        {
            context.Response.ContentType = Marc21;
            bytes = Iso2709Writer.ToBytes(record);
        }
        context.Response.ContentLength = bytes.Length;
        try { await context.Response.Body.WriteAsync(bytes, context.RequestAborted); }
        catch (OperationCanceledException) { }
    }

    /// <summary>
    /// The one record of the request body, by Content-Type. Null after answering the error: 406 for another media type
    /// (as the API does), 400 "Unable to crosswalk the record." when the body is not a readable record.
    /// </summary>
    public static async Task<MarcRecord?> ReadAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType ?? "";
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (media != MarcXml && media != Marc21)
        {
            await WorldCatRequestHandler.Write(context, 406, WorldCatBodies.InvalidContentType(contentType));
            return null;
        }
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            if (media == MarcXml) return MarcXmlReader.ParseRecord(Encoding.UTF8.GetString(buffer.ToArray()));
            buffer.Position = 0;
            using var reader = new Iso2709Reader(buffer);
            var result = reader.ReadNext();
            if (result?.Record != null) return result.Record;
        }
        catch (FormatException) { }
        catch (System.Xml.XmlException) { }
        await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.CrosswalkFailed);
        return null;
    }
}
