using System;
using System.Collections.Generic;
using System.Management.Automation;
using ConfigCat.Engine.Webhooks;
using ConfigCat.PowerShell.Conversion;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// Tells whether a webhook request really comes from ConfigCat, unaltered and recent: for a runbook started by an
    /// Azure Automation webhook ($WebhookData) or any other receiver (-Headers, -Body). Needs no connection. A request
    /// that fails verification is an answer ($false, or a result saying why), never an error; wrong usage (no key, an
    /// argument of the wrong kind) is a terminating error. No key reaches a stream, an error record or the result.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "ConfigCatWebhook", DefaultParameterSetName = WebhookDataSet)]
    [OutputType(typeof(bool), typeof(WebhookVerificationResult))]
    public sealed class TestConfigCatWebhookCommand : ConfigCatCmdlet
    {
        private const string WebhookDataSet = "WebhookData";
        private const string HeadersSet = "Headers";
        private const string HiddenKey = "(hidden)";

        private WebhookVerifier? verifier;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = WebhookDataSet)]
        public object? WebhookData { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = HeadersSet)]
        public object? Headers { get; set; }

        [Parameter(ParameterSetName = HeadersSet)]
        [AllowNull]
        [AllowEmptyString]
        public object? Body { get; set; }

        [Parameter(Mandatory = true)]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public object?[]? SigningKey { get; set; }

        [Parameter]
        [Alias("MaxAge")]
        public int MaxAgeSeconds { get; set; } = 300;

        [Parameter]
        public int ClockSkewSeconds { get; set; } = 60;

        [Parameter]
        public SwitchParameter Details { get; set; }

        protected override void BeginProcessing()
        {
            HideSigningKeyFromInvocation();
            List<byte[]>? signingKeys = null;
            try
            {
                signingKeys = WebhookRequestConverter.ReadSigningKeys(SigningKey);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, e.Message, null);
            }

            if (signingKeys!.Count == 0)
            {
                ThrowTerminating(ErrorIds.MissingSigningKey, ErrorCategory.InvalidArgument,
                    "No signing key was given. Pass -SigningKey with the webhook signing key (configcat_whsk_...) from the ConfigCat Dashboard's Webhooks page, or both keys during a rotation.", null);
            }

            try
            {
                verifier = new WebhookVerifier(signingKeys, TimeSpan.FromSeconds(MaxAgeSeconds), TimeSpan.FromSeconds(ClockSkewSeconds));
            }
            catch (ArgumentOutOfRangeException e)
            {
                var parameter = e.ParamName == "maxAge" ? "-MaxAgeSeconds " + MaxAgeSeconds + " is out of range: it must be 1 or more." : "-ClockSkewSeconds " + ClockSkewSeconds + " is out of range: it must be 0 or more.";
                ThrowTerminating(ErrorIds.OutOfRange, ErrorCategory.InvalidArgument, parameter, e.ActualValue);
            }
        }

        protected override void ProcessRecord()
        {
            object headers;
            byte[] body;
            try
            {
                if (ParameterSetName == WebhookDataSet)
                {
                    var (requestHeader, requestBody) = WebhookRequestConverter.ReadWebhookData(WebhookData!);
                    headers = requestHeader;
                    body = WebhookRequestConverter.ReadBody(requestBody, "The " + WebhookRequestConverter.RequestBodyProperty + " of -WebhookData");
                }
                else
                {
                    headers = Headers!;
                    body = WebhookRequestConverter.ReadBody(Body, "-Body");
                }

                var parameter = ParameterSetName == WebhookDataSet ? "The " + WebhookRequestConverter.RequestHeaderProperty + " of -WebhookData" : "-Headers";
                var result = verifier!.Verify(WebhookRequestConverter.ReadHeaders(headers, parameter), body, DateTimeOffset.UtcNow);
                WriteVerbose("ConfigCat webhook: " + result.Message);
                WriteObject(Details ? result : (object)result.IsValid);
            }
            catch (ArgumentException e)
            {
                ThrowTerminating(ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, e.Message, null);
            }
        }

        /// <summary>Error records keep this call's bound parameters (and ConvertTo-Json shows them); from here on they
        /// hold no key.</summary>
        private void HideSigningKeyFromInvocation()
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(SigningKey)))
            {
                MyInvocation.BoundParameters[nameof(SigningKey)] = HiddenKey;
            }
        }
    }
}
