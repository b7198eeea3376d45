using System;
using System.Threading;
using System.Threading.Tasks;

namespace ConfigCat.Engine.Polling
{
    /// <summary>Waiting for a shared task without owning it: cancelling the wait leaves the task running for the others
    /// that wait for it (netstandard2.0 has no Task.WaitAsync).</summary>
    internal static class Waiting
    {
        public static async Task<T> For<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                return await task.ConfigureAwait(false);
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }
    }
}
