using System;
using System.Collections.Generic;
using ConfigCat.Engine.Caching;
using ConfigCat.Engine.Text;

namespace ConfigCat.Engine.Logging
{
    /// <summary>
    /// The SDK's log: a level filter in front of an <see cref="ILogSink"/>, and the catalogue of numbered messages
    /// (one method per event id, worded as in the ConfigCat SDKs). Immutable; <see cref="ForCall"/> derives a logger
    /// whose messages name the calling API (a cmdlet rather than <c>getValueAsync()</c>).
    /// </summary>
    public sealed class Logger
    {
        internal static readonly Logger Null = new Logger(LogLevel.Off, null);

        private readonly ILogSink? sink;
        private readonly Action<LogEvent>? errorObserver;

        internal Logger(LogLevel level, ILogSink? sink, Action<LogEvent>? errorObserver = null, string methodName = "GetValue()", string? defaultParameterName = "defaultValue")
        {
            Level = level;
            this.sink = sink;
            this.errorObserver = errorObserver;
            MethodName = methodName;
            DefaultParameterName = defaultParameterName;
        }

        internal LogLevel Level { get; }

        /// <summary>How messages name the evaluation method, e.g. <c>getValueAsync()</c> or <c>Get-ConfigCatValue</c>.</summary>
        internal string MethodName { get; }

        /// <summary>How messages name the default value argument, e.g. <c>defaultValue</c> or <c>-Default</c>; null when
        /// the call gave none, so that messages do not claim to return one.</summary>
        internal string? DefaultParameterName { get; }

        internal bool IsEnabled(LogLevel level) => level != LogLevel.Off && level <= Level;

        internal Logger WithSink(ILogSink? newSink) => new Logger(Level, newSink, errorObserver, MethodName, DefaultParameterName);

        /// <summary>This logger for a call that gave no default value (see <see cref="DefaultParameterName"/>).</summary>
        public Logger WithoutDefault() => new Logger(Level, sink, errorObserver, MethodName, null);

        /// <summary>A logger with another level, sink and caller names that keeps the error observer: what one cmdlet call
        /// logs through, made in one allocation.</summary>
        public Logger ForCall(LogLevel level, ILogSink? callSink, string methodName, string defaultParameterName) =>
            new Logger(level, callSink, errorObserver, methodName, defaultParameterName);

        /// <summary>Writes the event if its level is enabled. Error events also reach the error observer (the client's
        /// error hook) even when the level filters them out. Returns the message, which callers also report in results.</summary>
        internal string Log(LogLevel level, int eventId, string message, Exception? exception = null)
        {
            if (IsEnabled(level) || (level == LogLevel.Error && errorObserver != null))
            {
                var logEvent = new LogEvent(level, eventId, message, exception);
                if (IsEnabled(level))
                {
                    sink?.Write(logEvent);
                }

                if (level == LogLevel.Error)
                {
                    errorObserver?.Invoke(logEvent);
                }
            }

            return message;
        }

        internal void Debug(string message)
        {
            if (IsEnabled(LogLevel.Debug))
            {
                Log(LogLevel.Debug, 0, message);
            }
        }

        private static string WithRayId(string message, string? rayId) => rayId == null ? message : message + " (Ray ID: " + rayId + ")";

        // 1000-1999: common errors

        internal string ConfigJsonIsNotPresent(string defaultReturnValue) =>
            Log(LogLevel.Error, 1000, "Config JSON is not present. Returning " + defaultReturnValue + ".");

        internal string ConfigJsonIsNotPresentSingle(string key, object? defaultValue) =>
            Log(LogLevel.Error, 1000, "Config JSON is not present when evaluating setting '" + key + "'." + ReturningDefault(defaultValue));

        internal string SettingEvaluationFailedDueToMissingKey(string key, object? defaultValue, string availableKeys) =>
            Log(LogLevel.Error, 1001, "Failed to evaluate setting '" + key + "' (the key was not found in config JSON)." + ReturningDefault(defaultValue)
                + " Available keys: [" + availableKeys + "].");

