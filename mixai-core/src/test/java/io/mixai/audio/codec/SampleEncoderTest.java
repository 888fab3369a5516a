package io.mixai.audio.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.SampleFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Quantisation with TPDF dither: error statistics, determinism, saturation. */
class SampleEncoderTest {

    private static final int N = 200_000;

    @Test
    void ditherValuesAreTriangularOverPlusMinusOneLsb() {
        TpdfDither dither = new TpdfDither(99);
        double sum = 0;
        double sumSq = 0;
        int inner = 0;
        double min = 0;
        double max = 0;
        for (int i = 0; i < N; i++) {
            double d = dither.next();
            sum += d;
            sumSq += d * d;
            inner += Math.abs(d) < 0.5 ? 1 : 0;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min >= -1 && max < 1, "range " + min + ".." + max);
        assertEquals(0, sum / N, 0.005, "mean");
        assertEquals(1.0 / 6, sumSq / N, 0.005, "variance of a triangular pdf on (-1, 1) is 1/6");
        // P(|d| < 1/2) is 3/4 for the triangular pdf, 1/2 for a uniform one.
        assertEquals(0.75, inner / (double) N, 0.005, "share of |d| < 1/2");
    }

    /**
     * TPDF dither makes the total error's first two moments independent of the signal: mean 0
     * and variance 1/12 (rounding) + 1/6 (dither) = 1/4 LSB², whatever the input's position
     * between two codes. Without dither the error would be a deterministic function of the input
     * (variance 0 at every fixed input).
     */
    @Test
    void ditheredErrorHasZeroMeanAndQuarterLsbVarianceAtEveryInputLevel() {
        SampleEncoder encoder = new SampleEncoder(SampleFormat.PCM_16, new TpdfDither(2024));
        SampleEncoder plain = new SampleEncoder(SampleFormat.PCM_16, null);
        for (double fraction : new double[] {0, 0.125, 0.25, 0.5, 0.75, 0.9}) {
            double lsbValue = 1234 + fraction; // in LSB
            float x = (float) (lsbValue / 32768);
            double exact = x * 32768.0; // the float's exact value in LSB
            float[][] in = new float[1][N];
            java.util.Arrays.fill(in[0], x);
            byte[] out = new byte[2 * N];
            encoder.encode(in, 0, N, out, 0);
            ByteBuffer codes = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < N; i++) {
                double e = codes.getShort() - exact;
                sum += e;
                sumSq += e * e;
            }
            double mean = sum / N;
            double variance = sumSq / N - mean * mean;
            assertEquals(0, mean, 0.01, "mean error at +" + fraction + " LSB");
            assertEquals(0.25, variance, 0.01, "error variance at +" + fraction + " LSB");

            byte[] undithered = new byte[2];
            plain.encode(in, 0, 1, undithered, 0);
            short code = ByteBuffer.wrap(undithered).order(ByteOrder.LITTLE_ENDIAN).getShort();
            assertEquals(Math.floor(exact + 0.5), code, 0, "undithered rounding to nearest");
        }
    }

    @Test
    void saturatesInsteadOfWrapping() {
        float[][] in = {{1.5f, -1.5f, 1.0f, -1.0f, 1e9f, -1e9f}};
        long[][] expected = {
            {127, -128, 127, -128, 127, -128},
            {32767, -32768, 32767, -32768, 32767, -32768},
            {8388607, -8388608, 8388607, -8388608, 8388607, -8388608},
            {Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE,
                Integer.MIN_VALUE},
        };
        SampleFormat[] formats = {SampleFormat.PCM_U8, SampleFormat.PCM_16, SampleFormat.PCM_24, SampleFormat.PCM_32};
        for (int f = 0; f < formats.length; f++) {
            for (TpdfDither dither : new TpdfDither[] {null, new TpdfDither(5)}) {
                SampleEncoder encoder = new SampleEncoder(formats[f], dither);
                int n = formats[f].bytesPerSample();
                byte[] out = new byte[n * 6];
                encoder.encode(in, 0, 6, out, 0);
                long[] codes = new long[6];
                for (int i = 0; i < 6; i++) {
                    codes[i] = readSigned(out, i * n, n, formats[f] == SampleFormat.PCM_U8);
                }
                assertArrayEquals(expected[f], codes, formats[f] + (dither == null ? "" : " dithered"));
            }
        }
    }

    @Test
    void ditherNearFullScaleNeverWraps() {
        float[][] in = {new float[N]};
        java.util.Arrays.fill(in[0], 32767.5f / 32768f);
        byte[] out = new byte[2 * N];
        new SampleEncoder(SampleFormat.PCM_16, new TpdfDither(8)).encode(in, 0, N, out, 0);
        ByteBuffer codes = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int atMax = 0;
        for (int i = 0; i < N; i++) {
            short code = codes.getShort();
            assertTrue(code >= 32766, "code " + code);
            atMax += code == 32767 ? 1 : 0;
        }
        assertTrue(atMax > N / 2, "most values saturate at the top code");
    }

    @Test
    void sameSeedSameBytes() {
        float[][] in = {new float[5000], new float[5000]};
        for (int i = 0; i < 5000; i++) {
            in[0][i] = (float) Math.sin(i * 0.001) * 0.001f;
            in[1][i] = -in[0][i];
        }
        for (SampleFormat format : new SampleFormat[] {SampleFormat.PCM_U8, SampleFormat.PCM_16, SampleFormat.PCM_24}) {
            byte[] a = new byte[2 * 5000 * format.bytesPerSample()];
            byte[] b = a.clone();
            byte[] c = a.clone();
            new SampleEncoder(format, new TpdfDither(77)).encode(in, 0, 5000, a, 0);
            new SampleEncoder(format, new TpdfDither(77)).encode(in, 0, 5000, b, 0);
            new SampleEncoder(format, new TpdfDither(78)).encode(in, 0, 5000, c, 0);
            assertArrayEquals(a, b, format.toString());
            assertTrue(!java.util.Arrays.equals(a, c), format + ": another seed gives other dither");
        }
    }

    private static long readSigned(byte[] b, int p, int n, boolean unsigned8) {
        if (unsigned8) {
            return (b[p] & 0xff) - 128;
        }
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
            v = (v << 8) | (b[p + i] & 0xff);
        }
        return (v << (64 - 8 * n)) >> (64 - 8 * n);
    }
}
