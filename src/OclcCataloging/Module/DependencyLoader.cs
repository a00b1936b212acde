using System;
using System.IO;
using System.Reflection;

namespace OclcCataloging.Module
{
    /// <summary>
    /// Loads the module's third-party dependencies (Polly and what it brings) from the <c>Dependencies</c>
    /// folder beside the module assembly, isolated from copies other modules may have loaded:
    /// on PowerShell 7 into a private load context (ModuleLoadContext); on Windows PowerShell 5.1, which has no
    /// load contexts, by answering assembly resolution by simple name from that folder.
    /// OclcCataloging.Core itself has no dependencies and is shared with the default context, so its types
    /// (MarcRecord, ...) work as PowerShell type literals.
    /// </summary>
    internal static class DependencyLoader
    {
        internal const string PollyAdapterAssembly = "OclcCataloging.Polly";

        internal static string DependencyFolder { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".", "Dependencies");

        internal static Assembly LoadDependency(string simpleName)
        {
#if NET8_0_OR_GREATER
            return ModuleLoadContext.Instance.LoadFromAssemblyName(new AssemblyName(simpleName));
#else
            string path = Path.Combine(DependencyFolder, simpleName + ".dll");
            return Assembly.LoadFrom(path);
#endif
        }

#if !NET8_0_OR_GREATER
        private static bool s_registered;

        internal static void RegisterResolver()
        {
            if (s_registered) return;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyFolder;
            s_registered = true;
        }

        internal static void UnregisterResolver()
        {
            if (!s_registered) return;
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromDependencyFolder;
            s_registered = false;
        }

        // .NET Framework has no binding redirects for powershell.exe, and Polly's own references name older
        // versions than the files shipped beside it, so a match by simple name is what makes them load.
        private static Assembly? ResolveFromDependencyFolder(object sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name ?? string.Empty;
            string path = Path.Combine(DependencyFolder, name + ".dll");
            if (!File.Exists(path)) return null;
            return Assembly.LoadFrom(path);
        }
#endif
    }
}
