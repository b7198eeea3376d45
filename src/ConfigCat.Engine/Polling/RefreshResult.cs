using System;
using ConfigCat.Engine.Fetching;

namespace ConfigCat.Engine.Polling
{
    /// <summary>The outcome of a refresh. Refreshing never throws for network or content problems; they end up here.</summary>
    public sealed class RefreshResult
    {
        public static readonly RefreshResult Succeeded = new RefreshResult(RefreshErrorCode.None, null, null);

        private RefreshResult(RefreshErrorCode errorCode, string? errorMessage, Exception? errorException)
        {
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            ErrorException = errorException;
        }

        public bool IsSuccess => ErrorCode == RefreshErrorCode.None;

        public RefreshErrorCode ErrorCode { get; }

        public string? ErrorMessage { get; }

        public Exception? ErrorException { get; }

        public static RefreshResult Failure(RefreshErrorCode errorCode, string errorMessage, Exception? exception = null) =>
            new RefreshResult(errorCode, errorMessage, exception);

        internal static RefreshResult From(FetchResult fetchResult) => fetchResult.Status == FetchStatus.Errored
            ? Failure(fetchResult.ErrorCode, fetchResult.ErrorMessage!, fetchResult.ErrorException)
            : Succeeded;
    }
}
