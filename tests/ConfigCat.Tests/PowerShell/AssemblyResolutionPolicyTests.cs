using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ConfigCat.PowerShell.Loading;
using Xunit;

namespace ConfigCat.Tests.PowerShell
{
    /// <summary>The Windows PowerShell 5.1 bind decisions, with the identities of the real System.Text.Json 8.0.6 closure
    /// for .NET Framework (read from the dlls the build ships).</summary>
    public class AssemblyResolutionPolicyTests
    {
        private const string MicrosoftToken = "cc7b13ffcd2ddd51";
        private const string UnsafeToken = "b03f5f7f11d50a3a";
        private const string ModuleDirectory = "/module";
        private const string OurEngine = ModuleDirectory + "/ConfigCat.Engine.dll";
        private const string AzDirectory = "/modules/Az.Accounts";

        private static readonly AssemblyResolutionPolicy Policy = new AssemblyResolutionPolicy(ModuleDirectory, new[]
        {
            Shipped("System.Text.Json", "8.0.0.6", MicrosoftToken),
            Shipped("System.Memory", "4.0.1.2", MicrosoftToken),
            Shipped("System.Runtime.CompilerServices.Unsafe", "6.0.0.0", UnsafeToken),
        });

        [Fact]
        public void Older_request_for_a_shipped_name_gets_the_shipped_file_as_a_binding_redirect_would()
        {
            var decision = Policy.Decide(Name("System.Runtime.CompilerServices.Unsafe", "4.0.4.1", UnsafeToken), OurEngine, NoneLoaded());

            Assert.Equal(ShippedPath("System.Runtime.CompilerServices.Unsafe"), decision.ShippedPath);
            Assert.Null(decision.LoadedIndex);
        }

        [Fact]
        public void Request_without_version_gets_the_shipped_file()
        {
            var decision = Policy.Decide(new AssemblyName("System.Text.Json"), OurEngine, NoneLoaded());

            Assert.Equal(ShippedPath("System.Text.Json"), decision.ShippedPath);
        }

        [Fact]
        public void Simple_names_compare_case_insensitively_like_the_binder()
        {
            var decision = Policy.Decide(Name("system.text.json", "8.0.0.0", MicrosoftToken), OurEngine, NoneLoaded());

            Assert.Equal(ShippedPath("System.Text.Json"), decision.ShippedPath);
        }

        [Fact]
        public void Highest_satisfying_loaded_copy_wins_over_the_shipped_file()
        {
            var loaded = new[]
            {
                Name("System.Text.Json", "8.0.0.5", MicrosoftToken),
                Name("System.Text.Json", "8.0.0.10", MicrosoftToken),
                Name("System.Memory", "4.0.1.2", MicrosoftToken),
                Name("System.Text.Json", "8.0.0.6", MicrosoftToken),
            };

            var decision = Policy.Decide(Name("System.Text.Json", "8.0.0.0", MicrosoftToken), OurEngine, loaded);

            Assert.Equal(1, decision.LoadedIndex);
            Assert.Null(decision.ShippedPath);
        }

        [Fact]
        public void Our_own_copy_once_loaded_is_reused_instead_of_loading_the_file_again()
        {
            var loaded = new[] { Name("System.Memory", "4.0.1.2", MicrosoftToken) };

            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", MicrosoftToken), OurEngine, loaded);

            Assert.Equal(0, decision.LoadedIndex);
        }

        [Fact]
        public void Loaded_copy_older_than_requested_is_ignored_and_the_shipped_file_loads_side_by_side()
        {
            var loaded = new[] { Name("System.Text.Json", "6.0.0.0", MicrosoftToken) };

            var decision = Policy.Decide(Name("System.Text.Json", "8.0.0.0", MicrosoftToken), OurEngine, loaded);

            Assert.Equal(ShippedPath("System.Text.Json"), decision.ShippedPath);
        }

        [Fact]
        public void Loaded_copy_with_another_public_key_token_is_not_the_same_library()
        {
            var loaded = new[] { Name("System.Memory", "9.0.0.0", "0123456789abcdef") };

            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", MicrosoftToken), OurEngine, loaded);

            Assert.Equal(ShippedPath("System.Memory"), decision.ShippedPath);
        }

