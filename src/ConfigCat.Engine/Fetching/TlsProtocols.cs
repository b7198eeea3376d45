using System;
using System.Security.Authentication;

namespace ConfigCat.Engine.Fetching
{
    /// <summary>The TLS versions offered on .NET Framework, where the runtime's default may still be TLS 1.0/1.1.</summary>
    internal static class TlsProtocols
    {
        // SslProtocols.Tls13, which netstandard2.0's enum does not name.
        private const SslProtocols Tls13 = (SslProtocols)12288;

        // Windows Server 2022 (build 20348) and Windows 11 are the first whose SChannel implements TLS 1.3, so it is
        // offered only there (they ship .NET Framework 4.8, the first to accept the value).
        private const int FirstWindowsBuildWithTls13 = 20348;

        public static SslProtocols ForDotNetFramework(OperatingSystem os) =>
            os.Platform == PlatformID.Win32NT && os.Version.Major >= 10 && os.Version.Build >= FirstWindowsBuildWithTls13
                ? SslProtocols.Tls12 | Tls13
                : SslProtocols.Tls12;
    }
}
