using ConfigCat.Engine.Caching;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    public class CacheTrustTests
    {
        [Theory]
        [InlineData(1000u, 0x1C0u)] // 0700
        [InlineData(1000u, 0x180u)] // 0600
        [InlineData(1000u, 0x1EDu)] // 0755: others may read, not write
        [InlineData(0u, 0x1C0u)]
        public void Own_entries_that_only_the_owner_can_write_are_trusted(uint owner, uint mode)
        {
            Assert.Null(CacheTrust.UnixDistrust(owner, mode, owner));
        }

        [Theory]
        [InlineData(0x1F0u, "mode 0760")]
        [InlineData(0x1B0u, "mode 0660")]
        [InlineData(0x182u, "mode 0602")]
        [InlineData(0x1FFu, "mode 0777")]
        [InlineData(0x3FFu, "mode 1777")]
        public void Entries_that_the_group_or_everyone_can_write_are_not_trusted(uint mode, string shown)
        {
            Assert.Contains(shown, CacheTrust.UnixDistrust(1000, mode, 1000));
        }

        /// <summary>Root too: a folder another user planted is theirs to change while root's pipeline reads it.</summary>
        [Theory]
        [InlineData(65534u, 1000u)]
        [InlineData(65534u, 0u)]
        [InlineData(0u, 1000u)]
        public void Entries_owned_by_another_user_are_not_trusted_whatever_their_mode(uint owner, uint currentUser)
        {
            Assert.Contains("owned by another user (uid " + owner + ", not " + currentUser + ")", CacheTrust.UnixDistrust(owner, 0x180, currentUser));
        }
    }
}
