using System.Text;
using Microsoft.AspNetCore.Http;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>GET /worldcat/manage/bibs/{ocn}: MARCXML or MARC 21 by Accept, merged numbers give the master (doc §1.6).</summary>
internal sealed class WorldCatBibEndpoint(WorldCatSimulatorOptions options)
{
    public const string MarcXml = "application/marcxml+xml";
    public const string Marc21 = "application/marc";

    public async Task HandleAsync(HttpContext context, string id)
    {
        var accept = context.Request.Headers.Accept.ToString();
        var format = Negotiate(accept);
        if (format == null) { await WorldCatRequestHandler.Write(context, 406, WorldCatBodies.NotAcceptable(accept)); return; }
        if (id.Length == 0 || id.Length > 18 || !id.All(char.IsAsciiDigit))
        {
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.InvalidIdentifier(id));
            return;
        }
        long number = long.Parse(id);
        var bib = options.Catalogue.Find(number);
        if (bib == null)
        {
            var shape = options.NotFoundShapes.GetValueOrDefault(number, options.DefaultNotFoundShape);
            if (shape == NotFoundShape.NotFound404) await WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404);
            else await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.BibNotFound400);
            return;
        }
        var record = bib.ToMarc();
        if (format == MarcXml)
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = MarcXml + ";charset=UTF-8";
            var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + MarcXmlWriter.ToXml(record));
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = Marc21;
            await context.Response.Body.WriteAsync(Iso2709Writer.ToBytes(record), context.RequestAborted);
        }
    }

    /// <summary>marcxml for application/marcxml+xml, no Accept or */*; marc for application/marc; null otherwise (406).</summary>
    private static string? Negotiate(string accept)
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
}
