namespace System.Runtime.CompilerServices
{
    /// <summary>.NET Framework has no such attribute; the compiler only needs the name to emit the module initializer
    /// that <see cref="ConfigCat.Tests.Support.ThreadPoolSetup"/> relies on. Compiled for net472 only.</summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    internal sealed class ModuleInitializerAttribute : Attribute
    {
    }
}
