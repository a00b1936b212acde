using System;
using System.IO;
using System.Reflection;

namespace OclcCataloging.Module
{
    /// <summary>
    /// Loads the module's third-party dependencies (Polly, SSH.NET and what they bring) from the <c>Dependencies</c>
    /// folder beside the module assembly, isolated from copies other modules may have loaded:
    /// on PowerShell 7 into a private load context (ModuleLoadContext); on Windows PowerShell 5.1, which has no
    /// load contexts, by answering the failed loads of our own assemblies (<see cref="DependencyScope"/>).
    /// OclcCataloging.Core itself has no dependencies and is shared with the default context, so its types
    /// (MarcRecord, ...) work as PowerShell type literals.
    /// </summary>
    internal static class DependencyLoader
    {
        internal const string PollyAdapterAssembly = "OclcCataloging.Polly";

        internal const string SftpAdapterAssembly = "OclcCataloging.Sftp";

        private static readonly string s_moduleFolder = Path.GetDirectoryName(typeof(DependencyLoader).Assembly.Location) ?? ".";

        internal static string DependencyFolder { get; } = Path.Combine(s_moduleFolder, "Dependencies");

        /// <summary>The assemblies shipped in <see cref="DependencyFolder"/>: the only ones the module loads or answers for.</summary>
        internal static DependencyScope Scope { get; } = DependencyScope.FromFolder(s_moduleFolder, DependencyFolder);

        internal static Assembly LoadDependency(string simpleName)
        {
#if NET8_0_OR_GREATER
            return ModuleLoadContext.Instance.LoadFromAssemblyName(new AssemblyName(simpleName));
#else
            string path = Scope.ShippedFile(simpleName)
                ?? throw new FileNotFoundException("The module's dependency '" + simpleName + "' is missing from " + DependencyFolder + ". Reinstall the module.");
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

        private static Assembly? ResolveFromDependencyFolder(object sender, ResolveEventArgs args)
        {
            Assembly? requester = args.RequestingAssembly;
            string? requesterPath = requester == null ? null : requester.IsDynamic ? string.Empty : requester.Location;
            string? path = Scope.FileFor(new AssemblyName(args.Name), requesterPath);
            return path == null ? null : Assembly.LoadFrom(path);
        }
#endif
    }
}