        [Fact]
        public void Shipped_file_with_another_public_key_token_is_declined()
        {
            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", "0123456789abcdef"), OurEngine, NoneLoaded());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Request_newer_than_the_shipped_file_is_declined_for_its_owner_to_resolve()
        {
            var decision = Policy.Decide(Name("System.Text.Json", "9.0.0.0", MicrosoftToken), OurEngine, NoneLoaded());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Names_we_do_not_ship_are_declined_without_looking_at_loaded_assemblies()
        {
            var decision = Policy.Decide(Name("Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed"), OurEngine, LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Satellite_resource_requests_are_declined()
        {
            var decision = Policy.Decide(new AssemblyName("System.Text.Json.resources, Version=8.0.0.0, Culture=de-DE"), OurEngine, LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Request_from_a_shipped_dependency_is_answered_because_the_closure_is_ours()
        {
            var decision = Policy.Decide(Name("System.Runtime.CompilerServices.Unsafe", "4.0.4.1", UnsafeToken), ShippedPath("System.Memory"), NoneLoaded());

            Assert.Equal(ShippedPath("System.Runtime.CompilerServices.Unsafe"), decision.ShippedPath);
        }

        [Fact]
        public void Request_from_another_module_is_declined_even_for_a_name_we_ship()
        {
            var decision = Policy.Decide(Name("System.Memory", "4.0.1.1", MicrosoftToken), AzDirectory + "/System.Text.Json.dll", LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Request_from_an_unshipped_file_in_Dependencies_is_not_ours()
        {
            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", MicrosoftToken), ModuleDirectory + "/Dependencies/Planted.dll", LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void Request_whose_requester_the_runtime_does_not_name_is_declined(string? requester)
        {
            var decision = Policy.Decide(Name("System.Text.Json", "8.0.0.0", MicrosoftToken), requester, LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        /// <summary>AppDomain.AssemblyResolve asks its handlers in the order they were added and takes the first answer. Az
        /// ships an older System.Memory and answers its name for any requester whose version its copy satisfies, as such
        /// resolvers commonly do.</summary>
        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void Each_module_gets_its_own_copy_whichever_resolver_was_registered_first(bool oursFirst)
        {
            var azMemory = AzDirectory + "/System.Memory.dll";
            Func<AssemblyName, string?, string?> ours = (requested, requester) => Policy.Decide(requested, requester, NoneLoaded()).ShippedPath;
            Func<AssemblyName, string?, string?> az = (requested, _) =>
                requested.Name == "System.Memory" && requested.Version <= new Version(4, 0, 1, 1) ? azMemory : null;
            var handlers = oursFirst ? new[] { ours, az } : new[] { az, ours };

            string? Resolve(AssemblyName requested, string requester) =>
                handlers.Select(handler => handler(requested, requester)).FirstOrDefault(answer => answer != null);

            Assert.Equal(azMemory, Resolve(Name("System.Memory", "4.0.1.1", MicrosoftToken), AzDirectory + "/System.Text.Json.dll"));
            Assert.Equal(ShippedPath("System.Memory"), Resolve(Name("System.Memory", "4.0.1.2", MicrosoftToken), ShippedPath("System.Text.Json")));
        }

        private static ShippedAssembly Shipped(string name, string version, string token) =>
            new ShippedAssembly(Name(name, version, token), ShippedPath(name));

        private static string ShippedPath(string name) => ModuleDirectory + "/Dependencies/" + name + ".dll";

        private static AssemblyName Name(string name, string version, string token) =>
            new AssemblyName(name + ", Version=" + version + ", Culture=neutral, PublicKeyToken=" + token);

        private static IEnumerable<AssemblyName> NoneLoaded() => Array.Empty<AssemblyName>();

        private static IEnumerable<AssemblyName> LoadedThatMustNotBeRead() =>
            Enumerable.Range(0, 1).Select<int, AssemblyName>(
                _ => throw new InvalidOperationException("the loaded assemblies were read for a name that is not shipped"));
    }
}
