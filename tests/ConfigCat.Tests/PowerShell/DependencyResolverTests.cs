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
    /// generated probe assemblies with unique names, because a loaded assembly never unloads from the test process. Binds
    /// that count as the module's own are made by a generated loader assembly in the module folder, since the resolver
    /// answers only requests from there.
    /// </summary>
    public sealed class DependencyResolverTests : IDisposable
    {
        private const string WindowsPowerShellRuntime = ".NET Framework 4.8.9290.0";

        private readonly string moduleDirectory = Path.Combine(Path.GetTempPath(), "configcat-resolver-" + Guid.NewGuid().ToString("N"));
        private readonly string dependencyDirectory;

        public DependencyResolverTests()
        {
            dependencyDirectory = Path.Combine(moduleDirectory, "Dependencies");
            Directory.CreateDirectory(dependencyDirectory);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(moduleDirectory, recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                // Windows keeps a loaded dll locked until the process exits; the temp folder is left for the OS to clean.
            }
        }

        [Fact]
        public void On_NET_Framework_a_failed_bind_of_an_older_version_from_the_module_loads_the_shipped_file()
        {
            var probe = ShipProbe(new Version(2, 0, 0, 0));
            var load = ModuleLoader();
            var resolver = new DependencyResolver(moduleDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            try
            {
                var assembly = load(probe + ", Version=1.0.0.0");

                Assert.Equal(probe, assembly.GetName().Name);
                Assert.Equal(new Version(2, 0, 0, 0), assembly.GetName().Version);
                Assert.Equal(Path.Combine(dependencyDirectory, probe + ".dll"), assembly.Location);
                Assert.Same(assembly, load(probe + ", Version=2.0.0.0"));
            }
            finally
            {
                resolver.Unregister();
            }
        }

        [Fact]
        public void A_failed_bind_from_outside_the_module_is_left_to_other_handlers_even_for_a_shipped_name()
        {
            var probe = ShipProbe(new Version(1, 0, 0, 0));
            var resolver = new DependencyResolver(moduleDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            try
            {
                Assert.Throws<FileNotFoundException>(() => Assembly.Load(new AssemblyName(probe)));
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
            var load = ModuleLoader();
            var resolver = new DependencyResolver(moduleDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            resolver.Register();
            resolver.Unregister();

            Assert.False(resolver.IsRegistered);
            Assert.Throws<FileNotFoundException>(() => load(probe));
        }

        [Fact]
        public void On_modern_NET_as_in_PowerShell_7_nothing_is_hooked()
        {
            var probe = ShipProbe(new Version(1, 0, 0, 0));
            var load = ModuleLoader();
            var resolver = new DependencyResolver(moduleDirectory, RuntimeInformation.FrameworkDescription);

            resolver.Register();

            Assert.False(resolver.IsRegistered);
            Assert.Throws<FileNotFoundException>(() => load(probe));
        }

        [Fact]
        public void A_missing_Dependencies_folder_hooks_but_answers_nothing()
        {
            Directory.Delete(dependencyDirectory);
            var load = ModuleLoader();
            var resolver = new DependencyResolver(moduleDirectory, WindowsPowerShellRuntime);

            resolver.Register();
            try
            {
                Assert.True(resolver.IsRegistered);
                Assert.Throws<FileNotFoundException>(() => load("ConfigCat.ResolverProbe.Absent" + Guid.NewGuid().ToString("N")));
            }
            finally
            {
                resolver.Unregister();
            }
        }

        /// <summary>Writes an assembly into the module folder whose one method calls Assembly.Load(string), so the runtime
        /// names it as the requester of that bind; returns that method.</summary>
        private Func<string, Assembly> ModuleLoader()
        {
            var name = "ConfigCat.ResolverLoader" + Guid.NewGuid().ToString("N");
            var builder = new PersistedAssemblyBuilder(new AssemblyName(name), typeof(object).Assembly);
            var type = builder.DefineDynamicModule(name).DefineType("Loader", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
            var method = type.DefineMethod("Load", MethodAttributes.Public | MethodAttributes.Static, typeof(Assembly), new[] { typeof(string) });
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, typeof(Assembly).GetMethod(nameof(Assembly.Load), new[] { typeof(string) })!);
            il.Emit(OpCodes.Ret);
            type.CreateType();
            var path = Path.Combine(moduleDirectory, name + ".dll");
            builder.Save(path);

            var loader = Assembly.LoadFrom(path).GetType("Loader")!.GetMethod("Load")!;
            return assemblyName =>
            {
                try
                {
                    return (Assembly)loader.Invoke(null, new object[] { assemblyName })!;
                }
                catch (TargetInvocationException invocation) when (invocation.InnerException != null)
                {
                    throw invocation.InnerException;
                }
            };
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
