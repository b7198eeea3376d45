using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ConfigCat.PowerShell.Loading
{
    /// <summary>
    /// Serves the module's <c>Dependencies</c> folder to <see cref="AppDomain.AssemblyResolve"/> on .NET Framework.
    /// <para>Windows PowerShell 5.1 loads our dll with LoadFrom, so the binder probes only the module folder and has no
    /// binding redirects; the System.Text.Json closure in <c>Dependencies</c> is found only through this handler. On
    /// PowerShell 7 the runtime's own System.Text.Json (8.0 or later) satisfies the engine's reference, so nothing is hooked
    /// there and the shipped copies are never loaded.</para>
    /// Register and Unregister are idempotent because Import-Module -Force and Remove-Module may call them repeatedly.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private const string DependencyFolderName = "Dependencies";

        private readonly object gate = new object();
        private readonly string moduleDirectory;
        private readonly bool isNetFramework;
        private AssemblyResolutionPolicy? policy;

        /// <param name="moduleDirectory">The folder of the module's own assemblies, holding the <c>Dependencies</c> folder.</param>
        /// <param name="frameworkDescription">The runtime, as RuntimeInformation.FrameworkDescription names it.</param>
        public DependencyResolver(string moduleDirectory, string frameworkDescription)
        {
            this.moduleDirectory = moduleDirectory;
            isNetFramework = frameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);
        }

        public bool IsRegistered
        {
            get
            {
                lock (gate)
                {
                    return policy != null;
                }
            }
        }

        /// <summary>The resolver for the module's own folder (the folder of this dll) on the current runtime.</summary>
        public static DependencyResolver ForModule(string frameworkDescription)
        {
            var moduleDirectory = Path.GetDirectoryName(typeof(DependencyResolver).Assembly.Location) ?? string.Empty;
            return new DependencyResolver(moduleDirectory, frameworkDescription);
        }

        public void Register()
        {
            if (!isNetFramework)
            {
                return;
            }

            lock (gate)
            {
                if (policy != null)
                {
                    return;
                }

                policy = new AssemblyResolutionPolicy(moduleDirectory, ReadShippedAssemblies(Path.Combine(moduleDirectory, DependencyFolderName)));
                AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;
            }
        }

        public void Unregister()
        {
            lock (gate)
            {
                if (policy == null)
                {
                    return;
                }

                AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;
                policy = null;
            }
        }

        private static IEnumerable<ShippedAssembly> ReadShippedAssemblies(string directory)
        {
            if (!Directory.Exists(directory))
            {
                return Enumerable.Empty<ShippedAssembly>();
            }

            return Directory.GetFiles(directory, "*.dll")
                .Select(path => new ShippedAssembly(AssemblyName.GetAssemblyName(path), path))
                .ToList();
        }

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            AssemblyResolutionPolicy? current;
            lock (gate)
            {
                current = policy;
            }

            if (current == null)
            {
                return null;
            }

            var loaded = AppDomain.CurrentDomain.GetAssemblies();
            var decision = current.Decide(new AssemblyName(args.Name), LocationOf(args.RequestingAssembly), loaded.Select(assembly => assembly.GetName()));
            if (decision.LoadedIndex is int index)
            {
                return loaded[index];
            }

            return decision.ShippedPath != null ? Assembly.LoadFrom(decision.ShippedPath) : null;
        }

        /// <summary>Null for an assembly without a file (dynamic or loaded from bytes), which is never one of ours.</summary>
        private static string? LocationOf(Assembly? requester) =>
            requester == null || requester.IsDynamic ? null : requester.Location;
    }
}
