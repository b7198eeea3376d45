using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace ConfigCat.PowerShell.Loading
{
    /// <summary>
    /// Decides how to answer a failed assembly bind on .NET Framework (Windows PowerShell 5.1), where powershell.exe has no
    /// binding redirects for our dependency closure: System.Memory, for example, asks for Unsafe 4.0.4.1 while the closure
    /// ships 6.0.0.0.
    /// <para>Only requests from our own assemblies (the module folder) or from the shipped files are answered, and only for
    /// names we ship: Az.Accounts, Microsoft.Graph and other modules carry their own System.Text.Json, System.Memory and
    /// resolvers, and a copy of ours handed to them could be older than what they were built against. Every other failed
    /// bind belongs to other handlers, whichever was registered first.</para>
    /// <para>For a request of ours: reuse the highest already loaded assembly of that name that is at least the requested
    /// version (another module may have loaded a newer copy, and two copies of one library in the session break type
    /// identity); else load the shipped file when it is at least the requested version; else decline. A request that names
    /// a public key token is only matched by assemblies with that token, because a same-named assembly from another
    /// publisher is not the same library.</para>
    /// Pure: no file or AppDomain access, so it is tested on any runtime. Paths compare case-insensitively because the
    /// runtime it serves is Windows-only.
    /// </summary>
    internal sealed class AssemblyResolutionPolicy
    {
        private static readonly Version NoVersion = new Version(0, 0, 0, 0);

        private readonly string moduleDirectory;
        private readonly Dictionary<string, ShippedAssembly> shippedByName;
        private readonly HashSet<string> shippedPaths;

        /// <param name="moduleDirectory">The folder of the module's own assemblies.</param>
        /// <param name="shippedAssemblies">The closure the module ships (its <c>Dependencies</c> folder).</param>
        public AssemblyResolutionPolicy(string moduleDirectory, IEnumerable<ShippedAssembly> shippedAssemblies)
        {
            this.moduleDirectory = NormalizedDirectory(moduleDirectory);
            shippedByName = new Dictionary<string, ShippedAssembly>(StringComparer.OrdinalIgnoreCase);
            shippedPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var shipped in shippedAssemblies)
            {
                if (!string.IsNullOrEmpty(shipped.Identity.Name))
                {
                    shippedByName[shipped.Identity.Name!] = shipped;
                    shippedPaths.Add(Path.GetFullPath(shipped.Path));
                }
            }
        }

        /// <param name="requested">The identity whose bind failed.</param>
        /// <param name="requesterLocation">The file of the assembly whose reference failed to bind; null or empty when the
        /// runtime does not say (then the request is not known to be ours).</param>
        /// <param name="loaded">The assemblies already loaded, in the order the caller will index them; enumerated only
        /// when the request is ours, so unrelated requests cost a dictionary lookup and a path comparison.</param>
        public AssemblyResolution Decide(AssemblyName requested, string? requesterLocation, IEnumerable<AssemblyName> loaded)
        {
            if (string.IsNullOrEmpty(requested.Name) || !shippedByName.TryGetValue(requested.Name!, out var shipped) || !IsOurs(requesterLocation))
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

        private static string NormalizedDirectory(string directory) =>
            Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

        private bool IsOurs(string? requesterLocation)
        {
            if (string.IsNullOrEmpty(requesterLocation))
            {
                return false;
            }

            var location = Path.GetFullPath(requesterLocation);
            return shippedPaths.Contains(location)
                || string.Equals(Path.GetDirectoryName(location), moduleDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private static bool Satisfies(AssemblyName candidate, AssemblyName requested) =>
            string.Equals(candidate.Name, requested.Name, StringComparison.OrdinalIgnoreCase)
            && VersionOf(candidate) >= VersionOf(requested)
            && TokenMatches(candidate, requested);

        private static Version VersionOf(AssemblyName name) => name.Version ?? NoVersion;

        /// <summary>Compared by hand: <c>SequenceEqual</c> on two arrays binds to System.Memory's span overload, which is
        /// part of the closure this policy serves and so cannot be loaded while it decides.</summary>
        private static bool TokenMatches(AssemblyName candidate, AssemblyName requested)
        {
            var wanted = requested.GetPublicKeyToken();
            if (wanted == null || wanted.Length == 0)
            {
                return true;
            }

            var actual = candidate.GetPublicKeyToken();
            if (actual == null || actual.Length != wanted.Length)
            {
                return false;
            }

            for (var i = 0; i < wanted.Length; i++)
            {
                if (actual[i] != wanted[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
