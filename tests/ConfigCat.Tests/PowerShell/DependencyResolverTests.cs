using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using ConfigCat.PowerShell.Loading;
using Xunit;

namespace ConfigCat.Tests.PowerShell
{
    /// <summary>
    /// The resolver against the real AppDomain.AssemblyResolve event. .NET raises that event too when a bind fails, so a
    /// resolver told it runs on ".NET Framework" behaves here as it would in Windows PowerShell 5.1. Each test ships freshly
    /// generated probe assemblies with unique names, because a loaded assembly never unloads from the test process.
    /// </summary>
    public sealed class DependencyResolverTests : IDisposable
    {
        private const string WindowsPowerShellRuntime = ".NET Framework 4.8.9290.0";

        private readonly string dependencyDirectory = Path.Combine(Path.GetTempPath(), "configcat-resolver-" + Guid.NewGuid().ToString("N"));

        public DependencyResolverTests() => Directory.CreateDirectory(dependencyDirectory);

        public void Dispose()
        {
            try
            {
                Directory.Delete(dependencyDirectory, recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                // Windows keeps a loaded dll locked until the process exits; the temp folder is left for the OS to clean.
            }
        }

        [Fact]
        public void On_NET_Framework_a_failed_bind_of_an_older_version_loads_the_shipped_file()
        {
            var probe = ShipProbe(new Version(2, 0, 0, 0));
            var resolver = new DependencyResolver(dependencyDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            try
            {
                var assembly = Assembly.Load(new AssemblyName(probe + ", Version=1.0.0.0"));

                Assert.Equal(probe, assembly.GetName().Name);
                Assert.Equal(new Version(2, 0, 0, 0), assembly.GetName().Version);
                Assert.Equal(Path.Combine(dependencyDirectory, probe + ".dll"), assembly.Location);
                Assert.Same(assembly, Assembly.Load(new AssemblyName(probe + ", Version=2.0.0.0")));
            }
            finally
            {
                resolver.Unregister();
            }
        }

        [Fact]
        public void Unregister_removes_the_handler_even_after_repeated_Register()
        {
            var probe = ShipProbe(new Version(1, 0, 0, 0));
            var resolver = new DependencyResolver(dependencyDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            resolver.Register();
            resolver.Unregister();

            Assert.False(resolver.IsRegistered);
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName(probe)));
        }

        [Fact]
        public void On_modern_NET_as_in_PowerShell_7_nothing_is_hooked()
        {
            var probe = ShipProbe(new Version(1, 0, 0, 0));
            var resolver = new DependencyResolver(dependencyDirectory, RuntimeInformation.FrameworkDescription);

            resolver.Register();

            Assert.False(resolver.IsRegistered);
            Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName(probe)));
        }

        [Fact]
        public void A_missing_Dependencies_folder_hooks_but_answers_nothing()
        {
            var resolver = new DependencyResolver(Path.Combine(dependencyDirectory, "absent"), WindowsPowerShellRuntime);

            resolver.Register();
            try
            {
                Assert.True(resolver.IsRegistered);
                Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName("ConfigCat.ResolverProbe.Absent" + Guid.NewGuid().ToString("N"))));
            }
            finally
            {
                resolver.Unregister();
            }
        }

        /// <summary>Writes a minimal assembly with a unique simple name into the dependency folder; returns that name.</summary>
        private string ShipProbe(Version version)
        {
            var name = "ConfigCat.ResolverProbe" + Guid.NewGuid().ToString("N");
            var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
            builder.DefineDynamicModule(name).DefineType("Probe", TypeAttributes.Public).CreateType();
            builder.Save(Path.Combine(dependencyDirectory, name + ".dll"));
            return name;
        }
    }
}
