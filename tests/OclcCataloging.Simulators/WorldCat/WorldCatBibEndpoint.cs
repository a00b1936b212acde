using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>GET /worldcat/manage/bibs/{ocn}: MARCXML or MARC 21 by Accept, merged numbers give the master (doc §1.6).</summary>
internal sealed class WorldCatBibEndpoint(WorldCatSimulatorOptions options)
{
    public async Task HandleAsync(HttpContext context, string id)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (WorldCatMarcBody.Negotiate(accept) == null) { await WorldCatRequestHandler.Write(context, 406, WorldCatBodies.NotAcceptable(accept)); return; }
        if (!WorldCatNumbers.TryParse(id, out long number))
        {
            await WorldCatRequestHandler.Write(context, 400, WorldCatBodies.InvalidIdentifier(id));
            return;
        }
        var bib = options.Catalogue.Find(number);
        if (bib == null) { await WriteNotFound(context, options, number); return; }
        await WorldCatMarcBody.WriteAsync(context, bib.ToMarc());
    }

    /// <summary>An unknown number: 400 BAD_REQUEST/NOT_FOUND or 404, per number as configured.</summary>
    public static Task WriteNotFound(HttpContext context, WorldCatSimulatorOptions options, long number) =>
        options.NotFoundShapes.GetValueOrDefault(number, options.DefaultNotFoundShape) == NotFoundShape.NotFound404
            ? WorldCatRequestHandler.Write(context, 404, WorldCatBodies.NotFound404)
            : WorldCatRequestHandler.Write(context, 400, WorldCatBodies.BibNotFound400);
}
