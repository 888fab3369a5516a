package io.mixai.audio.wav;

import static io.mixai.audio.wav.WavConstants.BW64;
import static io.mixai.audio.wav.WavConstants.DATA;
import static io.mixai.audio.wav.WavConstants.DS64;
import static io.mixai.audio.wav.WavConstants.FMT;
import static io.mixai.audio.wav.WavConstants.FMT_SIZE_EXTENSIBLE;
import static io.mixai.audio.wav.WavConstants.FMT_SIZE_PCM;
import static io.mixai.audio.wav.WavConstants.FORMAT_EXTENSIBLE;
import static io.mixai.audio.wav.WavConstants.FORMAT_IEEE_FLOAT;
import static io.mixai.audio.wav.WavConstants.FORMAT_PCM;
import static io.mixai.audio.wav.WavConstants.MAX_U32;
import static io.mixai.audio.wav.WavConstants.RF64;
import static io.mixai.audio.wav.WavConstants.RIFF;
import static io.mixai.audio.wav.WavConstants.SUBFORMAT_GUID_TAIL;
import static io.mixai.audio.wav.WavConstants.WAVE;
import static io.mixai.audio.wav.WavConstants.describeFourcc;
import static io.mixai.audio.wav.WavConstants.formatTagName;

import io.mixai.audio.AudioFileException;
import io.mixai.audio.SampleFormat;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed header of a WAV file: its format and where its audio data lies.
 *
 * <p>Sizes in the header are never trusted for allocation or reading: the data extent is
 * clipped to the bytes the file really holds (with a warning), and only small chunks (fmt,
 * ds64) are ever read into memory, with a hard size cap.
 */
final class WavHeader {

    /** fmt chunks larger than this are not plausible (the largest real one is 40 bytes + extras). */
    private static final int MAX_FMT_SIZE = 1 << 16;

    final WavFormat format;
    final long dataStart;
    final long frames;
    final List<String> warnings;

    private WavHeader(WavFormat format, long dataStart, long frames, List<String> warnings) {
        this.format = format;
        this.dataStart = dataStart;
        this.frames = frames;
        this.warnings = warnings;
    }

    /** Parses the header of {@code file}, open as {@code channel}. */
    static WavHeader parse(Path file, FileChannel channel) throws IOException {
        return new Parser(file, channel).parse();
    }

    /** One parse; holds the state of the chunk walk. */
    private static final class Parser {
        private final Path file;
        private final FileChannel channel;
        private final long fileSize;
        private final List<String> warnings = new ArrayList<>();
        private final ByteBuffer small = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);

        private WavFormat format;
        private long dataStart = -1;
        private long dataBytes;
        private long ds64DataSize = -1;

        Parser(Path file, FileChannel channel) throws IOException {
            this.file = file;
            this.channel = channel;
            this.fileSize = channel.size();
        }

        WavHeader parse() throws IOException {
            if (fileSize == 0) {
                throw bad("empty file (0 bytes)");
            }
            if (fileSize < 12) {
                throw bad("truncated: " + fileSize + " bytes is too short for a RIFF header (12 bytes)");
            }
            ByteBuffer head = read(0, 12);
            int riffId = head.getInt();
            long riffSize = head.getInt() & MAX_U32;
            int formType = head.getInt();
            boolean rf64 = riffId == RF64 || riffId == BW64;
            if (riffId != RIFF && !rf64) {
                throw bad("not a RIFF file (starts with " + describeFourcc(riffId) + ", expected 'RIFF')");
            }
            if (formType != WAVE) {
                throw bad("not a WAVE file (RIFF form type " + describeFourcc(formType) + ", expected 'WAVE')");
            }
            if (!rf64 && riffSize + 8 > fileSize) {
                warn("RIFF header claims " + (riffSize + 8) + " bytes but the file has " + fileSize
                        + " (truncated file?)");
            }
            walkChunks(12, rf64);
            if (format == null) {
                throw bad("missing fmt chunk");
            }
            if (dataStart < 0) {
                throw bad("missing data chunk");
            }
            int blockAlign = format.blockAlign();
            long frames = dataBytes / blockAlign;
            long partial = dataBytes % blockAlign;
            if (partial != 0) {
                warn("data ends with a partial frame; ignoring its " + partial + " bytes");
            }
            if (frames == 0) {
                throw bad("no audio frames (the data chunk holds " + dataBytes + " bytes, one frame is "
                        + blockAlign + ")");
            }
            return new WavHeader(format, dataStart, frames, List.copyOf(warnings));
        }

