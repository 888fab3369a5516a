package io.mixai.audio.wav;

import java.nio.charset.StandardCharsets;

/** Numbers from the RIFF WAVE specifications, shared by the reader and the writer. */
final class WavConstants {

    static final int FORMAT_PCM = 0x0001;
    static final int FORMAT_IEEE_FLOAT = 0x0003;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;

    /** fmt chunk sizes: WAVEFORMAT/PCMWAVEFORMAT, WAVEFORMATEX, WAVEFORMATEXTENSIBLE. */
    static final int FMT_SIZE_PCM = 16;
    static final int FMT_SIZE_EX = 18;
    static final int FMT_SIZE_EXTENSIBLE = 40;

    /**
     * Bytes 2..15 of every KSDATAFORMAT_SUBTYPE_* GUID derived from a format tag
     * ({@code XXXXXXXX-0000-0010-8000-00AA00389B71}, little-endian fields as stored), whose
     * first two bytes are the tag itself.
     */
    static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71,
    };

    /** Largest value of a RIFF 32-bit size field. */
    static final long MAX_U32 = 0xFFFF_FFFFL;

    private WavConstants() {
    }

    /** Four-character code as the little-endian int it reads as. */
    static int fourcc(String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }

    static final int RIFF = fourcc("RIFF");
    static final int RF64 = fourcc("RF64");
    static final int BW64 = fourcc("BW64");
    static final int WAVE = fourcc("WAVE");
    static final int FMT = fourcc("fmt ");
    static final int DATA = fourcc("data");
    static final int FACT = fourcc("fact");
    static final int DS64 = fourcc("ds64");

    /** A chunk id for messages: 'abcd' when printable, else hex bytes. */
    static String describeFourcc(int id) {
        StringBuilder s = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            int c = (id >>> (8 * i)) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                return String.format("0x%02X%02X%02X%02X", id & 0xff, (id >>> 8) & 0xff, (id >>> 16) & 0xff,
                        (id >>> 24) & 0xff);
            }
            s.append((char) c);
        }
        return "'" + s + "'";
    }

    /** A human name for well-known compressed format tags, for error messages. */
    static String formatTagName(int tag) {
        switch (tag) {
            case 0x0002: return "Microsoft ADPCM";
            case 0x0006: return "A-law";
            case 0x0007: return "mu-law";
            case 0x0011: return "IMA ADPCM";
            case 0x0031: return "GSM 6.10";
            case 0x0050: return "MPEG";
            case 0x0055: return "MPEG Layer 3 (MP3)";
            case 0x00FF: return "AAC";
            case 0x0160:
            case 0x0161:
            case 0x0162: return "Windows Media Audio";
            case 0x1610: return "HE-AAC";
            case 0xF1AC: return "FLAC";
            default: return null;
        }
    }
}
