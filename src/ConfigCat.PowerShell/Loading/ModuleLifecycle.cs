using System.Management.Automation;
using System.Runtime.InteropServices;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Loading
{
    /// <summary>
    /// PowerShell calls OnImport when Import-Module loads this dll and OnRemove on Remove-Module; both are the module's
    /// only start-up and shutdown hooks, so they stay one call each.
    /// <para>PowerShell reflects over this assembly's public types before OnImport runs, so no public type here may derive
    /// from or expose a type of the shipped dependencies (System.Text.Json and its closure): on Windows PowerShell 5.1 that
    /// would fail to load before the resolver exists.</para>
    /// </summary>
    public sealed class ModuleLifecycle : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly DependencyResolver Resolver = DependencyResolver.ForModule(RuntimeInformation.FrameworkDescription);

        public void OnImport() => Resolver.Register();

        /// <summary>Remove-Module ends the runspace's connection as Disconnect-ConfigCat would; connections of other
        /// runspaces keep working (the assembly stays loaded in the process).</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            ConnectionStore.DisconnectCurrent();
            Resolver.Unregister();
        }
    }
}
