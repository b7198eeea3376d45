using System;
using Xunit.Sdk;

namespace ConfigCat.Tests.Support
{
    /// <summary>Leaves a test out of the Desktop leg (the net472 build under Mono or on Windows) and says why; the test
    /// still runs in the net10.0 leg. build.ps1 runs the Desktop leg with <c>-notrait Desktop=Excluded</c>. Whole files
    /// left out of that leg are listed in ConfigCat.Tests.csproj instead.</summary>
    [TraitDiscoverer("ConfigCat.Tests.Support.DesktopExcludedDiscoverer", "ConfigCat.Tests")]
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
    public sealed class DesktopExcludedAttribute : Attribute, ITraitAttribute
    {
        public DesktopExcludedAttribute(string reason) => Reason = reason;

        public string Reason { get; }
    }
}
