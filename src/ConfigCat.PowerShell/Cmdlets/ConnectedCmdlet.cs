using System.Collections.Generic;
using System.Management.Automation;
using ConfigCat.Engine.Client;
using ConfigCat.Engine.Evaluation;
using ConfigCat.Engine.Logging;
using ConfigCat.PowerShell.Conversion;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>A cmdlet that works through a connection: the one passed with -Client, else the runspace's current one.
    /// Background log messages are written when it starts and when it ends.</summary>
    public abstract class ConnectedCmdlet : ConfigCatCmdlet
    {
        private ConfigCatConnection? connection;
        private CallLog? callLog;
        private Logger? callLogger;
        private Logger? callLoggerWithoutDefault;
        private readonly List<string> missingUserKeys = new List<string>();
        private LogEvent? missingUserEvent;

        /// <summary>The connection to use instead of the runspace's current one (e.g. <c>$using:client</c> in
        /// ForEach-Object -Parallel).</summary>
        [Parameter]
        public ConfigCatConnection? Client { get; set; }

        internal ConfigCatConnection Connection => connection!;

        protected override void BeginProcessing()
        {
            connection = Client ?? ConnectionStore.Current;
            if (connection == null)
            {
                ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                    "Not connected to ConfigCat. Run Connect-ConfigCat first, or pass a connection with -Client.", null);
            }

            if (!connection!.IsConnected)
            {
                ThrowTerminating(ErrorIds.NotConnected, ErrorCategory.InvalidOperation,
                    "This ConfigCat connection was disconnected. Run Connect-ConfigCat again.", connection);
            }

            DrainBackgroundLog(connection);
        }

        protected override void EndProcessing() => DrainBackgroundLog(Connection);

        /// <summary>Writes what evaluating <paramref name="key"/> logged, holding back warning 3001 (no user), which
        /// <see cref="WriteMissingUserWarning"/> writes once for the whole call.</summary>
        internal void WriteEvaluationLog(string key)
        {
            foreach (var logEvent in CallLog.Take())
            {
                if (logEvent.EventId == 3001)
                {
                    missingUserKeys.Add(key);
                    missingUserEvent ??= logEvent;
                }
                else
                {
                    WriteLogEvent(logEvent);
                }
            }
        }

        /// <summary>The held-back 3001: the SDK's own message for one setting, one naming them all for several.</summary>
        internal void WriteMissingUserWarning()
        {
            if (missingUserKeys.Count == 1)
            {
                WriteLogEvent(missingUserEvent!);
            }
            else if (missingUserKeys.Count > 1)
            {
                CallLogger.UserObjectIsMissing(missingUserKeys);
                WriteLogEvents(CallLog.Take());
            }

            missingUserKeys.Clear();
            missingUserEvent = null;
        }

        /// <summary>Evaluates <paramref name="key"/> with a normalized -Default, given the setting's number type (see
        /// <see cref="DefaultValueConverter.ForSetting"/>); a failed evaluation returns the default as it was given.</summary>
        internal EvaluationResult Evaluate(ConfigSnapshot snapshot, string key, object? defaultValue, User? user)
        {
            var logger = defaultValue == null ? callLoggerWithoutDefault ??= CallLogger.WithoutDefault() : CallLogger;
            var result = snapshot.Evaluate(key, DefaultValueConverter.ForSetting(defaultValue, snapshot.Settings, key), user, logger);
            return result.IsDefaultValue && !Equals(result.Value, defaultValue)
                ? EvaluationResult.Failure(defaultValue, result.ErrorCode, result.ErrorMessage ?? string.Empty, result.ErrorException)
                : result;
        }

        /// <summary>Where this call's evaluation messages collect, to be written by this cmdlet only.</summary>
        internal CallLog CallLog => callLog ??= new CallLog();

        /// <summary>The logger of this call: its messages go to <see cref="CallLog"/> and name this cmdlet and its
        /// -Default parameter. Made once per invocation (not per key): like PowerShell's own stream preferences, the
        /// level it reads from -Verbose, -Debug and the preference variables holds for the whole invocation.</summary>
        internal Logger CallLogger => callLogger ??= Connection.Client.Logger.ForCall(CallLogLevel(Connection.LogLevel), CallLog, MyInvocation.MyCommand.Name, "-Default");
    }
}
