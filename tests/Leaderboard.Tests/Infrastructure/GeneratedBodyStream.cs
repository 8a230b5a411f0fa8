namespace Leaderboard.Tests.Infrastructure;

/// <summary>
/// A request body made on the fly: a head, then a filler pattern repeated (and cut) to a given length, then a tail.
/// Large bodies are never held in memory, and as the stream cannot seek, HttpClient sends it chunked unless the test
/// sets a Content-Length.
/// </summary>
public sealed class GeneratedBodyStream(byte[] head, byte[] filler, long fillerLength, byte[] tail) : Stream
{
    private long _position;

    public long TotalLength => head.Length + fillerLength + tail.Length;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < TotalLength)
        {
            var destination = buffer[written..];
            ReadOnlySpan<byte> source;
            if (_position < head.Length)
            {
                source = head.AsSpan((int)_position);
            }
            else if (_position < head.Length + fillerLength)
            {
                var intoFiller = _position - head.Length;
                var start = (int)(intoFiller % filler.Length);
                source = filler.AsSpan(start, (int)Math.Min(filler.Length - start, fillerLength - intoFiller));
            }
            else
            {
                source = tail.AsSpan((int)(_position - head.Length - fillerLength));
            }

            var n = Math.Min(source.Length, destination.Length);
            source[..n].CopyTo(destination);
            written += n;
            _position += n;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
