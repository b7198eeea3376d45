using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ConfigCat.TestServer
{
    /// <summary>
    /// A minimal HTTP/1.1 server on 127.0.0.1 that behaves like the ConfigCat CDN for
    /// <c>/configuration-files/{sdkKey}/config_v6.json</c>: 200 with an ETag, 304 when If-None-Match matches, 404 for
    /// unknown keys. Written on raw sockets so it can also stall, drop the connection, truncate the body or send
    /// garbage, which a framework server would not let it do. Every request is recorded.
    /// </summary>
    public sealed class TestConfigServer : IDisposable
    {
        private const string Prefix = "/configuration-files/";
        private const string Suffix = "/config_v6.json";

        private readonly TcpListener listener;
        private readonly CancellationTokenSource stop = new CancellationTokenSource();
        private readonly ConcurrentDictionary<string, string> configs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<RecordedRequest> requests = new ConcurrentQueue<RecordedRequest>();
        private readonly Func<RecordedRequest, string?, (int Status, string ContentType, string Body)?>? controlHandler;

        public TestConfigServer(Func<RecordedRequest, string?, (int Status, string ContentType, string Body)?>? controlHandler = null)
        {
            this.controlHandler = controlHandler;
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _ = AcceptLoopAsync();
        }

        public int Port { get; }

        public Uri BaseUrl => new Uri("http://127.0.0.1:" + Port);

        public ServerFault Fault { get; set; }

        public int FaultStatus { get; set; } = 500;

        public int StallMilliseconds { get; set; } = 5000;

        /// <summary>When set ("user:password"), requests made through the server as a proxy must authenticate (407 otherwise).</summary>
        public string? RequiredProxyCredentials { get; set; }

        /// <summary>Config requests only (control requests are not recorded).</summary>
        public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

        public void SetConfig(string sdkKey, string json) => configs[sdkKey] = json;

        public void RemoveConfig(string sdkKey) => configs.TryRemove(sdkKey, out _);

        public void ClearRequests()
        {
            while (requests.TryDequeue(out _))
            {
            }
        }

        public int CountRequests(string sdkKey) => Requests.Count(r => r.Path == Prefix + sdkKey + Suffix);

        /// <summary>The ETag the server sends for a body: a quoted hash of its bytes.</summary>
        public static string ETagOf(string body)
        {
            using var sha1 = SHA1.Create();
            return "\"" + BitConverter.ToString(sha1.ComputeHash(Encoding.UTF8.GetBytes(body))).Replace("-", string.Empty).Substring(0, 20).ToLowerInvariant() + "\"";
        }

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
        }

        private async Task AcceptLoopAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient connection;
                try
                {
                    connection = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                _ = HandleAsync(connection);
            }
        }

        private async Task HandleAsync(TcpClient connection)
        {
            using (connection)
            {
                try
                {
                    var stream = connection.GetStream();
                    var (request, body) = await ReadRequestAsync(stream).ConfigureAwait(false);
                    if (request == null)
                    {
                        return;
                    }

                    var control = controlHandler?.Invoke(request, body);
                    if (control != null)
                    {
                        await WriteResponseAsync(stream, control.Value.Status, new Dictionary<string, string> { ["Content-Type"] = control.Value.ContentType }, control.Value.Body).ConfigureAwait(false);
                        return;
                    }

                    requests.Enqueue(request);
                    if (request.ViaProxy && RequiredProxyCredentials != null
                        && request.Header("Proxy-Authorization") != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredProxyCredentials)))
                    {
                        await WriteResponseAsync(stream, 407, new Dictionary<string, string> { ["Proxy-Authenticate"] = "Basic realm=\"configcat-test\"" }, "proxy authentication required").ConfigureAwait(false);
                        return;
                    }

                    await AnswerConfigRequestAsync(stream, request).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // The client gave up (e.g. timed out during a stall): nothing to answer.
                }
            }
        }

        private async Task AnswerConfigRequestAsync(NetworkStream stream, RecordedRequest request)
        {
            switch (Fault)
            {
                case ServerFault.Status:
                    await WriteResponseAsync(stream, FaultStatus, new Dictionary<string, string> { ["Content-Type"] = "text/plain", ["CF-RAY"] = "test-ray-id" }, "simulated failure").ConfigureAwait(false);
                    return;
                case ServerFault.Drop:
                    return;
                case ServerFault.Garbage:
                    await WriteResponseAsync(stream, 200, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["ETag"] = "\"garbage\"" }, "<html>this is not config JSON</html>").ConfigureAwait(false);
                    return;
                case ServerFault.Stall:
                    await Task.Delay(StallMilliseconds, stop.Token).ConfigureAwait(false);
                    break;
            }

            var path = request.Path;
            var sdkKey = path.StartsWith(Prefix, StringComparison.Ordinal) && path.EndsWith(Suffix, StringComparison.Ordinal) && path.Length > Prefix.Length + Suffix.Length
                ? Uri.UnescapeDataString(path.Substring(Prefix.Length, path.Length - Prefix.Length - Suffix.Length))
                : null;
            if (sdkKey == null || !configs.TryGetValue(sdkKey, out var json))
            {
                await WriteResponseAsync(stream, 404, new Dictionary<string, string> { ["Content-Type"] = "text/plain" }, "not found").ConfigureAwait(false);
                return;
            }

            var eTag = ETagOf(json);
            var ifNoneMatch = request.Header("If-None-Match");
            if (ifNoneMatch != null && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == eTag || t == "W/" + eTag))
            {
                await WriteResponseAsync(stream, 304, new Dictionary<string, string> { ["ETag"] = eTag }, null).ConfigureAwait(false);
                return;
            }

            var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8", ["ETag"] = eTag, ["Cache-Control"] = "no-cache" };
            if (Fault == ServerFault.Truncate)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                await WriteHeadAsync(stream, 200, headers, bytes.Length).ConfigureAwait(false);
                await stream.WriteAsync(bytes, 0, bytes.Length / 2).ConfigureAwait(false);
                return;
            }

            await WriteResponseAsync(stream, 200, headers, json).ConfigureAwait(false);
        }

        private static async Task<(RecordedRequest?, string?)> ReadRequestAsync(NetworkStream stream)
        {
            var head = new StringBuilder();
            var buffer = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(buffer, 0, 1).ConfigureAwait(false) == 0)
                {
                    return (null, null);
                }

                head.Append((char)buffer[0]);
            }

            var lines = head.ToString().Split(new[] { "\r\n" }, StringSplitOptions.None);
            var requestLine = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var colon = line.IndexOf(':');
                headers[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
            }

            string? body = null;
            if (headers.TryGetValue("Content-Length", out var lengthText) && int.TryParse(lengthText, out var length) && length > 0)
            {
                var bytes = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await stream.ReadAsync(bytes, read, length - read).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                body = Encoding.UTF8.GetString(bytes, 0, read);
            }

            var target = requestLine.Length > 1 ? requestLine[1] : "/";

            // A client that uses this server as its HTTP proxy sends the absolute URL of the real target.
            var viaProxy = target.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
            if (viaProxy)
            {
                target = new Uri(target).PathAndQuery;
            }

            var query = target.IndexOf('?');
            return (new RecordedRequest(requestLine[0], query < 0 ? target : target.Substring(0, query), headers, DateTime.UtcNow, viaProxy), body);
        }

        private static async Task WriteResponseAsync(NetworkStream stream, int status, IDictionary<string, string> headers, string? body)
        {
            var bytes = body == null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
            await WriteHeadAsync(stream, status, headers, bytes.Length).ConfigureAwait(false);
            await stream.WriteAsync(bytes, 0, bytes.Length).ConfigureAwait(false);
        }

        private static async Task WriteHeadAsync(NetworkStream stream, int status, IDictionary<string, string> headers, int contentLength)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(ReasonPhrase(status)).Append("\r\n");
            foreach (var header in headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            head.Append("Content-Length: ").Append(contentLength).Append("\r\nConnection: close\r\n\r\n");
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());
            await stream.WriteAsync(headBytes, 0, headBytes.Length).ConfigureAwait(false);
        }

        private static string ReasonPhrase(int status) => status switch
        {
            200 => "OK",
            304 => "Not Modified",
            403 => "Forbidden",
            404 => "Not Found",
            407 => "Proxy Authentication Required",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Status",
        };
    }
}
