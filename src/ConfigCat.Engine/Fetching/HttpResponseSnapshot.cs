namespace ConfigCat.Engine.Fetching
{
    /// <summary>What the fetch logic needs from one HTTP response, read before the response is disposed.</summary>
    internal sealed class HttpResponseSnapshot
    {
        public HttpResponseSnapshot(int statusCode, string? reasonPhrase, string? eTag, string? rayId, string? body)
        {
            StatusCode = statusCode;
            ReasonPhrase = reasonPhrase;
            ETag = eTag;
            RayId = rayId;
            Body = body;
        }

        public int StatusCode { get; }

        public string? ReasonPhrase { get; }

        /// <summary>The ETag header exactly as sent (weak tags included), to be sent back verbatim.</summary>
        public string? ETag { get; }

        /// <summary>Cloudflare's CF-RAY header, quoted in error messages to help ConfigCat support.</summary>
        public string? RayId { get; }

        public string? Body { get; }
    }
}
