using System;
using System.Collections.Generic;

namespace ConfigCat.TestServer
{
    /// <summary>A request the server received, for assertions about what a client sent.</summary>
    public sealed class RecordedRequest
    {
        public RecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, DateTime receivedUtc, bool viaProxy)
        {
            Method = method;
            Path = path;
            Headers = headers;
            ReceivedUtc = receivedUtc;
            ViaProxy = viaProxy;
        }

        public string Method { get; }

        public string Path { get; }

        /// <summary>Header names are case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public DateTime ReceivedUtc { get; }

        /// <summary>The request came in proxy form (an absolute URL), i.e. the client used this server as its proxy.</summary>
        public bool ViaProxy { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
