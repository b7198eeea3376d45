using System;
using System.Security.Authentication;
using ConfigCat.Engine.Fetching;
using Xunit;

namespace ConfigCat.Tests.Fetching
{
    public class TlsProtocolsTests
    {
        [Theory]
        [InlineData(10, 0, 17763, false)]
        [InlineData(10, 0, 19045, false)]
        [InlineData(10, 0, 20348, true)]
        [InlineData(10, 0, 22631, true)]
        [InlineData(6, 3, 9600, false)]
        public void TLS_1_3_is_offered_on_Windows_versions_that_have_it(int major, int minor, int build, bool offered)
        {
            var protocols = TlsProtocols.ForDotNetFramework(new OperatingSystem(PlatformID.Win32NT, new Version(major, minor, build)));

            Assert.True((protocols & SslProtocols.Tls12) != 0);
            Assert.Equal(offered, ((int)protocols & 12288) != 0);
        }
    }
}