        internal string SettingEvaluationErrorSingle(string key, object? defaultValue, Exception exception) =>
            Log(LogLevel.Error, 1002, "Error occurred in the `" + MethodName + "` method while evaluating setting '" + key + "'." + ReturningDefault(defaultValue), exception);

        private string ReturningDefault(object? defaultValue) => DefaultParameterName == null ? string.Empty
            : " Returning the `" + DefaultParameterName + "` parameter that you specified in your application: '" + JsValueFormatter.Format(defaultValue) + "'.";

        internal string ForceRefreshError(string methodName, Exception exception) =>
            Log(LogLevel.Error, 1003, "Error occurred in the `" + methodName + "` method.", exception);

        internal string FetchFailedDueToInvalidSdkKey(string sdkKey, string? rayId) =>
            Log(LogLevel.Error, 1100, WithRayId("Your SDK Key seems to be wrong: '" + SdkKeyMask.Mask(sdkKey) + "'. You can find the valid SDK Key at https://app.configcat.com/sdkkey", rayId));

        /// <summary>What event 1101 adds for a 407, so that a front end can recognise it and say how its users give the
        /// proxy's credentials.</summary>
        public const string ProxyAsksForCredentials = "The proxy server asks for credentials.";

        internal string FetchFailedDueToUnexpectedHttpResponse(int statusCode, string? reasonPhrase, string? rayId) =>
            Log(LogLevel.Error, 1101, WithRayId("Unexpected HTTP response was received while trying to fetch config JSON: " + statusCode + " " + reasonPhrase, rayId)
                + (statusCode == 407 ? ". " + ProxyAsksForCredentials : string.Empty));

        internal string FetchFailedDueToRequestTimeout(int timeoutMs, Exception? exception) =>
            Log(LogLevel.Error, 1102, "Request timed out while trying to fetch config JSON. Timeout value: " + timeoutMs + "ms", exception);

        internal string FetchFailedDueToUnexpectedError(Exception exception) =>
            Log(LogLevel.Error, 1103, "Unexpected error occurred while trying to fetch config JSON. It is most likely due to a local network issue. Please make sure your application can reach the ConfigCat CDN servers (or your proxy server) over HTTP.", exception);

        internal string FetchFailedDueToRedirectLoop(string? rayId) =>
            Log(LogLevel.Error, 1104, WithRayId("Redirection loop encountered while trying to fetch config JSON. Please contact us at https://configcat.com/support/", rayId));

        internal string FetchReceived200WithInvalidBody(Exception? exception, string? rayId) =>
            Log(LogLevel.Error, 1105, WithRayId("Fetching config JSON was successful but the HTTP response content was invalid.", rayId), exception);

        internal string FetchReceived304WhenLocalCacheIsEmpty(int statusCode, string? reasonPhrase, string? rayId) =>
            Log(LogLevel.Error, 1106, WithRayId("Unexpected HTTP response was received when no config JSON is cached locally: " + statusCode + " " + reasonPhrase, rayId));

        internal string AutoPollErrorDuringPolling(Exception exception) =>
            Log(LogLevel.Error, 1200, "Error occurred during auto polling.", exception);

        // 2000-2999: SDK-specific errors

        internal string FetchFailedDueToSecureChannel(Exception exception) =>
            Log(LogLevel.Error, 2100, "Secure connection could not be established. Please make sure that your application is enabled to use TLS 1.2+"
                + " and trusts the certificate of the server (or of your proxy server).", exception);

        internal string SettingForVariationIdIsNotPresent(string variationId) =>
            Log(LogLevel.Error, 2011, "Could not find the setting for the specified variation ID: '" + variationId + "'.");

        internal string CacheReadError(Exception exception) =>
            Log(LogLevel.Error, 2200, "Error occurred while reading the cache.", exception);

