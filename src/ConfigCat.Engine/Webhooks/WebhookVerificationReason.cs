namespace ConfigCat.Engine.Webhooks
{
    /// <summary>Why a webhook request was accepted or rejected, in the order the checks run.</summary>
    public enum WebhookVerificationReason
    {
        Valid,
        MissingHeader,
        DuplicateHeader,
        InvalidTimestamp,
        NoSignatureMatched,
        Expired,
        TimestampInFuture,
    }
}
