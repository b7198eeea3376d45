namespace ConfigCat.TestServer
{
    /// <summary>How the server misbehaves for config requests.</summary>
    public enum ServerFault
    {
        /// <summary>Serve configs normally (200 with ETag, 304 on a matching If-None-Match, 404 for unknown keys).</summary>
        None,

        /// <summary>Answer every config request with <see cref="TestConfigServer.FaultStatus"/>.</summary>
        Status,

        /// <summary>Wait <see cref="TestConfigServer.StallMilliseconds"/> before answering normally.</summary>
        Stall,

        /// <summary>Close the connection without answering.</summary>
        Drop,

        /// <summary>Announce the full body length but send only half of it, then close.</summary>
        Truncate,

        /// <summary>Answer 200 with a body that is not JSON.</summary>
        Garbage,
    }
}
