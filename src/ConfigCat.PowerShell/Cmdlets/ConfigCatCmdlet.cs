using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text;
using System.Threading;
using ConfigCat.Engine.Logging;
using ConfigCat.PowerShell.Session;

namespace ConfigCat.PowerShell.Cmdlets
{
    /// <summary>
    /// What every ConfigCat cmdlet shares: SDK log events become PowerShell stream records (Error and Warning →
    /// Warning, Info → Verbose, Debug → Debug), always on the pipeline thread, and terminating errors carry a
    /// <c>ConfigCat.&lt;Reason&gt;</c> ErrorId. Every wait (for a download, for readiness) ends when the pipeline is
    /// stopped (Ctrl+C, PowerShell.Stop()).
    /// </summary>
    public abstract class ConfigCatCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        /// <summary>Runs <paramref name="wait"/> so that stopping the pipeline ends it; the download it waited for goes
        /// on for the other connections that share it.</summary>
        internal T UntilStopped<T>(Func<CancellationToken, T> wait)
        {
            try
            {
                return wait(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        internal void WriteLogEvents(IReadOnlyList<LogEvent> events)
        {
            for (var i = 0; i < events.Count; i++)
            {
                WriteLogEvent(events[i]);
            }
        }

        internal void WriteLogEvent(LogEvent logEvent)
        {
            var text = Format(logEvent);
            switch (logEvent.Level)
            {
                case LogLevel.Error:
                case LogLevel.Warning:
                    WriteWarning(text);
                    break;
                case LogLevel.Info:
                    WriteVerbose(text);
                    break;
                default:
                    WriteDebug(text);
                    break;
            }
        }

        /// <summary>Writes what background threads logged for <paramref name="connection"/> since the last cmdlet ran.</summary>
        internal void DrainBackgroundLog(ConfigCatConnection connection)
        {
            var events = connection.LogQueue.TakeAll(out var dropped);
            if (dropped > 0)
            {
                WriteWarning("ConfigCat: " + dropped + " earlier log messages were dropped because no ConfigCat cmdlet ran to write them.");
            }

            WriteLogEvents(events);
        }

        /// <summary>The level this call logs at: the connection's, raised to Info with -Verbose and to Debug with -Debug
        /// (so that -Verbose shows the evaluation log whatever the connection's level).</summary>
        internal LogLevel CallLogLevel(LogLevel connectionLevel)
        {
            var level = connectionLevel;
            if (IsStreamRequested("Verbose", "VerbosePreference") && level < LogLevel.Info)
            {
                level = LogLevel.Info;
            }

            if (IsStreamRequested("Debug", "DebugPreference"))
            {
                level = LogLevel.Debug;
            }

            return level;
        }

        /// <summary>A line for the host, as Write-Host writes it: CI agents read logging commands from there, and it
        /// reaches them even when the cmdlet's output is captured.</summary>
        internal void WriteHostLine(string line) => WriteInformation(new HostInformationMessage { Message = line }, new[] { "PSHOST" });

        /// <summary>Called on another thread than the pipeline's while ProcessRecord may be waiting.</summary>
        protected override void StopProcessing() => stopping.Cancel();

        internal void ThrowTerminating(string errorId, ErrorCategory category, string message, object? target, Exception? inner = null)
        {
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message, inner), errorId, category, target));
        }

        private bool IsStreamRequested(string commonParameter, string preferenceVariable)
        {
            if (MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound) && bound is SwitchParameter requested)
            {
                return requested.IsPresent;
            }

            return GetVariableValue(preferenceVariable) is ActionPreference preference
                && preference != ActionPreference.SilentlyContinue && preference != ActionPreference.Ignore;
        }

        private static string Format(LogEvent logEvent)
        {
            var text = new StringBuilder("ConfigCat [").Append(logEvent.EventId).Append("] ").Append(logEvent.Message);
            if (logEvent.EventId == 1101 && logEvent.Message.EndsWith(Logger.ProxyAsksForCredentials, StringComparison.Ordinal))
            {
                text.Append(" Pass its user name and password with -ProxyCredential.");
            }

            for (var exception = logEvent.Exception; exception != null; exception = exception.InnerException)
            {
                text.Append(" -> ").Append(exception.Message);
            }

            return text.ToString();
        }
    }
}
