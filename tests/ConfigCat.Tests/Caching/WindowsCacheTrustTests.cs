using System;
using ConfigCat.Engine.Caching;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    /// <summary>The Windows trust decision on SDDL as Windows writes it for folders (owner and DACL only).</summary>
    public class WindowsCacheTrustTests
    {
        private const string Me = "S-1-5-21-3623811015-3361044348-30300820-1013";
        private const string Colleague = "S-1-5-21-3623811015-3361044348-30300820-1014";
        private const string Users = "S-1-5-21-3623811015-3361044348-30300820-513";

        /// <summary>A folder created under %TEMP% (C:\Users\me\AppData\Local\Temp) without a DACL of its own: it
        /// inherits the profile's entries.</summary>
        private const string UnderTemp = "O:" + Me + "G:" + Users
            + "D:(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;" + Me + ")";

        /// <summary>A folder created under C:\Users\Public: CREATOR OWNER became its creator, and INTERACTIVE, SERVICE
        /// and BATCH may modify it, as they may everything in Public.</summary>
        private const string UnderPublic = "O:" + Me + "G:" + Users
            + "D:AI(A;ID;FA;;;" + Me + ")(A;OICIIOID;GA;;;CO)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)"
            + "(A;OICIID;0x1301bf;;;IU)(A;OICIID;0x1301bf;;;SU)(A;OICIID;0x1301bf;;;S-1-5-3)(A;OICIID;0x1200a9;;;WD)";

        /// <summary>The DACL the module gives a cache folder it creates, as Windows reads it back.</summary>
        private const string CreatedByTheModule = "O:" + Me + "G:" + Users
            + "D:PAI(A;OICI;FA;;;" + Me + ")(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";

        private static string? Distrust(string sddl, string currentUser)
        {
            var descriptor = WindowsSecurityDescriptor.Parse(sddl);
            return CacheTrust.WindowsDistrust(descriptor.Owner, currentUser, descriptor.Entries);
        }

        [Theory]
        [InlineData(UnderTemp)]
        [InlineData(CreatedByTheModule)]
        public void Own_folders_that_only_the_owner_SYSTEM_and_Administrators_can_write_are_trusted(string sddl)
        {
            Assert.Null(Distrust(sddl, Me));
        }

        [Fact]
        public void A_folder_under_Public_is_not_trusted_because_interactive_users_may_modify_it()
        {
            Assert.Equal("can be written by INTERACTIVE (IU, rights 0x1301bf)", Distrust(UnderPublic, Me));
        }

        [Theory]
        [InlineData(UnderTemp)]
        [InlineData(CreatedByTheModule)]
        public void A_folder_another_user_owns_is_not_trusted(string sddl)
        {
            Assert.Equal("is owned by another user (" + Me + ", not " + Colleague + ")", Distrust(sddl, Colleague));
        }

        /// <summary>An elevated administrator's files may be owned by Administrators, and SYSTEM's by SYSTEM, which
        /// Windows writes as an alias or as a SID string.</summary>
        [Theory]
        [InlineData("O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" + Me + ")", Me)]
        [InlineData("O:SYG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)", "S-1-5-18")]
        [InlineData("O:S-1-5-32-544D:(A;;FA;;;S-1-5-18)(A;;FA;;;BA)", Me)]
        public void Folders_owned_by_SYSTEM_or_Administrators_are_trusted(string sddl, string currentUser)
        {
            Assert.Null(Distrust(sddl, currentUser));
        }

        [Theory]
        [InlineData("(A;OICI;0x1200a9;;;BU)(A;OICI;FR;;;AU)(A;;FX;;;WD)")] // read and execute for others
        [InlineData("(D;OICI;FA;;;WD)")] // deny entries only take rights away
        [InlineData("(A;OICIIO;FA;;;CO)")] // what a creator gets inside, not a right on the folder
        [InlineData("(A;;FA;;;OW)")] // OWNER RIGHTS: the owner, who is the current user
        [InlineData("(AU;SAFA;FA;;;WD)")] // an audit entry grants nothing
        public void Entries_that_grant_no_one_else_write_access_are_trusted(string entries)
        {
            Assert.Null(Distrust("O:" + Me + "D:(A;;FA;;;" + Me + ")" + entries, Me));
        }

        [Theory]
        [InlineData("(A;OICI;FA;;;WD)", "Everyone (WD, rights 0x1f01ff)")] // Everyone: full control
        [InlineData("(A;OICI;0x1301bf;;;AU)", "Authenticated Users (AU, rights 0x1301bf)")] // Authenticated Users: modify
        [InlineData("(A;;FW;;;BU)", "Users (BU, rights 0x120116)")] // Users: write
        [InlineData("(A;;0x40000;;;" + Colleague + ")", Colleague + " (rights 0x40000)")] // change permissions
        [InlineData("(A;;WO;;;" + Colleague + ")", Colleague + " (rights 0x80000)")] // take ownership
        [InlineData("(A;;SD;;;" + Colleague + ")", Colleague + " (rights 0x10000)")] // delete
        [InlineData("(A;;GA;;;" + Colleague + ")", Colleague + " (rights 0x10000000)")]
        [InlineData("(A;;GW;;;" + Colleague + ")", Colleague + " (rights 0x40000000)")]
        [InlineData("(A;OICIIO;FA;;;WD)", "Everyone (WD, rights 0x1f01ff)")] // inherited by every file written into the folder
        [InlineData("(A;;FA;;;CO)", "CREATOR OWNER (CO, rights 0x1f01ff)")] // CREATOR OWNER only stands for the creator when inherited
        [InlineData("(OA;;FA;bf967aba-0de6-11d0-a285-00aa003049e2;;WD)", "Everyone (WD, rights 0x1f01ff)")] // object entry
        [InlineData("(XA;;FA;;;WD;(Member_of {SID(BA)}))", "Everyone (WD, rights 0x1f01ff)")] // callback entry with its condition
        public void An_entry_that_lets_anyone_else_change_the_folder_is_not_trusted(string entries, string writer)
        {
            Assert.Equal("can be written by " + writer, Distrust("O:" + Me + "D:(A;;FA;;;" + Me + ")" + entries, Me));
        }

        /// <summary>A null DACL (or none at all, as on volumes without ACLs) lets everyone do anything.</summary>
        [Theory]
        [InlineData("O:" + Me + "D:NO_ACCESS_CONTROL")]
        [InlineData("O:" + Me + "G:" + Users)]
        public void A_folder_without_a_DACL_is_not_trusted(string sddl)
        {
            Assert.Equal("can be written by Everyone (WD, rights 0x10000000)", Distrust(sddl, Me));
        }

        [Fact]
        public void The_owner_is_read_before_the_group_and_the_DACL()
        {
            var descriptor = WindowsSecurityDescriptor.Parse(UnderPublic);

            Assert.Equal(Me, descriptor.Owner);
            Assert.Equal(8, descriptor.Entries.Count);
            Assert.True(descriptor.Entries[1].InheritOnly);
            Assert.Equal("CO", descriptor.Entries[1].Trustee);
            Assert.Equal(0x1301bfu, descriptor.Entries[4].Rights);
        }

        [Theory]
        [InlineData("D:(A;;FA;;;SY)")] // no owner
        [InlineData("O:" + Me + "D:(A;;FA;;;SY")] // unclosed entry
        [InlineData("O:" + Me + "D:(A;;FA;;)")] // no trustee
        [InlineData("O:" + Me + "D:(A;;QQ;;;WD)")] // rights that are no SDDL
        [InlineData("O:" + Me + "D:(A;;0xZZ;;;WD)")]
        public void Text_that_is_not_a_security_descriptor_is_refused(string sddl)
        {
            Assert.Throws<FormatException>(() => WindowsSecurityDescriptor.Parse(sddl));
        }
    }
}
