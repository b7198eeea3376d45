using System;
using System.IO;
using ConfigCat.Engine.Caching;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    /// <summary>The HResults are Windows' own (0x80070000 | Win32 error); only Windows raises them from File.Replace,
    /// so the policy is tested with them directly.</summary>
    public class SharingViolationRetryTests
    {
        private const int SharingViolation = unchecked((int)0x80070020);
        private const int UnableToMoveReplacement = unchecked((int)0x80070498);

        [Theory]
        [InlineData(SharingViolation)]
        [InlineData(UnableToMoveReplacement)]
        public void A_file_held_open_for_a_moment_is_replaced_on_a_later_attempt(int hresult)
        {
            var calls = 0;
            SharingViolationRetry.Run(() =>
            {
                if (++calls < 3)
                {
                    throw new IOException("in use", hresult);
                }
            });

            Assert.Equal(3, calls);
        }

        [Fact]
        public void A_file_held_open_for_good_fails_after_a_bounded_number_of_attempts()
        {
            var calls = 0;
            var started = DateTime.UtcNow;

            Assert.Throws<IOException>(() => SharingViolationRetry.Run(() =>
            {
                calls++;
                throw new IOException("in use", SharingViolation);
            }));

            Assert.Equal(6, calls);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        }

        [Fact]
        public void Other_errors_are_not_retried()
        {
            var calls = 0;

            Assert.Throws<DirectoryNotFoundException>(() => SharingViolationRetry.Run(() =>
            {
                calls++;
                throw new DirectoryNotFoundException();
            }));
            Assert.Throws<IOException>(() => SharingViolationRetry.Run(() =>
            {
                calls++;
                throw new IOException("disk full", unchecked((int)0x80070070));
            }));

            Assert.Equal(2, calls);
        }
    }
}
