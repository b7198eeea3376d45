using ConfigCat.Engine.Caching;
using Xunit;

namespace ConfigCat.Tests.Caching
{
    public class AtomicFilePathTests
    {
        private const int MaxPath = 260;

        [Fact]
        public void The_temporary_file_is_beside_the_target_and_adds_a_short_suffix()
        {
            const string target = @"C:\Users\build\AppData\Local\Temp\configcat\0123456789abcdef.cache";

            var temporary = AtomicFile.TemporaryPathFor(target);

            Assert.StartsWith(target + ".", temporary);
            Assert.InRange(temporary.Length - target.Length, 5, 13);
        }

        [Fact]
        public void Two_temporary_paths_for_one_target_differ()
        {
            const string target = @"C:\out\flags.json";

            Assert.NotEqual(AtomicFile.TemporaryPathFor(target), AtomicFile.TemporaryPathFor(target));
        }

        /// <summary>A target that Windows PowerShell 5.1 can write must not fail because of its temporary file: as
        /// passed to Windows, the temporary path is either short enough or extended.</summary>
        [Theory]
        [InlineData(@"C:\", 200)]
        [InlineData(@"C:\", 240)]
        [InlineData(@"C:\", 247)]
        [InlineData(@"\\server\share\", 240)]
        public void A_target_within_MAX_PATH_never_gets_a_temporary_path_over_it(string root, int folderLength)
        {
            var folder = root + new string('d', folderLength - root.Length) + @"\";
            for (var length = folder.Length + 1; length < MaxPath; length++)
            {
                var target = folder + new string('f', length - folder.Length);
                Assert.Equal(target, Win32Path.Extend(target));

                var passed = Win32Path.Extend(AtomicFile.TemporaryPathFor(target));

                Assert.True(passed.Length < MaxPath || passed.StartsWith(@"\\?\"), passed.Length + " characters: " + passed);
            }
        }
    }
}
