package io.mixai.audio.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds RIFF/WAVE byte sequences by hand for tests, independently of the code under test:
 * every field is spelled out, so a test can also build wrong headers.
 */
public final class RiffBytes {

    public static final int PCM = 1;
    public static final int FLOAT = 3;
    public static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Long riffSizeOverride;

    private RiffBytes(String riffId, String formType) {
        out.writeBytes(ascii(riffId));
        out.writeBytes(new byte[4]); // RIFF size, patched in bytes()
        out.writeBytes(ascii(formType));
    }

    /** Starts a "RIFF....WAVE" file. */
    public static RiffBytes wave() {
        return new RiffBytes("RIFF", "WAVE");
    }

    public static RiffBytes riff(String riffId, String formType) {
        return new RiffBytes(riffId, formType);
    }

    /** A chunk whose size field is its body length; odd bodies get the RIFF pad byte. */
    public RiffBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk with an arbitrary size field (for lying headers). Pads odd bodies. */
    public RiffBytes chunk(String id, long declaredSize, byte[] body) {
        out.writeBytes(ascii(id));
        out.writeBytes(le().putInt((int) declaredSize).array());
        out.writeBytes(body);
        if ((body.length & 1) != 0) {
            out.write(0);
        }
        return this;
    }

    /** Raw bytes appended as they are. */
    public RiffBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    public RiffBytes riffSize(long size) {
        riffSizeOverride = size;
        return this;
    }

    public byte[] bytes() {
        byte[] b = out.toByteArray();
        long size = riffSizeOverride != null ? riffSizeOverride : b.length - 8;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, (int) size);
        return b;
    }

    /** A 16-byte fmt body with consistent byte rate and block align. */
    public static byte[] fmt(int tag, int channels, int rate, int bits) {
        int align = channels * bits / 8;
        return fmt(tag, channels, rate, (long) rate * align, align, bits);
    }

    /** A 16-byte fmt body with every field given. */
    public static byte[] fmt(int tag, int channels, long rate, long byteRate, int align, int bits) {
        return le(16).putShort((short) tag).putShort((short) channels).putInt((int) rate).putInt((int) byteRate)
                .putShort((short) align).putShort((short) bits).array();
    }

    /** An 18-byte WAVEFORMATEX fmt body (cbSize 0). */
    public static byte[] fmtEx(int tag, int channels, int rate, int bits) {
        return concat(fmt(tag, channels, rate, bits), new byte[2]);
    }

    /** A 40-byte WAVE_FORMAT_EXTENSIBLE fmt body whose subformat GUID derives from {@code subTag}. */
    public static byte[] fmtExtensible(int channels, int rate, int bits, int validBits, long mask, int subTag) {
        byte[] guidTail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
        ByteBuffer b = le(24).putShort((short) 22).putShort((short) validBits).putInt((int) mask)
                .putShort((short) subTag).put(guidTail);
        return concat(fmt(EXTENSIBLE, channels, rate, bits), b.array());
    }

    public static byte[] u8(int... codes) {
        byte[] b = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            b[i] = (byte) codes[i];
        }
        return b;
    }

    public static byte[] s16(int... codes) {
        ByteBuffer b = le(2 * codes.length);
        for (int c : codes) {
            b.putShort((short) c);
        }
        return b.array();
    }

    public static byte[] s24(int... codes) {
        byte[] b = new byte[3 * codes.length];
        for (int i = 0; i < codes.length; i++) {
            b[3 * i] = (byte) codes[i];
            b[3 * i + 1] = (byte) (codes[i] >> 8);
            b[3 * i + 2] = (byte) (codes[i] >> 16);
        }
        return b;
    }

    public static byte[] s32(int... codes) {
        ByteBuffer b = le(4 * codes.length);
        for (int c : codes) {
            b.putInt(c);
        }
        return b.array();
    }

    public static byte[] f32(float... values) {
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] f64(double... values) {
        ByteBuffer b = le(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    public static byte[] le32(long value) {
        return le(4).putInt((int) value).array();
    }

    public static byte[] le64(long value) {
        return le(8).putLong(value).array();
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /**
     * The body of the first chunk {@code id} in a RIFF file, found by walking the chunks
     * (independently of the reader under test); null if absent.
     */
    public static byte[] chunkBody(byte[] file, String id) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= file.length) {
            String chunkId = new String(file, pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (chunkId.equals(id)) {
                return Arrays.copyOfRange(file, pos + 8, pos + 8 + size);
            }
            pos += 8 + size + (size & 1);
        }
        return null;
    }

    /** The chunk ids of a RIFF file in order. */
    public static java.util.List<String> chunkIds(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        java.util.List<String> ids = new java.util.ArrayList<>();
        int pos = 12;
        while (pos + 8 <= file.length) {
            ids.add(new String(file, pos, 4, StandardCharsets.US_ASCII));
            int size = b.getInt(pos + 4);
            pos += 8 + size + (size & 1);
        }
        return ids;
    }

    private static ByteBuffer le() {
        return le(4);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] ascii(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length != 4) {
            throw new IllegalArgumentException("chunk ids have 4 characters: " + s);
        }
        return b;
    }
}
