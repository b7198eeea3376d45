using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.PowerShell
{
    /// <summary>
    /// On Windows PowerShell 5.1 only the module's resolver can find the System.Text.Json closure in <c>Dependencies</c>,
    /// so the code that runs before or inside that resolver (all of ConfigCat.PowerShell.dll: the import hook, the resolver
    /// and its policy) must not need any of it, or answering the first request raises a second one nothing can answer.
    /// The engine needs the closure and gets it through the resolver, so each of its references must be one the shipped
    /// files satisfy. Read from the staged module's metadata, never loaded: the test process has its own copies.
    /// </summary>
    public class ModuleAssemblyReferenceTests
    {
        private static readonly string StagedModule = Path.Combine(TestPaths.RepositoryRoot, "out", "ConfigCat");

        [Fact]
        public void The_module_dll_references_nothing_that_ships_in_Dependencies()
        {
            var shipped = ShippedDependencies().Select(name => name.Name).ToList();

            var closureReferences = ReferencesOf("ConfigCat.PowerShell.dll")
                .Where(reference => shipped.Contains(reference.Name, StringComparer.OrdinalIgnoreCase))
                .Select(reference => reference.FullName);

            Assert.Empty(closureReferences);
        }

        [Fact]
        public void Every_engine_reference_outside_netstandard_is_satisfied_by_a_shipped_dependency()
        {
            var shipped = ShippedDependencies();

            var unanswerable = ReferencesOf("ConfigCat.Engine.dll")
                .Where(reference => reference.Name != "netstandard")
                .Where(reference => !shipped.Any(file => Satisfies(file, reference)))
                .Select(reference => reference.FullName);

            Assert.Empty(unanswerable);
        }

        private static bool Satisfies(AssemblyName file, AssemblyName reference) =>
            string.Equals(file.Name, reference.Name, StringComparison.OrdinalIgnoreCase)
            && file.Version >= reference.Version
            && TokenOf(file) == TokenOf(reference);

        private static string TokenOf(AssemblyName name) => BitConverter.ToString(name.GetPublicKeyToken() ?? Array.Empty<byte>());

        private static List<AssemblyName> ShippedDependencies()
        {
            var directory = Path.Combine(StagedModule, "Dependencies");
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("The staged module is missing: run `dotnet pwsh ./build.ps1 Build` first (expected " + directory + ").");
            }

            var names = Directory.GetFiles(directory, "*.dll").Select(IdentityOf).ToList();
            Assert.NotEmpty(names);
            return names;
        }

        private static AssemblyName IdentityOf(string path) =>
            ReadMetadata(path, metadata => metadata.GetAssemblyDefinition().GetAssemblyName());

        private static List<AssemblyName> ReferencesOf(string stagedFile) =>
            ReadMetadata(Path.Combine(StagedModule, stagedFile), metadata =>
                metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle).GetAssemblyName()).ToList());

        private static T ReadMetadata<T>(string path, Func<MetadataReader, T> read)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return read(pe.GetMetadataReader());
        }
    }
}
