package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mixai.param.InvalidParameterException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    @Test
    void monoShapesAreLibrosas() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        int n = 5001;
        int t = 1 + n / 512;
        Map<String, NpyArray> f = fx.extractAll(new float[][] {Signals.noise(1, n)});
        assertArrayEquals(new int[] {1025, t}, f.get("stft_mag").shape());
        assertArrayEquals(new int[] {128, t}, f.get("melspectrogram").shape());
        assertArrayEquals(new int[] {128, t}, f.get("power_to_db").shape());
        assertArrayEquals(new int[] {20, t}, f.get("mfcc").shape());
        for (String k : new String[] {"spectral_centroid", "spectral_bandwidth", "spectral_rolloff",
            "spectral_flatness", "rms", "zero_crossing_rate"}) {
            assertArrayEquals(new int[] {1, t}, f.get(k).shape(), k);
        }
        assertArrayEquals(new int[] {12, t}, f.get("chroma_stft").shape());
        assertArrayEquals(new int[] {t}, f.get("onset_strength").shape());
        assertEquals("<f8", f.get("spectral_rolloff").descr());
        assertEquals("<f4", f.get("mfcc").descr());
    }

    @Test
    void multichannelIsPerChannelExceptTheGlobalTopDb() {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.defaults());
        float[] loud = Signals.sine(0.9, 1000, 22050, 6000); // mel peak about +40 dB
        float[] quiet = new float[loud.length];
        for (int i = 0; i < quiet.length / 2; i++) {
            quiet[i] = loud[i] * 1e-2f; // 40 dB down, then silence (which power_to_db floors)
        }
        Map<String, NpyArray> stereo = fx.extractAll(new float[][] {loud, quiet});
        Map<String, NpyArray> quietAlone = fx.extractAll(new float[][] {quiet});
        int t = 1 + loud.length / 512;
        assertArrayEquals(new int[] {2, 128, t}, stereo.get("melspectrogram").shape());
        assertArrayEquals(new int[] {2, 1, t}, stereo.get("rms").shape());
        assertArrayEquals(new int[] {2, t}, stereo.get("onset_strength").shape());
        // Channel 1's mel spectrogram and RMS are the quiet signal's own.
        int mels = 128 * t;
        for (int i = 0; i < mels; i++) {
            assertEquals(quietAlone.get("melspectrogram").get(i), stereo.get("melspectrogram").get(mels + i), 0.0);
        }
        for (int i = 0; i < t; i++) {
            assertEquals(quietAlone.get("rms").get(i), stereo.get("rms").get(t + i), 0.0);
        }
        // In dB, channel 1 is floored at 80 dB below the loud channel's maximum, not its own.
        double loudMax = Double.NEGATIVE_INFINITY;
        double quietMin = Double.POSITIVE_INFINITY;
        double aloneMin = Double.POSITIVE_INFINITY;
        double aloneMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < mels; i++) {
            loudMax = Math.max(loudMax, stereo.get("power_to_db").get(i));
            quietMin = Math.min(quietMin, stereo.get("power_to_db").get(mels + i));
            aloneMin = Math.min(aloneMin, quietAlone.get("power_to_db").get(i));
            aloneMax = Math.max(aloneMax, quietAlone.get("power_to_db").get(i));
        }
        assertEquals(loudMax - 80, quietMin, 1e-4);
        assertEquals(aloneMax - 80, aloneMin, 1e-4);
    }

    @Test
    void toMonoIsTheFloatMeanOfTheChannels() {
        float[] l = {1f, 0.25f, -1f, 0.1f};
        float[] r = {0f, 0.75f, -1f, 0.2f};
        float[] mono = FeatureExtractor.toMono(new float[][] {l, r});
        for (int i = 0; i < l.length; i++) {
            assertEquals((l[i] + r[i]) / 2f, mono[i], 0f);
        }
    }

    @Test
    void monoMethodsAgreeWithExtractAll() {
        FeatureConfig config = FeatureConfig.builder().sampleRate(16000).nFft(1024).hopLength(256)
                .winLength(800).nMels(40).fMin(50).fMax(7000).htk(true).nMfcc(13).center(false).build();
        FeatureExtractor fx = new FeatureExtractor(config);
        float[] y = Signals.noise(8, 9000);
        Map<String, NpyArray> all = fx.extractAll(new float[][] {y});
        assertArrayEquals(all.get("mfcc").float32(), flat(fx.mfcc(y)));
        assertArrayEquals(all.get("chroma_stft").float32(), flat(fx.chromaStft(y)));
        assertArrayEquals(all.get("spectral_bandwidth").float64(), fx.spectralBandwidth(y));
        assertArrayEquals(all.get("zero_crossing_rate").float64(), fx.zeroCrossingRate(y));
        // Onset strength uses a centred STFT even with center=false: 1 + n // hop frames.
        assertEquals(1 + 9000 / 256, fx.onsetStrength(y).length);
        assertEquals(1 + (9000 - 1024) / 256, all.get("mfcc").shape()[1]);
    }

    @Test
    void badParametersAreRejectedWithTheirName() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> FeatureConfig.builder().nFft(1000).winLength(1200).build());
        assertEquals("win_length", e.parameterId());
        assertEquals("n_mfcc", assertThrows(InvalidParameterException.class,
                () -> FeatureConfig.builder().nMels(10).nMfcc(20).build()).parameterId());
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureExtractor(FeatureConfig.defaults()).mfcc(new float[] {0f, Float.NaN}));
    }

    private static float[] flat(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
        }
        return out;
    }
}
