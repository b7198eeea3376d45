using System.Reflection;

namespace ConfigCat.PowerShell.Loading
{
    /// <summary>A dll the module ships in its <c>Dependencies</c> folder, with the identity read from its metadata,
    /// so the policy can compare versions without loading the file.</summary>
    internal sealed class ShippedAssembly
    {
        public ShippedAssembly(AssemblyName identity, string path)
        {
            Identity = identity;
            Path = path;
        }

        public AssemblyName Identity { get; }

        public string Path { get; }
    }
}
