using Microsoft.AspNetCore.Http;

namespace OclcCataloging.Simulators.WorldCat;

/// <summary>
/// The outcome words of the request log. A request whose reply was lost after it was applied is logged
/// <c>lost:&lt;outcome&gt;</c>; one dropped before it was applied, <see cref="Dropped"/>; an injected error status, <c>fault:&lt;status&gt;</c>.
/// </summary>
public static class RequestOutcomes
{
    public const string Set = "set";
    public const string AlreadySet = "already-set";
    public const string Unset = "unset";
    /// <summary>Unset with cascadeDelete=true that also deleted the institution's LHRs/LBDs for the number.</summary>
    public const string UnsetCascaded = "unset-cascaded";
    public const string AlreadyUnset = "already-unset";
    public const string UnsetBlocked = "unset-blocked";
    public const string Created = "created";
    public const string Replaced = "replaced";
    public const string Deleted = "deleted";
    public const string Read = "read";
    public const string NotFound = "not-found";
    public const string BadRequest = "bad-request";
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string RateLimited = "rate-limited";
    public const string Dropped = "dropped";
    public const string LostPrefix = "lost:";
    public const string FaultPrefix = "fault:";

    private const string ItemKey = "OclcCataloging.Simulators.RequestNotes";

    /// <summary>Whether a logged outcome changed the simulator's state.</summary>
    public static bool Changes(string outcome)
    {
        var o = outcome.StartsWith(LostPrefix, StringComparison.Ordinal) ? outcome[LostPrefix.Length..] : outcome;
        return o is Set or Unset or UnsetCascaded or Created or Replaced or Deleted;
    }

    internal sealed class Notes
    {
        public string? OclcNumber { get; set; }
        public string? Institution { get; set; }
        public string? Outcome { get; set; }
        /// <summary>Drop the connection once the request is recorded (so a test that sees the reset also sees the log entry).</summary>
        public bool Abort { get; set; }
    }

    internal static Notes For(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is Notes notes) return notes;
        notes = new Notes();
        context.Items[ItemKey] = notes;
        return notes;
    }

    internal static void Note(HttpContext context, string outcome, string? oclcNumber = null)
    {
        var notes = For(context);
        notes.Outcome = outcome;
        if (oclcNumber != null) notes.OclcNumber = oclcNumber;
    }
}
