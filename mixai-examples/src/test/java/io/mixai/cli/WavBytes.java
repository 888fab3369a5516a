package io.mixai.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built RIFF/WAVE bytes for CLI tests (kept independent of the reader under test). */
final class WavBytes {

    static final int PCM = 1;
    static final int FLOAT = 3;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private WavBytes(String riffId) {
        out.writeBytes(riffId.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[4]);
        out.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    }

    static WavBytes wave() {
        return new WavBytes("RIFF");
    }

    static WavBytes riff(String riffId) {
        return new WavBytes(riffId);
    }

    WavBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    WavBytes chunk(String id, long declaredSize, byte[] body) {
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(4).putInt((int) declaredSize).array());
        out.writeBytes(body);
        if ((body.length & 1) != 0) {
            out.write(0);
        }
        return this;
    }

    byte[] bytes() {
        byte[] b = out.toByteArray();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, b.length - 8);
        return b;
    }

    static byte[] fmt(int tag, int channels, int rate, int bits) {
        int align = channels * bits / 8;
        return fmt(tag, channels, rate, rate * align, align, bits);
    }

    static byte[] fmt(int tag, int channels, int rate, int byteRate, int align, int bits) {
        return le(16).putShort((short) tag).putShort((short) channels).putInt(rate).putInt(byteRate)
                .putShort((short) align).putShort((short) bits).array();
    }

    static byte[] fmtEx(int tag, int channels, int rate, int bits) {
        return ByteBuffer.allocate(18).put(fmt(tag, channels, rate, bits)).array();
    }

    static byte[] fmtExtensible(int channels, int rate, int bits, int validBits, int mask, int subTag) {
        byte[] tail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
            (byte) 0x9B, 0x71};
        return le(40).put(fmt(0xFFFE, channels, rate, bits)).putShort((short) 22).putShort((short) validBits)
                .putInt(mask).putShort((short) subTag).put(tail).array();
    }

    static byte[] u8(int... codes) {
        byte[] b = new byte[codes.length];
        for (int i = 0; i < codes.length; i++) {
            b[i] = (byte) codes[i];
        }
        return b;
    }

    static byte[] s16(int... codes) {
        ByteBuffer b = le(2 * codes.length);
        for (int c : codes) {
            b.putShort((short) c);
        }
        return b.array();
    }

    static byte[] s24(int... codes) {
        byte[] b = new byte[3 * codes.length];
        for (int i = 0; i < codes.length; i++) {
            b[3 * i] = (byte) codes[i];
            b[3 * i + 1] = (byte) (codes[i] >> 8);
            b[3 * i + 2] = (byte) (codes[i] >> 16);
        }
        return b;
    }

    static byte[] s32(int... codes) {
        ByteBuffer b = le(4 * codes.length);
        for (int c : codes) {
            b.putInt(c);
        }
        return b.array();
    }

    static byte[] f32(float... values) {
        ByteBuffer b = le(4 * values.length);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] f64(double... values) {
        ByteBuffer b = le(8 * values.length);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] le32(int v) {
        return le(4).putInt(v).array();
    }

    static byte[] le64(long v) {
        return le(8).putLong(v).array();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
