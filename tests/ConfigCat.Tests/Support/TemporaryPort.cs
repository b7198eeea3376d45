using System.Net;
using System.Net.Sockets;

namespace ConfigCat.Tests.Support
{
    public static class TemporaryPort
    {
        /// <summary>A loopback port nothing listens on (it was free a moment ago), for "server unreachable" cases.</summary>
        public static int Closed()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
