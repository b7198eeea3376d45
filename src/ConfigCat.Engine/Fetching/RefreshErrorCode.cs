namespace ConfigCat.Engine.Fetching
{
    /// <summary>Why a refresh failed (the SDKs' RefreshErrorCode values).</summary>
    public enum RefreshErrorCode
    {
        UnexpectedError = -1,
        None = 0,
        LocalOnlyClient = 1,
        InvalidSdkKey = 1100,
        UnexpectedHttpResponse = 1101,
        HttpRequestTimeout = 1102,
        HttpRequestFailure = 1103,
        InvalidHttpResponseContent = 1105,
        InvalidHttpResponseWhenLocalCacheIsEmpty = 1106,
        OfflineClient = 3200,
    }
}
