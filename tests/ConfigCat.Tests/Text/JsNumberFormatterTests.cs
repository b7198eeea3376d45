using System;
using System.Collections.Generic;
using ConfigCat.Engine.Text;
using ConfigCat.Tests.Support;
using Xunit;

namespace ConfigCat.Tests.Text
{
    /// <summary>Expected strings are JavaScript's <c>String(x)</c>, produced with node 20 when these tests were written.</summary>
    public class JsNumberFormatterTests
    {
        [DesktopExcluded("issue 11 item 3: .NET Framework's double formatting and parsing are not IEEE-correct (double.MaxValue overflows, some subnormals and random doubles print other digits).")]
        [Theory]
        [InlineData(0.1, "0.1")]
        [InlineData(1e21, "1e+21")]
        [InlineData(1e-7, "1e-7")]
        [InlineData(123e-20, "1.23e-18")]
        [InlineData(-1.23456789e96, "-1.23456789e+96")]
        [InlineData(5e-324, "5e-324")]
        [InlineData(1e-323, "1e-323")]
        [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
        [InlineData(0.000001, "0.000001")]
        [InlineData(1.0 / 3, "0.3333333333333333")]
        [InlineData(100.0 / 3, "33.333333333333336")]
        [InlineData(100.0, "100")]
        [InlineData(-0.0, "0")]
        [InlineData(9007199254740992.0, "9007199254740992")]
        [InlineData(1e15, "1000000000000000")]
        [InlineData(1e16, "10000000000000000")]
        [InlineData(1e20, "100000000000000000000")]
        [InlineData(123456789012345680000.0, "123456789012345680000")]
        [InlineData(1e22, "1e+22")]
        [InlineData(0.1 + 0.2, "0.30000000000000004")]
        [InlineData(-1e-7, "-1e-7")]
        [InlineData(1.5e-7, "1.5e-7")]
        [InlineData(5e-7, "5e-7")]
        [InlineData(1234.5678e-10, "1.2345678e-7")]
        [InlineData(-0.0000015, "-0.0000015")]
        [InlineData(0.000123, "0.000123")]
        [InlineData(2.2250738585072014e-308, "2.2250738585072014e-308")]
        [InlineData(2.225073858507201e-308, "2.225073858507201e-308")]
        [InlineData(1e301, "1e+301")]
        [InlineData(-12345.6789e-100, "-1.23456789e-96")]
        [InlineData(0.12345, "0.12345")]
        [InlineData(125.0, "125")]
        [InlineData(Math.PI, "3.141592653589793")]
        [InlineData(27182818284.59045, "27182818284.59045")]
        [InlineData(4.35, "4.35")]
        [InlineData(0.3, "0.3")]
        [InlineData(-1000.0, "-1000")]
        [InlineData(1700000000.5, "1700000000.5")]
        [InlineData(1125899906842624.25, "1125899906842624.2")]
        [InlineData(1125899906842624.75, "1125899906842624.8")]
        [InlineData(2.98023223876953125e-8, "2.9802322387695312e-8")]
        [InlineData(double.NaN, "NaN")]
        [InlineData(double.PositiveInfinity, "Infinity")]
        [InlineData(double.NegativeInfinity, "-Infinity")]
        public void Formats_like_Number_toString(double value, string expected)
        {
            Assert.Equal(expected, JsNumberFormatter.Format(value));
        }

        [DesktopExcluded("issue 11 item 3: .NET Framework's double formatting and parsing are not IEEE-correct (double.MaxValue overflows, some subnormals and random doubles print other digits).")]
        [Theory]
        [InlineData(3L, "1.5e-323")]
        [InlineData(1L << 24, "8.289046e-317")]
        [InlineData(1L << 51, "1.1125369292536007e-308")]
        [InlineData(0x000FFFFFFFFFFFFFL, "2.225073858507201e-308")]
        public void Subnormal_numbers_get_their_shortest_digits(long bits, string expected)
        {
            Assert.Equal(expected, JsNumberFormatter.Format(BitConverter.Int64BitsToDouble(bits)));
        }

        /// <summary>Random bit patterns, random short decimals across the plain/exponent boundaries and random
        /// subnormals, each with node's <c>String(x)</c>.</summary>
        public static IEnumerable<object[]> RandomDoubles()
        {
            foreach (var (bits, text) in RandomDoubleTable)
            {
                yield return new object[] { bits, text };
            }
        }

        [DesktopExcluded("issue 11 item 3: .NET Framework's double formatting and parsing are not IEEE-correct (double.MaxValue overflows, some subnormals and random doubles print other digits).")]
        [Theory]
        [MemberData(nameof(RandomDoubles))]
        public void Formats_random_doubles_like_Number_toString(ulong bits, string expected)
        {
            Assert.Equal(expected, JsNumberFormatter.Format(BitConverter.Int64BitsToDouble(unchecked((long)bits))));
        }

        private static readonly (ulong Bits, string Text)[] RandomDoubleTable =
        {
            (0x80bc04fcde937800UL, "-3.9901068942950425e-305"),
            (0xfbd9d8005d3e3840UL, "-3.9352423928723734e+288"),
            (0xdce3410096718900UL, "-2.866071792458834e+139"),
            (0xd3a6910089999c80UL, "-9.414368889812428e+94"),
            (0x51b29100b30a3800UL, "3.60684005937064e+85"),
            (0x20b5184095e12100UL, "4.0276921590727314e-151"),
            (0x68a3a9008444b100UL, "1.148138641832937e+196"),
            (0x5d8b1900c7c38100UL, "4.1304739397251156e+142"),
            (0x0028ec002012ef80UL, "6.931627102660699e-308"),
            (0xc2ccf400dc337400UL, "-63668624058088"),
            (0x00521f80f6cde900UL, "4.032515057042334e-307"),
            (0xe5767100bd76d900UL, "-5.820063217639182e+180"),
            (0x9d12248083c45980UL, "-1.2018260873240263e-168"),
            (0x939b470052e35f00UL, "-3.1650840787621808e-214"),
            (0x13d6d7006cddcf00UL, "4.2402975258499737e-213"),
            (0x5178cf70aa03d280UL, "3.0123889384473305e+84"),
            (0x6aa1a87071131800UL, "4.429020855612193e+205"),
            (0xf0f95380e546d500UL, "-1.6105210372627687e+236"),
            (0xc4878d0043b86538UL, "-1.39019298852454e+22"),
            (0x33b8c5008cbe9d00UL, "1.5414122359927632e-59"),
            (0x06d3d50071ec8d40UL, "8.950170883117472e-276"),
            (0xa6052e0052443e38UL, "-1.5644131767401357e-125"),
            (0x950d06009a3ff600UL, "-2.82502296242148e-207"),
            (0x2d25a600c1c7d600UL, "3.321070617696476e-91"),
            (0x7864c640c22b6b00UL, "8.780012360748705e+271"),
            (0xcacbb3006180db40UL, "-2.0727020569421393e+52"),
            (0x0941c84012f26a80UL, "4.411842278610331e-264"),
            (0x217ce0005ae80040UL, "2.2582093836550425e-147"),
            (0x5fa329002b0d3138UL, "5.017494713146097e+152"),
            (0xdc9a3100b4f39900UL, "-1.2183639133193991e+138"),
            (0xf960bc004e107c00UL, "-4.635063092577851e+276"),
            (0x02b61470f2628400UL, "1.3504557379296752e-295"),
            (0x927d8400d2548400UL, "-1.3064576684207726e-219"),
            (0xbe1384008a9aef80UL, "-1.135959363397835e-9"),
            (0x95875c8005ad7e00UL, "-5.821172877787675e-205"),
            (0x6b288e0014b9de00UL, "1.5766723604523576e+208"),
            (0x5be3ae40a198c300UL, "4.470211175414691e+134"),
            (0xed1e4b00e4221300UL, "-4.1771389160677607e+217"),
            (0x470dfb005347a340UL, "1.945843993523588e+34"),
            (0x5943a000aa3b2870UL, "1.0135336011683535e+122"),
            (0x0809984010e69ac0UL, "6.055979681174624e-270"),
            (0x9ff5f9009e83e100UL, "-1.0242476721889e-154"),
            (0x0bb3e940c4e44a00UL, "2.71581302876216e-252"),
            (0x690cda4026f8a700UL, "1.0783785511996557e+198"),
            (0x266e9040e8545900UL, "1.4448233136346785e-123"),
            (0x1d50fc0026c4bc00UL, "1.8001639019058786e-167"),
            (0x0a8c7c00f97d3c00UL, "7.410382851595654e-258"),
            (0xe693fc0054ffbc00UL, "-1.358651330063296e+186"),
            (0xc711c7801e04e400UL, "-2.307884915037082e+34"),
            (0x584c7000e28ad000UL, "2.2409901665081136e+117"),
            (0xbf89300058701000UL, "-0.012298586558252111"),
            (0xbf26f00099f95000UL, "-0.00017499930707975953"),
            (0xae0ab000c0399000UL, "-6.707788190773378e-87"),
            (0x3949704011dbf900UL, "9.798545160291014e-33"),
            (0xfdd5ee005a04f380UL, "-1.4341952306158695e+298"),
            (0x591d7540315e2600UL, "1.9016986170226537e+121"),
            (0xc9625600f36c4600UL, "-3.271243149826187e+45"),
            (0xd9cfb6002aeb6600UL, "-4.192541240284984e+124"),
            (0xc913160085bb0600UL, "-1.064077017052463e+44"),
            (0xb669698055915738UL, "-1.391013944898151e-46"),
            (0x3fda18ed557d4772UL, "0.40777142857142856"),
            (0x41237e0000000000UL, "638720"),
            (0x42d39f8dd0d00000UL, "86304000000000"),
            (0x3f8000ff0380be00UL, "0.007814399999999999"),
            (0x42a06a20a1000000UL, "9024000000000"),
            (0x44622bd5a008c6f0UL, "2.6816e+21"),
            (0x3fbf212d77318fc4UL, "0.12159999999999999"),
            (0x3da47a30a1a0f6daUL, "9.311999999999999e-12"),
            (0x42d45617db700000UL, "89440000000000"),
            (0x419284836db6db6eUL, "77668571.42857143"),
            (0x419e2e0124924924UL, "126582857.14285713"),
            (0x42c71f7c7d200000UL, "50848000000000"),
            (0x42d0a3de94b00000UL, "73184000000000"),
            (0x3dca7569f163c670UL, "4.8128e-11"),
            (0x446e240cce2f8d2fUL, "4.4479999999999995e+21"),
            (0x4126a80000000000UL, "742400"),
            (0x4122070000000000UL, "590720"),
            (0x3f766318d40c5c2eUL, "0.005465599999999999"),
            (0x43448fa2b829b6dcUL, "11574857142857144"),
            (0x3f3c8571c4687a3dUL, "0.0004352"),
            (0x4468fae27693b3ffUL, "3.6863999999999995e+21"),
            (0x3f54a82db11332e2UL, "0.0012607999999999999"),
            (0x3f7bf5290c68c40eUL, "0.006825599999999999"),
            (0x418e689924924924UL, "63771428.57142857"),
            (0x410eaa0000000000UL, "251200"),
            (0x3e4983ba345a72c2UL, "1.1881142857142856e-8"),
            (0x3dda8bee8cea679bUL, "9.6576e-11"),
            (0x3dd3f9d65e54c695UL, "7.2672e-11"),
            (0x4471556c32e45327UL, "5.116e+21"),
            (0x3db5e27a5a0b0994UL, "1.9904e-11"),
            (0x44f0d806e49f4f3bUL, "1.2726857142857143e+24"),
            (0x4119a00000000000UL, "419840"),
            (0x3ddb54578eb23539UL, "9.9424e-11"),
            (0x445f7c381aca2ae0UL, "2.3232e+21"),
            (0x3d6f86735614d6a6UL, "8.96e-13"),
            (0x44e51d85b2d43700UL, "7.977142857142857e+23"),
            (0x3f68e757928e0c9dUL, "0.0030399999999999997"),
            (0x44731f63c00ce70bUL, "5.644e+21"),
            (0x3e398136d547fe7dUL, "5.9382857142857145e-9"),
            (0x3da12b8363747e0cUL, "7.807999999999999e-12"),
            (0x3f61177f7886239bUL, "0.0020864"),
            (0x4116490000000000UL, "365120"),
            (0x43005ef39b200000UL, "576000000000000"),
            (0x3f7de26916440f22UL, "0.007295999999999999"),
            (0x3e241af893a23013UL, "2.3405714285714283e-9"),
            (0x4293e83277000000UL, "5472000000000"),
            (0x412bad0000000000UL, "906880"),
            (0x447c0143e2ef96cdUL, "8.265600000000001e+21"),
            (0x44c8bbbd9daf13f9UL, "2.336e+23"),
            (0x42ca61f389200000UL, "58016000000000"),
            (0x3e34acbc1dd087f0UL, "4.813714285714286e-9"),
            (0x4173b4a492492492UL, "20662857.14285714"),
            (0x3febffc414d4c208UL, "0.8749714285714285"),
            (0x41a0a5ff6db6db6eUL, "139657142.85714287"),
            (0x42bf495fc7c00000UL, "34400000000000"),
            (0x42ac58dd91800000UL, "15584000000000"),
            (0x42c8b944a9e00000UL, "54368000000000"),
            (0x42d2f430cc100000UL, "83360000000000"),
            (0x42b4508158800000UL, "22336000000000"),
            (0x42bffc3025c00000UL, "35168000000000"),
            (0x000c596568998700UL, "1.7173681345885065e-308"),
            (0x0000aea85ee2ff00UL, "9.4879462325895e-310"),
            (0x0008c7a505353700UL, "1.220990055302323e-308"),
            (0x000aa2c61431ca00UL, "1.4790948935695693e-308"),
            (0x000f324b30381578UL, "2.113327837849334e-308"),
            (0x000be7130df84400UL, "1.6552650545344645e-308"),
            (0x000d27363c041f00UL, "1.8291736012630113e-308"),
            (0x00036793650b5700UL, "4.7346690442837e-309"),
            (0x00063f4500b14f00UL, "8.687726685075553e-309"),
            (0x0000d9f102552f00UL, "1.183925305015845e-309"),
            (0x00073801034c0f00UL, "1.0038928940818157e-308"),
            (0x000496172b4def00UL, "6.37802267855458e-309"),
            (0x0000f3901171a740UL, "1.323108261520403e-309"),
            (0x0009e91d7d025480UL, "1.3782394244339384e-308"),
            (0x000d2eab71571200UL, "1.833224933233225e-308"),
        };
    }
}
