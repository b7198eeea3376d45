using System;
using ConfigCat.Engine.Caching;

namespace ConfigCat.Engine.Fetching
{
    /// <summary>The outcome of one logical download: the entry to keep, and the error when it failed.</summary>
    internal sealed class FetchResult
    {
        private FetchResult(FetchStatus status, ProjectConfig config, RefreshErrorCode errorCode, string? errorMessage, Exception? errorException)
        {
            Status = status;
            Config = config;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            ErrorException = errorException;
        }

        public FetchStatus Status { get; }

        /// <summary>The new entry (Fetched), the confirmed one (NotModified), or the last one (Errored; with a newer
        /// fetch time after 403/404).</summary>
        public ProjectConfig Config { get; }

        public RefreshErrorCode ErrorCode { get; }

        public string? ErrorMessage { get; }

        public Exception? ErrorException { get; }

        public static FetchResult Success(ProjectConfig config) => new FetchResult(FetchStatus.Fetched, config, RefreshErrorCode.None, null, null);

        public static FetchResult NotModified(ProjectConfig config) => new FetchResult(FetchStatus.NotModified, config, RefreshErrorCode.None, null, null);

        public static FetchResult Error(ProjectConfig config, RefreshErrorCode errorCode, string errorMessage, Exception? exception = null) =>
            new FetchResult(FetchStatus.Errored, config, errorCode, errorMessage, exception);
    }
}
