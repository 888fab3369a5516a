package io.mixai.audio.wav;

import static io.mixai.audio.wav.WavConstants.DATA;
import static io.mixai.audio.wav.WavConstants.FACT;
import static io.mixai.audio.wav.WavConstants.FMT;
import static io.mixai.audio.wav.WavConstants.FMT_SIZE_EX;
import static io.mixai.audio.wav.WavConstants.FMT_SIZE_EXTENSIBLE;
import static io.mixai.audio.wav.WavConstants.FMT_SIZE_PCM;
import static io.mixai.audio.wav.WavConstants.FORMAT_EXTENSIBLE;
import static io.mixai.audio.wav.WavConstants.FORMAT_IEEE_FLOAT;
import static io.mixai.audio.wav.WavConstants.FORMAT_PCM;
import static io.mixai.audio.wav.WavConstants.MAX_U32;
import static io.mixai.audio.wav.WavConstants.DS64;
import static io.mixai.audio.wav.WavConstants.RF64;
import static io.mixai.audio.wav.WavConstants.RIFF;
import static io.mixai.audio.wav.WavConstants.SUBFORMAT_GUID_TAIL;
import static io.mixai.audio.wav.WavConstants.WAVE;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.codec.SampleEncoder;
import io.mixai.audio.codec.TpdfDither;
import io.mixai.io.AtomicFileOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a WAV file from blocks of planar float audio, all or nothing: the bytes go to a
 * temporary file in the target's directory, and {@link #close()} completes the header and moves
 * the file into place atomically. {@link #abort()} — and any I/O failure inside the writer —
 * deletes the temporary file and leaves an existing target untouched.
 *
 * <pre>{@code
 * WavWriter out = WavWriter.create(path, 48000, 2, SampleFormat.PCM_24);
 * try {
 *     ... out.write(block) ...
 *     out.close();
 * } catch (Exception e) {
 *     out.abort();   // closing here would publish a partial file
 *     throw e;
 * }
 * }</pre>
 *
 * <p>Header: WAVE_FORMAT_EXTENSIBLE (40-byte fmt) when there are more than two channels, integer
 * samples wider than 16 bits, or an explicit channel mask, as Microsoft's "Multiple Channel
 * Audio Data and WAVE Files" recommends; otherwise a plain 16-byte PCM fmt, or for float an
 * 18-byte WAVE_FORMAT_IEEE_FLOAT fmt. Float files always carry a {@code fact} chunk (required
 * for non-PCM data by the RIFF spec). Integer formats up to 24 bits are TPDF-dithered unless
 * the options turn it off; conversion saturates (see {@link SampleEncoder}). NaN/Inf samples
 * are written as 0 and logged. Files are limited to 4 GiB unless
 * {@link WavWriteOptions#rf64WhenNeeded()} is set, in which case larger ones are finished as
 * RF64. Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WavWriter.class);
    private static final int BUFFER_BYTES = 1 << 16;
    /** Body size of a ds64 chunk without table entries (and of the JUNK chunk reserving its place). */
    private static final int DS64_SIZE = 28;
    private static final int JUNK = WavConstants.fourcc("JUNK");

    private enum State { OPEN, CLOSED, ABORTED }

    private final Path target;
    private final WavFormat format;
    private final AtomicFileOutput output;
    private final FileChannel channel;
    private final SampleEncoder encoder;
    private final byte[] bytes;
    private final ByteBuffer byteView;
    private final int bufferFrames;
    private final int headerSize;
    private final float[][] blockChannels;
    private final long maxRiffSize;
    private final boolean rf64WhenNeeded;
    private long framesWritten;
    private long nonFiniteSamples;
    private State state = State.OPEN;

    private WavWriter(Path target, WavFormat format, WavWriteOptions options, AtomicFileOutput output,
            long maxRiffSize) {
        this.target = target;
        this.maxRiffSize = maxRiffSize;
        this.rf64WhenNeeded = options.rf64WhenNeeded();
        this.format = format;
        this.output = output;
        this.channel = output.channel();
        this.encoder = new SampleEncoder(format.sampleFormat(),
                options.dither() ? new TpdfDither(options.ditherSeed()) : null);
        this.bufferFrames = Math.max(1, BUFFER_BYTES / format.blockAlign());
        this.bytes = new byte[bufferFrames * format.blockAlign()];
        this.byteView = ByteBuffer.wrap(bytes);
        this.headerSize = header(0).length;
        this.blockChannels = new float[format.channels()][];
    }

    /** Creates a writer with {@link WavWriteOptions#defaults() default options} (dither on). */
    public static WavWriter create(Path target, int sampleRate, int channels, SampleFormat format) throws IOException {
        return create(target, sampleRate, channels, format, WavWriteOptions.defaults());
    }

    /**
     * Creates a writer; nothing appears at {@code target} until {@link #close()}.
     *
     * @throws AudioFileException       if {@code target} is a protected input, or the temporary
     *                                  file cannot be created
     * @throws IllegalArgumentException for an impossible rate, channel count or channel mask
     */
    public static WavWriter create(Path target, int sampleRate, int channels, SampleFormat format,
            WavWriteOptions options) throws IOException {
        return create(target, sampleRate, channels, format, options, MAX_U32);
    }

    /** As the public factory, with a smaller RIFF size limit so that tests can reach it. */
    static WavWriter create(Path target, int sampleRate, int channels, SampleFormat format,
            WavWriteOptions options, long maxRiffSize) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        if (channels < 1 || channels > WavReader.MAX_CHANNELS) {
            throw new IllegalArgumentException(target + ": channels must be 1.." + WavReader.MAX_CHANNELS
                    + ", got " + channels);
        }
        if (sampleRate < 1) {
            throw new IllegalArgumentException(target + ": sample rate must be positive, got " + sampleRate);
        }
        long mask = options.channelMask();
        if (Long.bitCount(mask) > channels) {
            throw new IllegalArgumentException(target + ": channel mask 0x" + Long.toHexString(mask) + " names "
                    + Long.bitCount(mask) + " speakers for " + channels + " channels");
        }
        refuseProtectedTarget(target, options);
        boolean extensible = channels > 2 || (!format.isFloat() && format.bitsPerSample() > 16) || mask != 0;
        if (extensible && mask == 0) {
            mask = channels == 1 ? 0x4 /* front centre */ : channels == 2 ? 0x3 /* front left | right */ : 0;
        }
        WavFormat wavFormat = new WavFormat(format, sampleRate, channels, format.bitsPerSample(), mask, extensible);
        AtomicFileOutput output;
        try {
            output = AtomicFileOutput.open(target);
        } catch (IOException e) {
            throw new AudioFileException(target, "cannot create the output file: " + e.getMessage(), e);
        }
        try {
            WavWriter writer = new WavWriter(target, wavFormat, options, output, maxRiffSize);
            writer.writeFully(ByteBuffer.wrap(writer.header(0)), -1); // placeholder sizes, patched on close
            return writer;
        } catch (IOException | RuntimeException e) {
            output.abort();
            throw e;
        }
    }

    private static void refuseProtectedTarget(Path target, WavWriteOptions options) throws IOException {
        if (options.allowOverwriteInput() || !Files.exists(target)) {
            return; // a target that does not exist yet cannot be anybody's input
        }
        for (Path input : options.protectedInputs()) {
            if (Files.exists(input) && Files.isSameFile(target, input)) {
                throw new AudioFileException(target, "refusing to overwrite the input file " + input
                        + " (allow it explicitly to edit in place)");
            }
        }
    }

    public Path target() {
        return target;
    }

    /** The format being written (with the header layout chosen). */
    public WavFormat format() {
        return format;
    }

    public long framesWritten() {
        return framesWritten;
    }

    /** Appends the block's frames. */
    public void write(AudioBlock block) throws IOException {
        if (block.channelCount() != format.channels()) {
            throw new IllegalArgumentException(target + ": block has " + block.channelCount()
                    + " channels, the file " + format.channels());
        }
        for (int c = 0; c < blockChannels.length; c++) {
            blockChannels[c] = block.channel(c);
        }
        try {
            write(blockChannels, block.offset(), block.frames());
        } finally {
            Arrays.fill(blockChannels, null);
        }
    }

    /**
     * Appends frames {@code offset .. offset + frames - 1} of the planar arrays.
     *
     * @throws AudioFileException if writing fails; the writer has then aborted
     */
    public void write(float[][] planar, int offset, int frames) throws IOException {
        checkOpen();
        if (planar.length != format.channels()) {
            throw new IllegalArgumentException(target + ": got " + planar.length + " channels, the file has "
                    + format.channels());
        }
        if (offset < 0 || frames < 0) {
            throw new IllegalArgumentException("offset and frames must not be negative: " + offset + ", " + frames);
        }
        for (float[] ch : planar) {
            if (ch.length - frames < offset) {
                throw new IllegalArgumentException("arrays of " + ch.length + " do not hold frames " + offset + ".."
                        + (offset + frames));
            }
        }
        long newBytes = (framesWritten + frames) * format.blockAlign();
        if (!rf64WhenNeeded && headerSize - 8 + newBytes + (newBytes & 1) > maxRiffSize) {
            abort();
            throw new AudioFileException(target, "the audio exceeds the 4 GiB size limit of a RIFF WAVE file"
                    + " (WavWriteOptions.rf64WhenNeeded allows RF64 output)");
        }
        int done = 0;
        while (done < frames) {
            int n = Math.min(frames - done, bufferFrames);
            int bad = encoder.encode(planar, offset + done, n, bytes, 0);
            if (bad > 0) {
                if (nonFiniteSamples == 0) {
                    LOG.warn("{}: non-finite samples (NaN or Inf) written as 0", target);
                }
                nonFiniteSamples += bad;
            }
            byteView.clear().limit(n * format.blockAlign());
            writeFully(byteView, -1);
            framesWritten += n;
            done += n;
        }
    }

    /** How many NaN/Inf samples have been written as 0. */
    public long nonFiniteSamples() {
        return nonFiniteSamples;
    }

    /**
     * Completes the header and moves the file into place. Does nothing after {@link #abort()}
     * or a second time.
     *
     * @throws AudioFileException if finishing fails; nothing is then left behind
     */
    @Override
    public void close() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        long dataBytes = framesWritten * format.blockAlign();
        if ((dataBytes & 1) != 0) {
            writeFully(ByteBuffer.wrap(new byte[1]), -1); // RIFF pad byte, not counted in the data size
        }
        writeFully(ByteBuffer.wrap(header(dataBytes)), 0);
        try {
            output.commit();
        } catch (IOException e) {
            state = State.ABORTED;
            throw new AudioFileException(target, "cannot move the finished file into place: " + e.getMessage(), e);
        }
        state = State.CLOSED;
        if (nonFiniteSamples > 0) {
            LOG.warn("{}: {} non-finite samples (NaN or Inf) were written as 0", target, nonFiniteSamples);
        }
    }

    /** Discards everything written: deletes the temporary file. Never throws; idempotent. */
    public void abort() {
        if (state == State.OPEN) {
            state = State.ABORTED;
            output.abort();
        }
    }

    private void checkOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException(target + ": writer is " + state.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Writes all of {@code buffer} at {@code position}, or at the channel's position if negative; aborts on failure. */
    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        try {
            long at = position;
            while (buffer.hasRemaining()) {
                if (position < 0) {
                    channel.write(buffer);
                } else {
                    at += channel.write(buffer, at);
                }
            }
        } catch (IOException e) {
            abort();
            throw new AudioFileException(target, "write error: " + e.getMessage(), e);
        }
    }

    /**
     * The header for {@code dataBytes} bytes of audio. With {@code rf64WhenNeeded} a 28-byte
     * JUNK chunk is reserved after "WAVE"; if the file outgrows the RIFF limit it becomes the
     * ds64 chunk of an RF64 file (EBU Tech 3306: id "RF64", 32-bit sizes set to -1, the real
     * sizes in ds64).
     */
    private byte[] header(long dataBytes) {
        SampleFormat sf = format.sampleFormat();
        boolean isFloat = sf.isFloat();
        int fmtSize = format.extensible() ? FMT_SIZE_EXTENSIBLE : isFloat ? FMT_SIZE_EX : FMT_SIZE_PCM;
        int size = 12 + (rf64WhenNeeded ? 8 + DS64_SIZE : 0) + 8 + fmtSize + (isFloat ? 12 : 0) + 8;
        long frames = dataBytes / format.blockAlign();
        long riffSize = size - 8 + dataBytes + (dataBytes & 1);
        boolean rf64 = rf64WhenNeeded && riffSize > maxRiffSize;
        ByteBuffer h = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(rf64 ? RF64 : RIFF).putInt(rf64 ? -1 : (int) riffSize).putInt(WAVE);
        if (rf64WhenNeeded) {
            h.putInt(rf64 ? DS64 : JUNK).putInt(DS64_SIZE);
            if (rf64) {
                h.putLong(riffSize).putLong(dataBytes).putLong(frames).putInt(0); // no table entries
            } else {
                h.put(new byte[DS64_SIZE]);
            }
        }
        int tag = isFloat ? FORMAT_IEEE_FLOAT : FORMAT_PCM;
        h.putInt(FMT).putInt(fmtSize);
        h.putShort((short) (format.extensible() ? FORMAT_EXTENSIBLE : tag));
        h.putShort((short) format.channels());
        h.putInt(format.sampleRate());
        h.putInt((int) format.byteRate());
        h.putShort((short) format.blockAlign());
        h.putShort((short) sf.bitsPerSample());
        if (format.extensible()) {
            h.putShort((short) 22); // cbSize
            h.putShort((short) format.validBitsPerSample());
            h.putInt((int) format.channelMask());
            h.putShort((short) tag).put(SUBFORMAT_GUID_TAIL);
        } else if (isFloat) {
            h.putShort((short) 0); // cbSize
        }
        if (isFloat) {
            h.putInt(FACT).putInt(4).putInt(rf64 ? -1 : (int) frames);
        }
        h.putInt(DATA).putInt(rf64 ? -1 : (int) dataBytes);
        return h.array();
    }
}
