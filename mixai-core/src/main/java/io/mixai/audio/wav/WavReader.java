package io.mixai.audio.wav;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.codec.SampleDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a WAV file in blocks, without loading it: planar float frames come out in file order.
 *
 * <pre>{@code
 * try (WavReader in = WavReader.open(path)) {
 *     float[][] block = new float[in.channelCount()][4096];
 *     for (int n; (n = in.read(block, 0, 4096)) > 0; ) { ... }
 * }
 * }</pre>
 *
 * <p>Integer samples of N bits become {@code code / 2^(N-1)} (see
 * {@link io.mixai.audio.SampleFormat}). NaN and ±Inf in float files become 0, are logged and
 * are counted in {@link #warnings()}. Anything wrong with the file is an
 * {@link AudioFileException} naming the file and the problem. One read buffer of about 64 KiB is
 * allocated when the file is opened; reads allocate nothing. Not thread-safe.
 */
public final class WavReader implements AutoCloseable {

    /** The most channels a file may have; more means a corrupt or hostile header. */
    public static final int MAX_CHANNELS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(WavReader.class);
    private static final int BUFFER_BYTES = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final WavFormat format;
    private final long dataStart;
    private final long frames;
    private final int blockAlign;
    private final SampleDecoder decoder;
    private final byte[] bytes;
    private final ByteBuffer byteView;
    private final int bufferFrames;
    private final float[][] blockChannels;
    private final List<String> headerWarnings;
    private long position;
    private long nonFiniteSamples;

    private WavReader(Path file, FileChannel channel, WavHeader header) {
        this.file = file;
        this.channel = channel;
        this.format = header.format;
        this.dataStart = header.dataStart;
        this.frames = header.frames;
        this.blockAlign = format.blockAlign();
        this.decoder = SampleDecoder.littleEndian(format.sampleFormat());
        this.bufferFrames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.bytes = new byte[bufferFrames * blockAlign];
        this.byteView = ByteBuffer.wrap(bytes);
        this.blockChannels = new float[format.channels()][];
        this.headerWarnings = header.warnings;
    }

    /**
     * Opens a WAV file and parses its header.
     *
     * @throws AudioFileException if the file is missing, unreadable, or not a WAV file mixai can read
     */
    public static WavReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new AudioFileException(file, "is a directory, not a WAV file");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new AudioFileException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new AudioFileException(file, "permission denied", e);
        } catch (IOException e) {
            throw new AudioFileException(file, "cannot open: " + e.getMessage(), e);
        }
        try {
            WavReader reader = new WavReader(file, channel, WavHeader.parse(file, channel));
            for (String w : reader.headerWarnings) {
                LOG.warn("{}: {}", file, w);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof AudioFileException) {
                throw (AudioFileException) e;
            }
            if (e instanceof IOException) {
                throw new AudioFileException(file, "cannot read the header: " + e, e);
            }
            throw (RuntimeException) e;
        }
    }

    public Path file() {
        return file;
    }

    public WavFormat format() {
        return format;
    }

    public int sampleRate() {
        return format.sampleRate();
    }

    public int channelCount() {
        return format.channels();
    }

    /** Frames actually present in the file (never more than its bytes hold, whatever the header claims). */
    public long frames() {
        return frames;
    }

    /** The index of the next frame {@link #read(float[][], int, int)} returns. */
    public long position() {
        return position;
    }

    /** Frames left to read. */
    public long remaining() {
        return frames - position;
    }

    /** Moves to frame {@code frame} (0 .. {@link #frames()}). */
    public void seek(long frame) {
        if (frame < 0 || frame > frames) {
            throw new IllegalArgumentException("frame " + frame + " outside 0.." + frames);
        }
        position = frame;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dest[c][offset ..]}.
     *
     * @param dest one array per channel ({@link #channelCount()} of them)
     * @return frames read; 0 at the end of the data
     * @throws AudioFileException if the file cannot be read (e.g. it shrank while open)
     */
    public int read(float[][] dest, int offset, int maxFrames) throws IOException {
        if (dest.length != format.channels()) {
            throw new IllegalArgumentException("destination has " + dest.length + " channels, the file "
                    + format.channels());
        }
        if (offset < 0 || maxFrames < 0) {
            throw new IllegalArgumentException("offset and maxFrames must not be negative: " + offset + ", " + maxFrames);
        }
        for (float[] ch : dest) {
            if (ch.length - maxFrames < offset) {
                throw new IllegalArgumentException("destination arrays of " + ch.length + " cannot hold frames "
                        + offset + ".." + (offset + maxFrames));
            }
        }
        int total = (int) Math.min(maxFrames, frames - position);
        int done = 0;
        while (done < total) {
            int n = Math.min(total - done, bufferFrames);
            fill(n * blockAlign);
            int bad = decoder.decode(bytes, 0, dest, offset + done, n);
            if (bad > 0) {
                noteNonFinite(bad);
            }
            position += n;
            done += n;
        }
        return total;
    }

    /**
     * Reads up to {@code block.frames()} frames into the block.
     *
     * @return frames read (the rest of the block is left as it was); 0 at the end of the data
     */
    public int read(AudioBlock block) throws IOException {
        if (block.channelCount() != format.channels()) {
            throw new IllegalArgumentException("block has " + block.channelCount() + " channels, the file "
                    + format.channels());
        }
        for (int c = 0; c < blockChannels.length; c++) {
            blockChannels[c] = block.channel(c);
        }
        try {
            return read(blockChannels, block.offset(), block.frames());
        } finally {
            java.util.Arrays.fill(blockChannels, null); // do not keep the caller's arrays alive
        }
    }

    /** Problems found so far (header oddities, replaced NaN/Inf samples); also logged. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(headerWarnings);
        if (nonFiniteSamples > 0) {
            all.add(nonFiniteSamples + " non-finite float samples (NaN or Inf) replaced with 0");
        }
        return all;
    }

    /** How many NaN/Inf samples have been replaced with 0 so far. */
    public long nonFiniteSamples() {
        return nonFiniteSamples;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void fill(int length) throws IOException {
        byteView.clear().limit(length);
        long at = dataStart + position * blockAlign;
        try {
            while (byteView.hasRemaining()) {
                if (channel.read(byteView, at + byteView.position()) < 0) {
                    throw new AudioFileException(file, "truncated while reading: the data ends at frame "
                            + (position + byteView.position() / blockAlign) + " of " + frames);
                }
            }
        } catch (AudioFileException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFileException(file, "read error: " + e.getMessage(), e);
        }
    }

    private void noteNonFinite(int count) {
        if (nonFiniteSamples == 0) {
            LOG.warn("{}: non-finite float samples (NaN or Inf) found; replacing them with 0", file);
        }
        nonFiniteSamples += count;
    }
}
