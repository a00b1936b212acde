using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>The background listeners of this process, by port, so Get-/Stop-GatewayListener can find them from any runspace.</summary>
    internal static class GatewayListenerRegistry
    {
        private static readonly ConcurrentDictionary<int, GatewayListenerHost> s_listeners = new ConcurrentDictionary<int, GatewayListenerHost>();

        internal static bool TryAdd(GatewayListenerHost host) => s_listeners.TryAdd(host.Port, host);

        internal static bool TryGet(int port, out GatewayListenerHost? host)
        {
            bool found = s_listeners.TryGetValue(port, out GatewayListenerHost? h);
            host = h;
            return found;
        }

        internal static bool Remove(GatewayListenerHost host) =>
            ((ICollection<KeyValuePair<int, GatewayListenerHost>>)s_listeners).Remove(new KeyValuePair<int, GatewayListenerHost>(host.Port, host));

        internal static IList<GatewayListenerHost> All() => s_listeners.Values.OrderBy(h => h.Port).ToList();

        /// <summary>Stops every listener (the module is being removed: nothing would be left to stop them).</summary>
        internal static void StopAll()
        {
            foreach (GatewayListenerHost host in All())
            {
                host.Stop();
                Remove(host);
            }
        }
    }
}
