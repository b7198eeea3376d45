using ConfigCat.Engine.Caching;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    public class Win32PathTests
    {
        [Theory]
        [InlineData(@"C:\Users\build\AppData\Local\Temp\configcat\key.cache")]
        [InlineData(@"\\server\share\configcat\key.cache")]
        [InlineData(@"\\?\C:\already\extended.cache")]
        [InlineData(@"\\.\C:\device\namespace.cache")]
        public void Paths_that_fit_or_are_already_extended_are_unchanged(string path)
        {
            Assert.Equal(path, Win32Path.Extend(path));
        }

        [Fact]
        public void A_path_of_259_characters_in_a_short_folder_fits()
        {
            var path = @"C:\cache\" + new string('f', 250);

            Assert.Equal(259, path.Length);
            Assert.Equal(path, Win32Path.Extend(path));
        }

        [Fact]
        public void A_drive_path_of_260_characters_gets_the_extended_prefix()
        {
            var path = @"C:\cache\" + new string('f', 251);

            Assert.Equal(260, path.Length);
            Assert.Equal(@"\\?\" + path, Win32Path.Extend(path));
        }

        [Fact]
        public void A_UNC_path_of_260_characters_gets_the_extended_UNC_prefix()
        {
            var path = @"\\server\share\" + new string('f', 245);

            Assert.Equal(260, path.Length);
            Assert.Equal(@"\\?\UNC\server\share\" + new string('f', 245), Win32Path.Extend(path));
        }

        /// <summary>.NET Framework also refuses a folder of 248 characters or more, however short the file name.</summary>
        [Fact]
        public void A_path_whose_folder_has_248_characters_gets_the_prefix()
        {
            var folder = @"C:\" + new string('d', 245);
            var path = folder + @"\a.json";

            Assert.Equal(248, folder.Length);
            Assert.Equal(@"\\?\" + path, Win32Path.Extend(path));
            Assert.Equal(folder.Substring(0, 247) + @"\a.json", Win32Path.Extend(folder.Substring(0, 247) + @"\a.json"));
        }

        [Fact]
        public void A_folder_of_248_characters_gets_the_prefix_itself()
        {
            var folder = @"C:\" + new string('d', 245);

            Assert.Equal(folder, Win32Path.Extend(folder));
            Assert.Equal(@"\\?\" + folder, Win32Path.Extend(folder, isDirectory: true));
            Assert.Equal(folder.Substring(0, 247), Win32Path.Extend(folder.Substring(0, 247), isDirectory: true));
        }

        /// <summary>The prefix turns off Windows' normalization, which would have turned these into backslashes.</summary>
        [Fact]
        public void Forward_slashes_in_an_extended_path_become_backslashes()
        {
            var path = "C:/cache/" + new string('f', 251);

            Assert.Equal(@"\\?\C:\cache\" + new string('f', 251), Win32Path.Extend(path));
        }
    }
}
