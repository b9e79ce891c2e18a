using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Heimnetz.Caching;

namespace Heimnetz.Tests.Caching;

[TestFixture]
public sealed class RedisEntryFormatUnitTests
{
    [Test]
    public void Encode_SlidingAndAbsolute_WritesBothInMillisecondsAndTheWriteTimeInMicrosecondsBeforeTheData()
    {
        var absolute = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_123);

        var value = RedisEntryFormat.Encode("data"u8, TimeSpan.FromSeconds(30), absolute, 1_764_000_000_123_456).Value.ToArray();

        Assert.That(Encoding.ASCII.GetString(value), Is.EqualTo("hn2|30000|1764000000123|1764000000123456|data"));
    }

    [Test]
    public void Encode_SubMillisecondWindow_RoundsUpNeverToZero()
    {
        var value = RedisEntryFormat.Encode([], TimeSpan.FromTicks(4000), null, 7).Value.ToArray();

        Assert.That(Encoding.ASCII.GetString(value), Is.EqualTo("hn2|1||7|"));
    }

    [Test]
    public void TryDecode_FirstVersionEntry_StillReadWithoutAWriteTime()
    {
        var decoded = RedisEntryFormat.TryDecode("hn1|||x|y"u8, out var header);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(header, Is.EqualTo(new RedisEntryHeader(6, null, null)));
            Assert.That(header.IsSliding, Is.False);
        });
    }

    [Test]
    public void TryDecode_CurrentEntry_CarriesTheWriteTime()
    {
        var decoded = RedisEntryFormat.TryDecode("hn2|||42|x"u8, out var header);

        Assert.Multiple(() =>
        {
            Assert.That(decoded, Is.True);
            Assert.That(header, Is.EqualTo(new RedisEntryHeader(9, null, null, 42)));
        });
    }

    [Test]
    public void EncodeTombstone_AnyTime_ReadsAsNoEntry()
    {
        var tombstone = RedisEntryFormat.EncodeTombstone(1_764_000_000_123_456);

        Assert.Multiple(() =>
        {
            Assert.That(Encoding.ASCII.GetString(tombstone), Is.EqualTo("hnt|1764000000123456|"));
            Assert.That(RedisEntryFormat.TryDecode(tombstone, out _), Is.False, "a removal reads as a miss");
        });
    }

    [TestCase("", TestName = "TryDecode_Empty_NotOurs")]
    [TestCase("plain text", TestName = "TryDecode_NoPrefix_NotOurs")]
    [TestCase("hn3|||data", TestName = "TryDecode_OtherVersion_NotOurs")]
    [TestCase("hn2|||data", TestName = "TryDecode_CurrentVersionWithoutWriteTime_NotOurs")]
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
            from written in Gen.Choose(0, int.MaxValue).Select(w => w * 1_000_000L)
            select (data, sliding, absolute, written);

        Prop.ForAll(entries.ToArbitrary(), entry =>
        {
            var value = RedisEntryFormat.Encode(entry.data, entry.sliding, entry.absolute, entry.written).Value.ToArray();
            return RedisEntryFormat.TryDecode(value, out var header)
                && value.AsSpan(header.DataOffset).SequenceEqual(entry.data)
                && header.SlidingMilliseconds == (long?)entry.sliding?.TotalMilliseconds
                && header.AbsoluteUnixMilliseconds == entry.absolute?.ToUnixTimeMilliseconds()
                && header.WrittenUnixMicroseconds == entry.written;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void TryDecode_ArbitraryBytes_NeverThrowsAndNeverPointsPastTheValue()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var value = (bytes.Length % 3) switch { 0 => [.. "hn1|"u8, .. bytes], 1 => [.. "hn2|"u8, .. bytes], _ => bytes };
            return !RedisEntryFormat.TryDecode(value, out var header) || header.DataOffset <= value.Length;
        }).QuickCheckThrowOnFailure();
    }
}
