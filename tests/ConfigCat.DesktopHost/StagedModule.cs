using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ConfigCat.DesktopHost
{
    /// <summary>
    /// The staged module folder as Windows PowerShell 5.1 sees it. PowerShell loads the module's dll with LoadFrom, and the
    /// engine beside it is found by LoadFrom probing; this host was compiled against both, so its own binds of them are
    /// answered with the staged files here. The host's own use of System.Text.Json (reading fixtures) gets the copy the
    /// module's resolver already loaded, never a file of its own: the closure reaches the process only through the module.
    /// </summary>
    internal sealed class StagedModule
    {
        private static readonly string[] ModuleAssemblies = { "ConfigCat.PowerShell", "ConfigCat.Engine" };

        private readonly string dependencyDirectory;
        private readonly HashSet<string> shippedNames;

        public StagedModule(string directory)
        {
            Directory = directory;
            dependencyDirectory = Path.Combine(directory, "Dependencies");
            shippedNames = new HashSet<string>(
                System.IO.Directory.GetFiles(dependencyDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension),
                StringComparer.OrdinalIgnoreCase);
        }

        public string Directory { get; }

        public void Attach() => AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;

        /// <summary>Module or closure assemblies in the process that did not come from the staged folder. The runtime's own
        /// copies in the GAC do not count: the binder takes a satisfying GAC assembly before any resolver is asked (Mono, for
        /// one, counts System.Numerics.Vectors as part of its framework).</summary>
        public IReadOnlyList<string> AssembliesLoadedFromElsewhere() =>
            AppDomain.CurrentDomain.GetAssemblies()
                .Where(assembly => !assembly.IsDynamic && !assembly.GlobalAssemblyCache)
                .Select(assembly => (Name: assembly.GetName().Name ?? string.Empty, assembly.Location))
                .Where(loaded => (ModuleAssemblies.Contains(loaded.Name) && !IsIn(loaded.Location, Directory))
                    || (shippedNames.Contains(loaded.Name) && !IsIn(loaded.Location, dependencyDirectory)))
                .Select(loaded => loaded.Name + " from " + loaded.Location)
                .ToList();

        private static bool IsIn(string location, string directory) =>
            string.Equals(Path.GetDirectoryName(Path.GetFullPath(location)), directory, StringComparison.OrdinalIgnoreCase);

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name ?? string.Empty;
            if (ModuleAssemblies.Contains(name))
            {
                return Assembly.LoadFrom(Path.Combine(Directory, name + ".dll"));
            }

            if (args.RequestingAssembly == typeof(StagedModule).Assembly && shippedNames.Contains(name))
            {
                return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(assembly => assembly.GetName().Name == name);
            }

            return null;
        }
    }
}
