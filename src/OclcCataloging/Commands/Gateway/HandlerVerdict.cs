using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Gateway;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// What a -ScriptBlock handler's output means for the sender: <c>$false</c> rejects the record, a
    /// <see cref="GatewayListenerVerdict"/> is used as it is, anything else (or nothing) accepts it. A handler that
    /// throws makes the listener answer that the record could not be stored.
    /// </summary>
    internal static class HandlerVerdict
    {
        internal static GatewayListenerVerdict From(IEnumerable<PSObject> output)
        {
            foreach (PSObject item in output)
            {
                object? value = item?.BaseObject;
                if (value is GatewayListenerVerdict verdict) return verdict;
                if (value is bool b && !b) return GatewayListenerVerdict.Reject("rejected by the listener's handler");
            }
            return GatewayListenerVerdict.Accept();
        }
    }
}
