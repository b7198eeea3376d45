using System;
using System.Collections.Generic;

namespace ConfigCat.TestServer
{
    /// <summary>A request the server received, for assertions about what a client sent.</summary>
    public sealed class RecordedRequest
    {
        public RecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, DateTime receivedUtc)
        {
            Method = method;
            Path = path;
            Headers = headers;
            ReceivedUtc = receivedUtc;
        }

        public string Method { get; }

        public string Path { get; }

        /// <summary>Header names are case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public DateTime ReceivedUtc { get; }

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
