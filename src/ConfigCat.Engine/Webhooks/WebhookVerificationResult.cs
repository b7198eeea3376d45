using System;
using System.Collections.Generic;

namespace ConfigCat.Engine.Webhooks
{
    /// <summary>
    /// The verdict on one webhook request and why. It never holds a signing key or a signature. Changes are read only
    /// from a request that passed, so nothing in them comes from a sender who does not know a key.
    /// </summary>
    public sealed class WebhookVerificationResult
    {
        internal WebhookVerificationResult(WebhookVerificationReason reason, string message, string? webhookId = null,
            DateTimeOffset? timestamp = null, TimeSpan? age = null, int? signingKeyIndex = null, IReadOnlyList<WebhookChange>? changes = null)
        {
            Reason = reason;
            Message = message;
            WebhookId = webhookId;
            Timestamp = timestamp;
            Age = age;
            SigningKeyIndex = signingKeyIndex;
            Changes = changes ?? Array.Empty<WebhookChange>();
        }

        public bool IsValid => Reason == WebhookVerificationReason.Valid;

        public WebhookVerificationReason Reason { get; }

        /// <summary>A sentence for the log: what was checked and, for a rejection, what failed.</summary>
        public string Message { get; }

        /// <summary>The X-ConfigCat-Webhook-ID header, when the request had exactly one.</summary>
        public string? WebhookId { get; }

        /// <summary>When ConfigCat sent the request (X-ConfigCat-Webhook-Timestamp), when it could be read.</summary>
        public DateTimeOffset? Timestamp { get; }

        /// <summary>How old the request was when it was verified (negative: its timestamp is ahead of this clock).</summary>
        public TimeSpan? Age { get; }

        /// <summary>The position (from 0) of the first signing key whose signature the request carried, for telling
        /// whether senders still sign with the old key of a rotation.</summary>
        public int? SigningKeyIndex { get; }

        /// <summary>The body's <c>##ChangeDetails##</c> entries; empty unless the request is valid and its body has them.</summary>
        public IReadOnlyList<WebhookChange> Changes { get; }

        public override string ToString() => Reason + ": " + Message;
    }
}
