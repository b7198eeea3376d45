using System;
using System.IO;
using System.Threading;

namespace ConfigCat.Engine.Caching
{
    /// <summary>
    /// Retries a file operation that Windows refuses for a moment because another process has the file open (a reader
    /// of the cache, an antivirus scanner): a sharing or lock violation, or ReplaceFile's "unable to move/remove"
    /// errors. A few attempts with doubling waits, about a third of a second in all, then the error stands.
    /// </summary>
    internal static class SharingViolationRetry
    {
        private const int Attempts = 6;
        private const int FirstDelayMilliseconds = 10;

        private const int ErrorAccessDenied = 5;
        private const int ErrorSharingViolation = 32;
        private const int ErrorLockViolation = 33;
        private const int ErrorUnableToRemoveReplaced = 1175;
        private const int ErrorUnableToMoveReplacement = 1176;
        private const int ErrorUnableToMoveReplacement2 = 1177;

        public static void Run(Action operation)
        {
            var delay = FirstDelayMilliseconds;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    operation();
                    return;
                }
                catch (Exception e) when (attempt < Attempts && IsTransient(e))
                {
                    Thread.Sleep(delay);
                    delay *= 2;
                }
            }
        }

        /// <summary>Access denied counts as well: Windows reports it for a file whose deletion is still pending.</summary>
        public static bool IsTransient(Exception exception)
        {
            if (exception is UnauthorizedAccessException)
            {
                return true;
            }

            if (!(exception is IOException) || exception is FileNotFoundException || exception is DirectoryNotFoundException)
            {
                return false;
            }

            switch (exception.HResult & 0xFFFF)
            {
                case ErrorAccessDenied:
                case ErrorSharingViolation:
                case ErrorLockViolation:
                case ErrorUnableToRemoveReplaced:
                case ErrorUnableToMoveReplacement:
                case ErrorUnableToMoveReplacement2:
                    return (exception.HResult & 0xFFFF0000) == 0x80070000;
                default:
                    return false;
            }
        }
    }
}
