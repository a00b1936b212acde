using System.Runtime.CompilerServices;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Compile)]</c> marks the few methods that run for every field of every record when whole files
    /// are converted: they are compiled fully optimised on their first call, instead of starting as quickly compiled
    /// code that is measured (profile-guided tiers) and compiled again later. With several threads running them at
    /// once, the measuring costs more than the work for the first seconds of a run (the threads share its counters);
    /// measured on the converter: serialising 200,000 records to MARCXML took 1.5 s of CPU instead of 0.4 s. See
    /// docs/design/marc-conversion.md.
    /// </summary>
    internal static class HotPath
    {
#if NETCOREAPP3_0_OR_GREATER
        internal const MethodImplOptions Compile = MethodImplOptions.AggressiveOptimization;
#else
        internal const MethodImplOptions Compile = 0; // .NET Framework has no tiers
#endif
    }
}