        private void walkChunks(long pos, boolean rf64) throws IOException {
            boolean first = true;
            while (pos <= fileSize - 8) {
                ByteBuffer h = read(pos, 8);
                int id = h.getInt();
                long size = h.getInt() & MAX_U32;
                long body = pos + 8;
                if (rf64 && first && id != DS64) {
                    throw bad("RF64/BW64 file without a ds64 chunk first (found " + describeFourcc(id) + ")");
                }
                first = false;
                if (id == DS64) {
                    readDs64(body, size);
                } else if (id == FMT) {
                    if (format != null) {
                        warn("ignoring a second fmt chunk at byte " + pos);
                    } else {
                        format = parseFmt(body, size);
                    }
                } else if (id == DATA) {
                    if (dataStart >= 0) {
                        warn("ignoring a second data chunk at byte " + pos);
                    } else {
                        readDataExtent(body, size, rf64);
                        if (format != null) {
                            return; // everything needed; the data chunk may run to the end of the file
                        }
                        size = Math.min(size == MAX_U32 && ds64DataSize >= 0 ? ds64DataSize : size, fileSize - body);
                    }
                }
                if (format != null && dataStart >= 0) {
                    return;
                }
                // RIFF pads every chunk to an even length; the pad byte is not in the size.
                pos = body + size + (size & 1);
            }
        }

        private void readDs64(long body, long size) throws IOException {
            if (size < 24 || body + 24 > fileSize) {
                throw bad("ds64 chunk too short (" + size + " bytes, need at least 24)");
            }
            ByteBuffer b = read(body, 24);
            b.getLong(); // RIFF size: not needed, the file size is the authority
            ds64DataSize = b.getLong();
            if (ds64DataSize < 0) {
                throw bad("ds64 chunk gives a negative data size");
            }
        }

        private void readDataExtent(long body, long size, boolean rf64) {
            long declared = rf64 && size == MAX_U32 && ds64DataSize >= 0 ? ds64DataSize : size;
            long available = fileSize - body;
            dataStart = body;
            if (declared > available) {
                warn("data chunk claims " + declared + " bytes but only " + available
                        + " are present; reading the frames present");
                dataBytes = available;
            } else {
                dataBytes = declared;
            }
        }

