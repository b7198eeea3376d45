namespace DesktopDeps
{
    /// <summary>An executable needs an entry point; publishing it is what yields the dependency closure.</summary>
    internal static class Program
    {
        private static void Main()
        {
        }
    }
}
