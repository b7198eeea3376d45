using System;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace ConfigCat.TestServer
{
    /// <summary>
    /// Runs the server as a process for tests written in PowerShell. Prints <c>{"baseUrl": ...}</c> on its first line,
    /// then serves until stdin closes or <c>POST /__control/shutdown</c>. Control endpoints (not recorded as requests):
    /// <c>PUT /__control/config/{sdkKey}</c> (body: config JSON), <c>DELETE /__control/config/{sdkKey}</c>,
    /// <c>POST /__control/fault</c> (body: <c>{"fault":"Status","status":500,"stallMilliseconds":5000}</c>),
    /// <c>GET /__control/requests</c>, <c>DELETE /__control/requests</c>.
    /// </summary>
    public static class Program
    {
        private const string ControlPrefix = "/__control/";

        public static int Main()
        {
            using var done = new ManualResetEventSlim();
            TestConfigServer? server = null;
            server = new TestConfigServer((request, body) => request.Path.StartsWith(ControlPrefix, StringComparison.Ordinal) ? Control(server!, request, body, done) : null);
            Console.Out.WriteLine(JsonSerializer.Serialize(new { baseUrl = server.BaseUrl.AbsoluteUri.TrimEnd('/'), port = server.Port }));
            Console.Out.Flush();
            var stdinWatcher = new Thread(() =>
            {
                while (Console.In.ReadLine() != null)
                {
                }

                done.Set();
            }) { IsBackground = true };
            stdinWatcher.Start();
            done.Wait();
            server.Dispose();
            return 0;
        }

        private static (int Status, string ContentType, string Body)? Control(TestConfigServer server, RecordedRequest request, string? body, ManualResetEventSlim done)
        {
            var command = request.Path.Substring(ControlPrefix.Length);
            if (command.StartsWith("config/", StringComparison.Ordinal))
            {
                var sdkKey = Uri.UnescapeDataString(command.Substring("config/".Length));
                if (request.Method == "DELETE")
                {
                    server.RemoveConfig(sdkKey);
                }
                else
                {
                    server.SetConfig(sdkKey, body ?? string.Empty);
                }

                return (204, "text/plain", string.Empty);
            }

            switch (command)
            {
                case "fault":
                    using (var document = JsonDocument.Parse(body ?? "{}"))
                    {
                        var root = document.RootElement;
                        server.Fault = Enum.Parse<ServerFault>(root.GetProperty("fault").GetString()!, ignoreCase: true);
                        if (root.TryGetProperty("status", out var status))
                        {
                            server.FaultStatus = status.GetInt32();
                        }

                        if (root.TryGetProperty("stallMilliseconds", out var stall))
                        {
                            server.StallMilliseconds = stall.GetInt32();
                        }

                        if (root.TryGetProperty("proxyCredentials", out var credentials))
                        {
                            server.RequiredProxyCredentials = credentials.ValueKind == JsonValueKind.String ? credentials.GetString() : null;
                        }
                    }

                    return (204, "text/plain", string.Empty);
                case "requests" when request.Method == "DELETE":
                    server.ClearRequests();
                    return (204, "text/plain", string.Empty);
                case "requests":
                    var list = server.Requests.Select(r => new { method = r.Method, path = r.Path, headers = r.Headers, receivedUtc = r.ReceivedUtc, viaProxy = r.ViaProxy });
                    return (200, "application/json", JsonSerializer.Serialize(list));
                case "shutdown":
                    done.Set();
                    return (204, "text/plain", string.Empty);
                default:
                    return (404, "text/plain", "unknown control command");
            }
        }
    }
}