        private WavFormat parseFmt(long body, long size) throws IOException {
            if (size < FMT_SIZE_PCM) {
                throw bad("fmt chunk too short (" + size + " bytes, need at least " + FMT_SIZE_PCM + ")");
            }
            if (size > MAX_FMT_SIZE) {
                throw bad("implausible fmt chunk size " + size + " bytes");
            }
            if (body + size > fileSize) {
                throw bad("truncated: the fmt chunk claims " + size + " bytes but the file ends after "
                        + (fileSize - body));
            }
            ByteBuffer b = read(body, (int) Math.min(size, FMT_SIZE_EXTENSIBLE));
            int tag = b.getShort() & 0xffff;
            int channels = b.getShort() & 0xffff;
            long sampleRate = b.getInt() & MAX_U32;
            long byteRate = b.getInt() & MAX_U32;
            int blockAlign = b.getShort() & 0xffff;
            int bits = b.getShort() & 0xffff;
            int validBits = bits;
            long channelMask = 0;
            boolean extensible = tag == FORMAT_EXTENSIBLE;
            if (extensible) {
                int cbSize = size >= 18 ? b.getShort() & 0xffff : 0;
                if (size < FMT_SIZE_EXTENSIBLE || cbSize < 22) {
                    throw bad("WAVE_FORMAT_EXTENSIBLE fmt chunk too short (" + size + " bytes, cbSize " + cbSize
                            + "; need 40 bytes, cbSize 22)");
                }
                validBits = b.getShort() & 0xffff;
                channelMask = b.getInt() & MAX_U32;
                byte[] guid = new byte[16];
                b.get(guid);
                tag = (guid[0] & 0xff) | (guid[1] & 0xff) << 8;
                for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
                    if (guid[i + 2] != SUBFORMAT_GUID_TAIL[i]) {
                        throw bad("unsupported WAVE_FORMAT_EXTENSIBLE subformat GUID " + guidString(guid)
                                + "; only PCM and IEEE float can be read");
                    }
                }
            }
            if (tag != FORMAT_PCM && tag != FORMAT_IEEE_FLOAT) {
                String name = formatTagName(tag);
                throw bad("unsupported " + (name != null ? "compressed format " + name + " (format tag "
                        : "unknown format (format tag ") + String.format("0x%04X", tag)
                        + "); only PCM and IEEE float WAV can be read");
            }
            boolean isFloat = tag == FORMAT_IEEE_FLOAT;
            if (channels == 0) {
                throw bad("zero channels in the fmt chunk");
            }
            if (channels > WavReader.MAX_CHANNELS) {
                throw bad("absurd channel count " + channels + " (at most " + WavReader.MAX_CHANNELS
                        + " supported)");
            }
            if (sampleRate == 0) {
                throw bad("zero sample rate in the fmt chunk");
            }
            if (sampleRate > Integer.MAX_VALUE) {
                throw bad("absurd sample rate " + sampleRate + " Hz");
            }
            if (bits == 0) {
                throw bad("zero bits per sample in the fmt chunk");
            }
            if (bits % 8 != 0) {
                throw bad("odd bit depth " + bits + " (container sizes must be whole bytes: 8, 16, 24 or 32)");
            }
            if (isFloat ? bits != 32 && bits != 64 : bits > 32) {
                throw bad("unsupported " + (isFloat ? "float" : "PCM") + " bit depth " + bits
                        + (isFloat ? " (32 or 64 allowed)" : " (8, 16, 24 or 32 allowed)"));
            }
            int expectedAlign = channels * bits / 8;
            if (blockAlign != expectedAlign) {
                throw bad("inconsistent block align " + blockAlign + " (" + channels + " channels of " + bits
                        + " bits need " + expectedAlign + ")");
            }
            if (byteRate != sampleRate * blockAlign) {
                warn("fmt byte rate " + byteRate + " disagrees with sample rate x block align ("
                        + sampleRate * blockAlign + "); ignoring it");
            }
            if (validBits == 0) {
                warn("extensible header gives 0 valid bits; assuming all " + bits);
                validBits = bits;
            } else if (validBits > bits) {
                throw bad("valid bits per sample " + validBits + " exceed the container's " + bits);
            }
            if (channelMask != 0 && Long.bitCount(channelMask) != channels) {
                warn("channel mask 0x" + Long.toHexString(channelMask) + " names " + Long.bitCount(channelMask)
                        + " speakers for " + channels + " channels");
            }
            return new WavFormat(SampleFormat.of(bits, isFloat), (int) sampleRate, channels, validBits,
                    channelMask, extensible);
        }

        private ByteBuffer read(long position, int length) throws IOException {
            ByteBuffer b = length <= small.capacity() ? small.clear().limit(length)
                    : ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (channel.read(b, position + b.position()) < 0) {
                    throw new EOFException();
                }
            }
            return b.flip();
        }

        private void warn(String message) {
            warnings.add(message);
        }

        private AudioFileException bad(String problem) {
            return new AudioFileException(file, problem);
        }

        private static String guidString(byte[] g) {
            return String.format("{%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-%02X%02X%02X%02X%02X%02X}",
                    g[3], g[2], g[1], g[0], g[5], g[4], g[7], g[6], g[8], g[9], g[10], g[11], g[12], g[13], g[14], g[15]);
        }
    }
}
