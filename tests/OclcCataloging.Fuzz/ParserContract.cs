namespace OclcCataloging.Fuzz;

/// <summary>
/// The contract of a parser of other systems' answers and of our own files: it throws only its documented exception
/// (a <see cref="FormatException"/> with a reason), and its memory is bounded by the input size.
/// </summary>
public static class ParserContract
{
    public static void Check(string what, byte[] input, Action run, params Type[] documented)
    {
        long budget = MarcContract.AllocationFloor + MarcContract.AllocationPerInputByte * input.Length;
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            run();
        }
        catch (Exception e) when (documented.Any(t => t.IsInstanceOfType(e)))
        {
            if (string.IsNullOrWhiteSpace(e.Message)) throw new ContractViolation($"{what} threw {e.GetType().Name} without a reason");
        }
        catch (Exception e) when (e is not ContractViolation && e is not OutOfMemoryException)
        {
            throw new ContractViolation($"{what} threw {e.GetType().Name}: {e.Message}", e);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > budget)
            throw new ContractViolation($"{what} ({input.Length} bytes) allocated {allocated:N0} bytes (budget {budget:N0})");
    }

    /// <summary>The input as text the way the callers get it (UTF-8, invalid bytes as U+FFFD).</summary>
    public static string Text(byte[] input) => System.Text.Encoding.UTF8.GetString(input);
}
