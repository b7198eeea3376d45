using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ConfigCat.PowerShell.Loading
{
    /// <summary>
    /// Decides how to answer a failed assembly bind on .NET Framework (Windows PowerShell 5.1), where powershell.exe has no
    /// binding redirects for our dependency closure: System.Memory, for example, asks for Unsafe 4.0.4.1 while the closure
    /// ships 6.0.0.0.
    /// <para>Only names we ship are answered; every other failed bind belongs to other modules and their own handlers. For a
    /// shipped name: reuse the highest already loaded assembly of that name that is at least the requested version (another
    /// module may have loaded a newer copy, and two copies of one library in the session break type identity); else load
    /// the shipped file when it is at least the requested version; else decline.</para>
    /// <para>Declining a request for a version higher than ours leaves it to the handler of the module that asked, instead of
    /// handing it an older copy that fails later with MissingMethodException. A request that names a public key token is
    /// only matched by assemblies with that token, because a same-named assembly from another publisher is not the same
    /// library.</para>
    /// Pure: no file or AppDomain access, so it is tested on any runtime.
    /// </summary>
    internal sealed class AssemblyResolutionPolicy
    {
        private static readonly Version NoVersion = new Version(0, 0, 0, 0);

        private readonly Dictionary<string, ShippedAssembly> shippedByName;

        public AssemblyResolutionPolicy(IEnumerable<ShippedAssembly> shippedAssemblies)
        {
            shippedByName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
            foreach (var shipped in shippedAssemblies)
            {
                if (!string.IsNullOrEmpty(shipped.Identity.Name))
                {
                    shippedByName[shipped.Identity.Name!] = shipped;
                }
            }
        }

        /// <param name="requested">The identity whose bind failed.</param>
        /// <param name="loaded">The assemblies already loaded, in the order the caller will index them; enumerated only
        /// when the requested name is shipped, so unrelated requests cost one dictionary lookup.</param>
        public AssemblyResolution Decide(AssemblyName requested, IEnumerable<AssemblyName> loaded)
        {
            if (string.IsNullOrEmpty(requested.Name) || !shippedByName.TryGetValue(requested.Name!, out var shipped))
            {
                return AssemblyResolution.None;
            }

            int? best = null;
            Version? bestVersion = null;
            var index = 0;
            foreach (var candidate in loaded)
            {
                if (Satisfies(candidate, requested) && (bestVersion == null || VersionOf(candidate) > bestVersion))
                {
                    best = index;
                    bestVersion = VersionOf(candidate);
                }

                index++;
            }

            if (best != null)
            {
                return AssemblyResolution.UseLoaded(best.Value);
            }

            return Satisfies(shipped.Identity, requested) ? AssemblyResolution.UseShipped(shipped.Path) : AssemblyResolution.None;
        }

        private static bool Satisfies(AssemblyName candidate, AssemblyName requested) =>
            string.Equals(candidate.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
            && VersionOf(candidate) >= VersionOf(requested)
            && TokenMatches(candidate, requested);

        private static Version VersionOf(AssemblyName name) => name.Version ?? NoVersion;

        private static bool TokenMatches(AssemblyName candidate, AssemblyName requested)
        {
            var wanted = requested.GetPublicKeyToken();
            if (wanted == null || wanted.Length == 0)
            {
                return true;
            }

            var actual = candidate.GetPublicKeyToken();
            return actual != null && actual.SequenceEqual(wanted);
        }
    }
}
