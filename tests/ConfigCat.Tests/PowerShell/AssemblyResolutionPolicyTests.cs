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

        private static readonly AssemblyResolutionPolicy Policy = new AssemblyResolutionPolicy(new[]
        {
            Shipped("System.Text.Json", "8.0.0.6", MicrosoftToken),
            Shipped("System.Memory", "4.0.1.2", MicrosoftToken),
            Shipped("System.Runtime.CompilerServices.Unsafe", "6.0.0.0", UnsafeToken),
        });

        [Fact]
        public void Older_request_for_a_shipped_name_gets_the_shipped_file_as_a_binding_redirect_would()
        {
            var decision = Policy.Decide(Name("System.Runtime.CompilerServices.Unsafe", "4.0.4.1", UnsafeToken), NoneLoaded());

            Assert.Equal(ShippedPath("System.Runtime.CompilerServices.Unsafe"), decision.ShippedPath);
            Assert.Null(decision.LoadedIndex);
        }

        [Fact]
        public void Request_without_version_gets_the_shipped_file()
        {
            var decision = Policy.Decide(new AssemblyName("System.Text.Json"), NoneLoaded());

            Assert.Equal(ShippedPath("System.Text.Json"), decision.ShippedPath);
        }

        [Fact]
        public void Simple_names_compare_case_insensitively_like_the_binder()
        {
            var decision = Policy.Decide(Name("system.text.json", "8.0.0.0", MicrosoftToken), NoneLoaded());

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

            var decision = Policy.Decide(Name("System.Text.Json", "8.0.0.0", MicrosoftToken), loaded);

            Assert.Equal(1, decision.LoadedIndex);
            Assert.Null(decision.ShippedPath);
        }

        [Fact]
        public void Our_own_copy_once_loaded_is_reused_instead_of_loading_the_file_again()
        {
            var loaded = new[] { Name("System.Memory", "4.0.1.2", MicrosoftToken) };

            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", MicrosoftToken), loaded);

            Assert.Equal(0, decision.LoadedIndex);
        }

        [Fact]
        public void Loaded_copy_older_than_requested_is_ignored_and_the_shipped_file_loads_side_by_side()
        {
            var loaded = new[] { Name("System.Text.Json", "6.0.0.0", MicrosoftToken) };

            var decision = Policy.Decide(Name("System.Text.Json", "8.0.0.0", MicrosoftToken), loaded);

            Assert.Equal(ShippedPath("System.Text.Json"), decision.ShippedPath);
        }

        [Fact]
        public void Loaded_copy_with_another_public_key_token_is_not_the_same_library()
        {
            var loaded = new[] { Name("System.Memory", "9.0.0.0", "0123456789abcdef") };

            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", MicrosoftToken), loaded);

            Assert.Equal(ShippedPath("System.Memory"), decision.ShippedPath);
        }

        [Fact]
        public void Shipped_file_with_another_public_key_token_is_declined()
        {
            var decision = Policy.Decide(Name("System.Memory", "4.0.1.2", "0123456789abcdef"), NoneLoaded());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Request_newer_than_the_shipped_file_is_declined_for_its_owner_to_resolve()
        {
            var decision = Policy.Decide(Name("System.Text.Json", "9.0.0.0", MicrosoftToken), NoneLoaded());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Names_we_do_not_ship_are_declined_without_looking_at_loaded_assemblies()
        {
            var decision = Policy.Decide(Name("Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed"), LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        [Fact]
        public void Satellite_resource_requests_are_declined()
        {
            var decision = Policy.Decide(new AssemblyName("System.Text.Json.resources, Version=8.0.0.0, Culture=de-DE"), LoadedThatMustNotBeRead());

            Assert.Same(AssemblyResolution.None, decision);
        }

        private static ShippedAssembly Shipped(string name, string version, string token) =>
            new ShippedAssembly(Name(name, version, token), ShippedPath(name));

        private static string ShippedPath(string name) => "/module/Dependencies/" + name + ".dll";

        private static AssemblyName Name(string name, string version, string token) =>
            new AssemblyName(name + ", Version=" + version + ", Culture=neutral, PublicKeyToken=" + token);

        private static IEnumerable<AssemblyName> NoneLoaded() => Array.Empty<AssemblyName>();

        private static IEnumerable<AssemblyName> LoadedThatMustNotBeRead() =>
            Enumerable.Range(0, 1).Select<int, AssemblyName>(
                _ => throw new InvalidOperationException("the loaded assemblies were read for a name that is not shipped"));
    }
}
