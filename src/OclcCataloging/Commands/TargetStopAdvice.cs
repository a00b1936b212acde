using System;
using System.Globalization;
using OclcCataloging.Search;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// What to tell the user when a WorldCat or search target stops a run (<see cref="SearchTargetUnavailableException"/>):
    /// refused credentials need the client id and secret checked, which no rerun alone can fix; a spent budget or an
    /// unreachable target is continued by running again with -Resume.
    /// </summary>
    internal static class TargetStopAdvice
    {
        /// <summary>True when the target refused the credentials or their scope.</summary>
        internal static bool IsCredentialProblem(SearchTargetUnavailableException e) =>
            e.Reason == "AuthenticationFailed" || e.Reason == "MissingScope";

        /// <summary>The sentence after the target's message. <paramref name="canResume"/>: the run kept a state to resume from.</summary>
        internal static string For(SearchTargetUnavailableException e, bool canResume, string noStateAdvice)
        {
            if (IsCredentialProblem(e))
                return " Check the client id (WSKey) and secret given with -Credential or saved with Set-OclcConnection, and that the key has the scope the request needs.";
            if (!canResume) return noStateAdvice;
            string when = e.RetryAfter.HasValue ? " after " + e.RetryAfter.Value.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) : string.Empty;
            return " Run the same command again with -Resume" + when + " to continue.";
        }
    }
}
