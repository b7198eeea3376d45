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
        private readonly string dependencyDirectory;
        private readonly bool isNetFramework;
        private AssemblyResolutionPolicy? policy;

        public DependencyResolver(string dependencyDirectory, string frameworkDescription)
        {
            this.dependencyDirectory = dependencyDirectory;
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
            return new DependencyResolver(Path.Combine(moduleDirectory, DependencyFolderName), frameworkDescription);
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

                policy = new AssemblyResolutionPolicy(ReadShippedAssemblies(dependencyDirectory));
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
            var decision = current.Decide(new AssemblyName(args.Name), loaded.Select(assembly => assembly.GetName()));
            if (decision.LoadedIndex is int index)
            {
                return loaded[index];
            }

            return decision.ShippedPath != null ? Assembly.LoadFrom(decision.ShippedPath) : null;
        }
    }
}
