using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;

namespace ConfigCat.Tests.Support
{
    /// <summary>
    /// An HTTPS endpoint on 127.0.0.1 that completes the server side of every TLS handshake with a self-signed
    /// certificate, the way an intercepting proxy with its own root does. No client trusts it, so every request fails in
    /// the handshake, before any HTTP is exchanged.
    /// </summary>
    public sealed class UntrustedTlsServer : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly X509Certificate2 certificate = CreateSelfSigned();

        public UntrustedTlsServer()
        {
            listener.Start();
            _ = AcceptLoopAsync();
        }

        public Uri BaseUrl => new Uri("https://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port);

        public void Dispose()
        {
            listener.Stop();
            certificate.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            while (true)
            {
                TcpClient connection;
                try
                {
                    connection = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
                {
                    return;
                }

                _ = HandshakeAsync(connection);
            }
        }

        private async Task HandshakeAsync(TcpClient connection)
        {
            using (connection)
            using (var tls = new SslStream(connection.GetStream()))
            {
                try
                {
                    await tls.AuthenticateAsServerAsync(certificate).ConfigureAwait(false);
                }
                catch (Exception e) when (e is System.Security.Authentication.AuthenticationException || e is System.IO.IOException)
                {
                    // The client rejecting our certificate is the point of this server.
                }
            }
        }

        private static X509Certificate2 CreateSelfSigned()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            // SslStream needs a certificate whose private key is persisted, which an ephemeral one is not on Windows.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
        }
    }
}
