using System;
using System.Collections.Generic;
using System.Net;
using ConfigCat.Engine.Fetching;
using Xunit;

namespace ConfigCat.Tests.Fetching
{
    public class EnvironmentProxyTests
    {
        private static readonly Uri Cdn = new Uri("https://cdn-global.configcat.com/configuration-files/key/config_v6.json");

        [Fact]
        public void No_variables_mean_no_proxy_of_ours()
        {
            Assert.Null(EnvironmentProxy.FromVariables(Variables()));
            Assert.Null(EnvironmentProxy.FromVariables(Variables("NO_PROXY", "example.com", "HTTPS_PROXY", " ")));
        }

        [Fact]
        public void HTTPS_PROXY_serves_https_and_HTTP_PROXY_serves_http()
        {
            var proxy = EnvironmentProxy.FromVariables(Variables("HTTPS_PROXY", "http://secure-proxy:3128", "HTTP_PROXY", "plain-proxy:8080"))!;

            Assert.Equal(new Uri("http://secure-proxy:3128"), proxy.GetProxy(Cdn));
            Assert.Equal(new Uri("http://plain-proxy:8080"), proxy.GetProxy(new Uri("http://cdn.example/x")));
        }

        [Fact]
        public void Lower_case_names_win_and_ALL_PROXY_is_the_fallback()
        {
            var proxy = EnvironmentProxy.FromVariables(Variables("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2", "ALL_PROXY", "http://all:3"))!;

            Assert.Equal(new Uri("http://lower:1"), proxy.GetProxy(Cdn));
            Assert.Equal(new Uri("http://all:3"), proxy.GetProxy(new Uri("http://cdn.example/x")));
        }

        [Fact]
        public void Under_CGI_the_upper_case_HTTP_PROXY_is_ignored()
        {
            Assert.Null(EnvironmentProxy.FromVariables(Variables("REQUEST_METHOD", "GET", "HTTP_PROXY", "http://from-a-header:80")));
        }

        [Fact]
        public void A_scheme_without_its_proxy_goes_direct()
        {
            var proxy = EnvironmentProxy.FromVariables(Variables("HTTP_PROXY", "http://plain-proxy:8080"))!;

            Assert.True(proxy.IsBypassed(Cdn));
            Assert.Equal(Cdn, proxy.GetProxy(Cdn));
        }

        [Theory]
        [InlineData("configcat.com", true)]
        [InlineData(".configcat.com", true)]
        [InlineData("*.configcat.com", true)]
        [InlineData("CDN-GLOBAL.configcat.com:443", true)]
        [InlineData("localhost, configcat.com", true)]
        [InlineData("*", true)]
        [InlineData("cat.com", false)]
        [InlineData("cdn-eu.configcat.com", false)]
        [InlineData("", false)]
        public void NO_PROXY_names_hosts_and_their_subdomains(string noProxy, bool bypassed)
        {
            var proxy = EnvironmentProxy.FromVariables(Variables("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", noProxy))!;

            Assert.Equal(bypassed, proxy.IsBypassed(Cdn));
        }

        [Fact]
        public void Credentials_in_the_proxy_address_are_used()
        {
            var proxy = EnvironmentProxy.FromVariables(Variables("HTTPS_PROXY", "http://build%40corp:p%3Ass@proxy:3128"))!;

            var credential = proxy.Credentials!.GetCredential(new Uri("http://proxy:3128"), "Basic");
            Assert.Equal("build@corp", credential!.UserName);
            Assert.Equal("p:ss", credential.Password);
        }

        private static Func<string, string?> Variables(params string[] namesAndValues)
        {
            var variables = new Dictionary<string, string>();
            for (var i = 0; i < namesAndValues.Length; i += 2)
            {
                variables[namesAndValues[i]] = namesAndValues[i + 1];
            }

            return name => variables.TryGetValue(name, out var value) ? value : null;
        }
    }
}
