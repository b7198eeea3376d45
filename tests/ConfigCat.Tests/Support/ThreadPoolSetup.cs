using System.Runtime.CompilerServices;
using System.Threading;

namespace ConfigCat.Tests.Support
{
    /// <summary>
    /// Many tests here wait synchronously (ForceRefresh, WaitForReady, lazy-load reads) on thread-pool threads while
    /// the in-process loopback server and the HTTP continuations they wait for also need pool threads. With the
    /// default minimum of one thread per core, parallel test classes can starve the pool for seconds. PowerShell
    /// calls the engine from dedicated pipeline threads, so this is a property of the test host, not of the module.
    /// </summary>
    internal static class ThreadPoolSetup
    {
        [ModuleInitializer]
        internal static void RaiseMinimumThreads()
        {
            ThreadPool.GetMinThreads(out var workers, out var completionPorts);
            ThreadPool.SetMinThreads(System.Math.Max(workers, 64), System.Math.Max(completionPorts, 64));
        }
    }
}
