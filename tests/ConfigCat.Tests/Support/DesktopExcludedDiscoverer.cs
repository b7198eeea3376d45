using System.Collections.Generic;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ConfigCat.Tests.Support
{
    /// <summary>Gives a <see cref="DesktopExcludedAttribute"/> test the trait <c>Desktop=Excluded</c>.</summary>
    public sealed class DesktopExcludedDiscoverer : ITraitDiscoverer
    {
        public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
        {
            yield return new KeyValuePair<string, string>("Desktop", "Excluded");
        }
    }
}
