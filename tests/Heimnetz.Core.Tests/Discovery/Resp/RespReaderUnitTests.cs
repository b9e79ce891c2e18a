using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Heimnetz.Discovery.Resp;

namespace Heimnetz.Tests.Discovery.Resp;

[TestFixture]
public sealed class RespReaderUnitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [TestCase("+PONG\r\n", "SimpleString", "PONG")]
    [TestCase("-NOAUTH Authentication required.\r\n", "Error", "NOAUTH Authentication required.")]
    [TestCase("$5\r\nhello\r\n", "BulkString", "hello")]
    [TestCase("$0\r\n\r\n", "BulkString", "")]
    [TestCase("$-1\r\n", "Null", null)]
    [TestCase("*-1\r\n", "Null", null)]
    public async Task ReadAsync_WellFormedReply_ParsesKindAndText(string wire, string kind, string? text)
    {
        var value = await ReadOneAsync(Encoding.ASCII.GetBytes(wire));

        Assert.That((value.Kind.ToString(), value.Text), Is.EqualTo((kind, text)));
    }

    [TestCase(":0\r\n", 0L)]
    [TestCase(":-42\r\n", -42L)]
    [TestCase(":999999999999999999\r\n", 999999999999999999L)]
    public async Task ReadAsync_Integer_ParsesValue(string wire, long expected)
    {
        var value = await ReadOneAsync(Encoding.ASCII.GetBytes(wire));

        Assert.That((value.Kind, value.Integer), Is.EqualTo((RespKind.Integer, expected)));
    }

    [Test]
    public async Task ReadAsync_NestedArrayDeliveredOneByteAtATime_ParsesAllItems()
    {
        var wire = Encoding.ASCII.GetBytes("*3\r\n:1\r\n*2\r\n+a\r\n$1\r\nb\r\n$-1\r\n");

        var value = await ReadOneAsync(wire, new TrickleStream(wire));

        Assert.Multiple(() =>
        {
            Assert.That(value.Kind, Is.EqualTo(RespKind.Array));
            Assert.That(value.Items!.Select(item => item.Kind), Is.EqualTo(new[] { RespKind.Integer, RespKind.Array, RespKind.Null }));
            Assert.That(value.Items![1].Items!.Select(item => item.Text), Is.EqualTo(new[] { "a", "b" }));
        });
    }

    [Test]
    public async Task ReadAsync_TwoRepliesInOneRead_ReturnsThemInOrder()
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("-NOAUTH x\r\n+OK\r\n"));
        var reader = new RespReader(stream, RespLimits.Handshake);

        var first = await reader.ReadAsync(CancellationToken.None);
        var second = await reader.ReadAsync(CancellationToken.None);

        Assert.That((first.ErrorCode, second.Text), Is.EqualTo(("NOAUTH", "OK")));
    }

    [TestCase("HTTP/1.1 400 Bad Request\r\n\r\n", "unexpected type byte 0x48")]
    [TestCase("+PONG\n", "bare LF")]
    [TestCase("+PONG\rX", "CR not followed by LF")]
    [TestCase(":12a\r\n", "where a RESP integer belongs")]
    [TestCase(":+1\r\n", "where a RESP integer belongs")]
    [TestCase(":\r\n", "where a RESP integer belongs")]
    [TestCase(":9999999999999999999\r\n", "where a RESP integer belongs")]
    [TestCase("$-2\r\n", "bulk length -2")]
    [TestCase("$3\r\nabcd\r\n", "not terminated by CRLF")]
    [TestCase("$100000\r\n", "bulk length 100000")]
    [TestCase("*65\r\n", "array length 65")]
    [TestCase("*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n", "nested deeper than 4")]
    [TestCase("", "closed the connection without replying")]
    [TestCase("$100\r\nabc", "closed the connection mid-reply")]
    public void ReadAsync_MalformedOrTruncated_ThrowsRespProtocolException(string wire, string expected)
    {
        var error = Assert.ThrowsAsync<RespProtocolException>(async () => await ReadOneAsync(Encoding.ASCII.GetBytes(wire)));

        Assert.That(error!.Message, Does.Contain(expected));
    }

    [Test]
    public void ReadAsync_LineBeyondLimit_Throws()
    {
        var wire = Encoding.ASCII.GetBytes("+" + new string('A', 5000) + "\r\n");

        var error = Assert.ThrowsAsync<RespProtocolException>(async () => await ReadOneAsync(wire));

        Assert.That(error!.Message, Does.Contain("line longer than 4096 bytes"));
    }

    [Test]
    public void ReadAsync_EndlessStreamOfSmallReplies_StopsAtTotalByteLimit()
    {
        var limits = RespLimits.Handshake with { MaxTotalBytes = 10_000, MaxArrayLength = 64 };
        var wire = Encoding.ASCII.GetBytes("*64\r\n" + string.Concat(Enumerable.Repeat("*64\r\n" + string.Concat(Enumerable.Repeat(":1\r\n", 64)), 64)));
        using var stream = new MemoryStream(wire);
        var reader = new RespReader(stream, limits);

        var error = Assert.ThrowsAsync<RespProtocolException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("more than 10000 bytes"));
    }

    [Test]
    public void ReadAsync_ArbitraryAndAdversarialBytes_OnlyEverThrowsRespProtocolExceptionAndNeverHangs()
    {
        var fragments = new[]
        {
            "+", "-", ":", "$", "*", "\r\n", "\r", "\n", "0", "1", "-1", "-2", "64", "65", "4", "99999999999999999999",
            "PONG", "NOAUTH", "$5\r\nhello\r\n", "*2\r\n", "*1\r\n", "$0\r\n\r\n", ":1\r\n", "+OK\r\n", "\0", "\xff", " ",
        };
        var fragment = Gen.OneOf(
            Gen.Elements(fragments).Select(text => Encoding.Latin1.GetBytes(text)),
            Gen.ArrayOf(Gen.Choose(0, 255).Select(number => (byte)number)));
        var input = Gen.ListOf(fragment).Select(parts => parts.SelectMany(part => part).ToArray());

        var property = Prop.ForAll(Arb.From(input), bytes => ReadsWithinLimits(bytes));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), property);
    }

    private static bool ReadsWithinLimits(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var reader = new RespReader(stream, RespLimits.Handshake);
        using var timeout = new CancellationTokenSource(Patience);
        var reading = Task.Run(async () =>
        {
            // Read replies until the input runs out: a reader that stops consuming would loop here, and the timeout catches it.
            while (true)
            {
                await reader.ReadAsync(timeout.Token);
            }
        });

        try
        {
            // The loop only ends by an exception; finishing without one, or not within the patience, fails the property.
            reading.Wait(Patience);
            return false;
        }
        catch (AggregateException error)
        {
            return error.InnerException is RespProtocolException;
        }
    }

    private static async Task<RespValue> ReadOneAsync(byte[] wire, Stream? stream = null)
    {
        await using var source = stream ?? new MemoryStream(wire);
        using var timeout = new CancellationTokenSource(Patience);
        return await new RespReader(source, RespLimits.Handshake).ReadAsync(timeout.Token);
    }

    /// <summary>Hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
