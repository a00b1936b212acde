#if NET8_0_OR_GREATER
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OclcCataloging.Module
{
    /// <summary>
    /// The private load context for the Dependencies folder. Assemblies found there load here; everything else
    /// (the framework, PowerShell, OclcCataloging.Core) falls back to the default context, so types are shared.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        internal static readonly ModuleLoadContext Instance = new ModuleLoadContext(DependencyLoader.DependencyFolder);

        private readonly string _folder;

        private ModuleLoadContext(string folder) : base("OclcCataloging-Dependencies", isCollectible: false)
        {
            _folder = folder;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == null || assemblyName.Name == "OclcCataloging.Core") return null;
            string path = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
#endif
