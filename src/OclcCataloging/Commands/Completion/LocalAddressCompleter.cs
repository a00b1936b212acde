using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OclcCataloging.Commands.Completion
{
    /// <summary>Completes a local address to listen on: every IPv4 address, the loopback address, then this computer's own addresses.</summary>
    public sealed class LocalAddressCompleter : ListCompleter
    {
        protected override IEnumerable<KeyValuePair<string, string>> Values(IDictionary fakeBoundParameters)
        {
            yield return Value("0.0.0.0", "Every IPv4 address of this computer (the default)");
            yield return Value("127.0.0.1", "This computer only (loopback)");
            foreach (string address in OwnAddresses()) yield return Value(address, "An address of this computer");
        }

        private static IEnumerable<string> OwnAddresses()
        {
            NetworkInterface[] interfaces;
            try { interfaces = NetworkInterface.GetAllNetworkInterfaces(); }
            catch (NetworkInformationException) { return Enumerable.Empty<string>(); }
            return interfaces
                .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork || a.Address.AddressFamily == AddressFamily.InterNetworkV6)
                .Where(a => !a.Address.IsIPv6LinkLocal)
                .Select(a => a.Address.ToString())
                .Where(a => a != "127.0.0.1")
                .Distinct()
                .ToList();
        }
    }
}
