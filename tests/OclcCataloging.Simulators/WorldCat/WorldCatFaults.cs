using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>Serves a request through a fault: delay, error status (not applied), reset (not applied) or lost reply (applied).</summary>
internal sealed class WorldCatFaults(WorldCatSimulatorOptions options, WorldCatSimulatorState state)
{
    /// <summary>Serves a request that acts on <paramref name="oclcNumber"/> through that number's injected fault, if any.</summary>
    public Task ForNumberAsync(HttpContext context, long oclcNumber, Func<Task> serve) =>
        RunAsync(context, state.TakeNumberFault(oclcNumber), serve);

    public async Task RunAsync(HttpContext context, SimulatedFault? fault, Func<Task> serve)
    {
        if (fault == null) { await serve(); return; }
        if (fault.Delay > TimeSpan.Zero) await WorldCatRequestHandler.Delay(fault.Delay, context);
        if (fault.Abort)
        {
            RequestOutcomes.Note(context, RequestOutcomes.Dropped);
            RequestOutcomes.For(context).Abort = true;
            return;
        }
        if (fault.Status.HasValue)
        {
            RequestOutcomes.Note(context, RequestOutcomes.FaultPrefix + fault.Status.Value);
            WorldCatRequestHandler.SetRetryAfter(context, options, fault.RetryAfterSeconds, fault.RetryAfterAsDate);
            await WorldCatRequestHandler.Write(context, fault.Status.Value, fault.Body, fault.ContentType);
            return;
        }
        if (!fault.LoseReply) { await serve(); return; }

        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try { await serve(); }
        finally { context.Response.Body = body; }
        var notes = RequestOutcomes.For(context);
        notes.Outcome = RequestOutcomes.LostPrefix + (notes.Outcome ?? "served");
        notes.Abort = true;
    }
}
