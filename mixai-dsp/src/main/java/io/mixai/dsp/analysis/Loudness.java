package io.mixai.dsp.analysis;

/** Conversions between channel-weighted mean square and loudness, ITU-R BS.1770-4 eq. (2). */
final class Loudness {

    /** The −0.691 dB offset that makes a 997 Hz sine at 0 dBFS read −3.01 LKFS (in one channel). */
    static final double OFFSET_DB = -0.691;

    private Loudness() {
    }

    static double lufs(double meanSquare) {
        return OFFSET_DB + 10.0 * Math.log10(meanSquare);
    }
}
