using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class RedisEntryFormatUnitTests
{
    [Test]
    public void Encode_SlidingAndAbsolute_WritesBothNumbersInMillisecondsBeforeTheData()
    {
        var absolute = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_123);

        var value = RedisEntryFormat.Encode("data"u8, TimeSpan.FromSeconds(30), absolute).Value.ToArray();

        Assert.That(Encoding.ASCII.GetString(value), Is.EqualTo("hn1|30000|1764000000123|data"));
    }

    [Test]
    public void Encode_SubMillisecondWindow_RoundsUpNeverToZero()
    {
        var value = RedisEntryFormat.Encode([], TimeSpan.FromTicks(4000), null).Value.ToArray();

        Assert.That(Encoding.ASCII.GetString(value), Is.EqualTo("hn1|1||"));
    }

    [Test]
    public void TryDecode_ValueWithoutExpiry_DataStartsAfterTheHeader()
    {
        var decoded = RedisEntryFormat.TryDecode("hn1|||x|y"u8, out var header);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(header, Is.EqualTo(new RedisEntryHeader(6, null, null)));
            Assert.That(header.IsSliding, Is.False);
        });
    }

    [TestCase("", TestName = "TryDecode_Empty_NotOurs")]
    [TestCase("plain text", TestName = "TryDecode_NoPrefix_NotOurs")]
    [TestCase("hn2|||data", TestName = "TryDecode_OtherVersion_NotOurs")]
    [TestCase("hn1|", TestName = "TryDecode_HeaderCutAfterPrefix_NotOurs")]
    [TestCase("hn1|5|", TestName = "TryDecode_HeaderCutAfterSliding_NotOurs")]
    [TestCase("hn1|12x|3|data", TestName = "TryDecode_LetterInNumber_NotOurs")]
    [TestCase("hn1|-5||data", TestName = "TryDecode_NegativeWindow_NotOurs")]
    [TestCase("hn1| 5||data", TestName = "TryDecode_SpaceInNumber_NotOurs")]
    [TestCase("hn1|99999999999999999999||data", TestName = "TryDecode_NumberLongerThan64Bits_NotOurs")]
    public void TryDecode_NotAnEntryThisCacheWrote_ReturnsFalse(string stored)
    {
        Assert.That(RedisEntryFormat.TryDecode(Encoding.ASCII.GetBytes(stored), out _), Is.False);
    }

    [Test]
    public void EncodeThenDecode_AnyDataAndExpiry_RoundTrips()
    {
        var entries =
            from data in ArbMap.Default.GeneratorFor<byte[]>()
            from sliding in Gen.Choose(0, int.MaxValue).Select(ms => ms == 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(ms))
            from absolute in Gen.Choose(0, int.MaxValue).Select(s => s == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeSeconds(s))
            select (data, sliding, absolute);

        Prop.ForAll(entries.ToArbitrary(), entry =>
        {
            var value = RedisEntryFormat.Encode(entry.data, entry.sliding, entry.absolute).Value.ToArray();
            return RedisEntryFormat.TryDecode(value, out var header)
                && value.AsSpan(header.DataOffset).SequenceEqual(entry.data)
                && header.SlidingMilliseconds == (long?)entry.sliding?.TotalMilliseconds
                && header.AbsoluteUnixMilliseconds == entry.absolute?.ToUnixTimeMilliseconds();
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void TryDecode_ArbitraryBytes_NeverThrowsAndNeverPointsPastTheValue()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var value = bytes.Length % 2 == 0 ? [.. "hn1|"u8, .. bytes] : bytes;
            return !RedisEntryFormat.TryDecode(value, out var header) || header.DataOffset <= value.Length;
        }).QuickCheckThrowOnFailure();
    }
}
