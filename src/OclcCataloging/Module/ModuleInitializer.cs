using System.Management.Automation;

namespace OclcCataloging.Module
{
    /// <summary>Runs when the module is imported and removed.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
#if !NET8_0_OR_GREATER
            DependencyLoader.RegisterResolver();
#endif
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            OclcCataloging.Commands.Gateway.GatewayListenerRegistry.StopAll();
#if !NET8_0_OR_GREATER
            DependencyLoader.UnregisterResolver();
#endif
        }
    }
}
