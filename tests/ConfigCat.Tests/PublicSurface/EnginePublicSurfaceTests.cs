using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using ConfigCat.Engine.Client;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.PublicSurface
{
    /// <summary>
    /// The engine is public only where the cmdlet layer uses it and where the objects the cmdlets write expose it; the rest
    /// is internal. The list of public types is checked in so that widening the surface is a reviewed change, not a side
    /// effect of a new class.
    /// </summary>
    public class EnginePublicSurfaceTests
    {
        private const string ListPath = "tests/ConfigCat.Tests/PublicSurface/engine-public-types.txt";

        [Fact]
        public void The_engine_exports_exactly_the_listed_types()
        {
            var listed = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, ListPath))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0)
                .ToList();
            var exported = typeof(ConfigCatClient).Assembly.GetExportedTypes().Select(type => type.FullName!).ToList();

            var added = exported.Except(listed).OrderBy(name => name, StringComparer.Ordinal).ToList();
            var removed = listed.Except(exported).OrderBy(name => name, StringComparer.Ordinal).ToList();

            Assert.True(
                added.Count == 0 && removed.Count == 0,
                "The engine's public types differ from " + ListPath + "." +
                (added.Count > 0 ? " Public but not listed: " + string.Join(", ", added) + "." : string.Empty) +
                (removed.Count > 0 ? " Listed but not public: " + string.Join(", ", removed) + "." : string.Empty) +
                " Make a type internal unless the cmdlet layer needs it; if it does, add or remove its full name in the list" +
                " (one a line, sorted) in the same commit.");
        }

        [Fact]
        public void The_cmdlet_layer_is_not_given_the_engine_internals()
        {
            var friends = typeof(ConfigCatClient).Assembly.GetCustomAttributes(typeof(InternalsVisibleToAttribute), false)
                .Cast<InternalsVisibleToAttribute>()
                .Select(attribute => attribute.AssemblyName.Split(',')[0].Trim());

            Assert.DoesNotContain("ConfigCat.PowerShell", friends);
        }
    }
}