        internal string CacheWriteError(Exception exception) =>
            Log(LogLevel.Error, 2201, "Error occurred while writing the cache.", exception);

        // 3000-3999: common warnings

        public void UserObjectIsMissing(string key) => UserObjectIsMissingFor("setting '" + key + "'");

        /// <summary>One 3001 for several settings, for a caller that evaluates many in one call.</summary>
        public void UserObjectIsMissing(IReadOnlyList<string> keys) => UserObjectIsMissingFor("settings '" + string.Join("', '", keys) + "'");

        private void UserObjectIsMissingFor(string settings)
        {
            if (IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, 3001, "Cannot evaluate targeting rules and % options for " + settings + " (User Object is missing). You should pass a User Object to the evaluation methods like `"
                    + MethodName + "` in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/");
            }
        }

        internal string DataGovernanceIsOutOfSync() =>
            Log(LogLevel.Warning, 3002, "The `dataGovernance` parameter specified at the client initialization is not in sync with the preferences on the ConfigCat Dashboard. Read more: https://configcat.com/docs/advanced/data-governance/");

        internal void UserObjectAttributeIsMissingPercentage(string key, string attributeName)
        {
            if (IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, 3003, "Cannot evaluate % options for setting '" + key + "' (the User." + attributeName + " attribute is missing). You should set the User."
                    + attributeName + " attribute in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/");
            }
        }

        internal void UserObjectAttributeIsMissingCondition(string condition, string key, string attributeName)
        {
            if (IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, 3003, "Cannot evaluate condition (" + condition + ") for setting '" + key + "' (the User." + attributeName + " attribute is missing). You should set the User."
                    + attributeName + " attribute in order to make targeting work properly. Read more: https://configcat.com/docs/advanced/user-object/");
            }
        }

        internal void UserObjectAttributeIsInvalid(string condition, string key, string reason, string attributeName)
        {
            if (IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, 3004, "Cannot evaluate condition (" + condition + ") for setting '" + key + "' (" + reason + "). Please check the User." + attributeName
                    + " attribute and make sure that its value corresponds to the comparison operator.");
            }
        }

        internal void UserObjectAttributeIsAutoConverted(string condition, string key, string attributeName, string attributeValue)
        {
            if (IsEnabled(LogLevel.Warning))
            {
                Log(LogLevel.Warning, 3005, "Evaluation of condition (" + condition + ") for setting '" + key + "' may not produce the expected result (the User." + attributeName
                    + " attribute is not a string value, thus it was automatically converted to the string value '" + attributeValue + "'). Please make sure that using a non-string value was intended.");
            }
        }

        internal string ClientIsOffline() =>
            Log(LogLevel.Warning, 3200, "Client is in offline mode, it cannot initiate HTTP calls.");

        internal string MethodHasNoEffectDueToDisposedClient(string methodName) =>
            Log(LogLevel.Warning, 3201, "The client object is already disposed, thus `" + methodName + "()` has no effect.");

        internal string MethodHasNoEffectDueToOverrideBehavior(string overrideBehavior, string methodName) =>
            Log(LogLevel.Warning, 3202, "Client is configured to use the `" + overrideBehavior + "` override behavior, thus `" + methodName + "()` has no effect.");

        // 4000-4999: SDK-specific warnings

        internal string EventHandlerError(string eventName, Exception exception) =>
            Log(LogLevel.Warning, 4100, "An event handler of `" + eventName + "` threw an exception; the client carries on.", exception);

        internal string CacheNotTrusted(UntrustedCacheException exception) => Log(LogLevel.Warning, 4200, exception.Message);

        // 5000-5999: common info

        internal void SettingEvaluated(string evaluationLog) => Log(LogLevel.Info, 5000, evaluationLog);

        internal void StatusChanged(string mode) => Log(LogLevel.Info, 5200, "Switched to " + mode + " mode.");
    }
}
