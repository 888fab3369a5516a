package io.mixai.dsp.master;

import io.mixai.audio.AudioBuffer;
import io.mixai.chain.EffectChain;
import io.mixai.dsp.spectral.RealFft;
import io.mixai.spi.EffectRegistry;
import java.util.Map;
import java.util.Random;

/** Deterministic synthetic "music" and independent measurements for the mastering tests. */
final class SyntheticMusic {

    private SyntheticMusic() {
    }

    /**
     * A few seconds of stereo programme: a sustained chord (three partials each, panned), band
     * noise (decorrelated between the channels, so there is side signal), a kick (decaying
     * 55 Hz sine) on every beat and a snare-like noise burst on the off-beats, at about -20 LUFS.
     */
    static AudioBuffer stereo(double seconds, int rate, long seed) {
        int n = (int) Math.round(seconds * rate);
        float[][] x = new float[2][n];
        Random random = new Random(seed);
        double[] chord = {220, 277.18, 329.63, 440};
        double[] pan = {0.3, 0.7, 0.45, 0.6};
        double lowL = 0;
        double lowR = 0;
        double hpL = 0;
        double hpR = 0;
        double beat = 60.0 / 120;
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            double l = 0;
            double r = 0;
            for (int k = 0; k < chord.length; k++) {
                double tone = 0;
                for (int h = 1; h <= 3; h++) {
                    tone += Math.sin(2 * Math.PI * chord[k] * h * t + k) / (h * h);
                }
                tone *= 0.04 * (1 + 0.3 * Math.sin(2 * Math.PI * 0.5 * t + k));
                l += tone * Math.cos(pan[k] * Math.PI / 2);
                r += tone * Math.sin(pan[k] * Math.PI / 2);
            }
            // Band noise: one-pole low-passed, then the low-passed part removed again (a rough band-pass).
            double nl = random.nextGaussian();
            double nr = 0.6 * nl + 0.8 * random.nextGaussian();
            lowL += 0.2 * (nl - lowL);
            lowR += 0.2 * (nr - lowR);
            hpL += 0.01 * (lowL - hpL);
            hpR += 0.01 * (lowR - hpR);
            l += 0.03 * (lowL - hpL);
            r += 0.03 * (lowR - hpR);
            double phase = t % beat;
            double kick = 0.25 * Math.sin(2 * Math.PI * 55 * phase) * Math.exp(-phase * 18);
            double half = (t + beat / 2) % beat;
            double snare = 0.08 * random.nextGaussian() * Math.exp(-half * 30);
            l += kick + snare;
            r += kick + snare * 0.9;
            x[0][i] = (float) l;
            x[1][i] = (float) r;
        }
        return AudioBuffer.wrap(x, rate);
    }

    /** A tonal-only change: low shelf up, high shelf down, a bell, through the registry's eq. */
    static AudioBuffer tilted(AudioBuffer in) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("band1_type", "low_shelf");
        p.put("band1_freq_hz", 200.0);
        p.put("band1_gain_db", 4.0);
        p.put("band1_q", 0.7);
        p.put("band2_type", "high_shelf");
        p.put("band2_freq_hz", 3000.0);
        p.put("band2_gain_db", -5.0);
        p.put("band2_q", 0.7);
        p.put("band3_type", "peak");
        p.put("band3_freq_hz", 800.0);
        p.put("band3_gain_db", 2.5);
        p.put("band3_q", 1.0);
        EffectChain chain = EffectChain.builder(EffectRegistry.discover())
                .add(new io.mixai.chain.EffectSpec("eq", p)).build();
        return chain.render(in);
    }

    /**
     * True peak in dBTP by ideal band-limited interpolation, independent of the code under test:
     * the whole signal (zero-padded) is transformed, its spectrum zero-padded to 8x the length and
     * transformed back, and the largest magnitude taken. Circular wrap is avoided by the padding.
     */
    static double truePeak8xDbtp(AudioBuffer audio) {
        int size = Integer.highestOneBit(audio.frames() + 2048) * 2;
        int factor = 8;
        RealFft small = RealFft.create(size);
        RealFft large = RealFft.create(size * factor);
        double peak = 0;
        double[] in = new double[size];
        double[] spectrum = new double[size + 2];
        double[] padded = new double[size * factor + 2];
        double[] out = new double[size * factor];
        for (int c = 0; c < audio.channelCount(); c++) {
            java.util.Arrays.fill(in, 0);
            float[] ch = audio.channel(c);
            for (int i = 0; i < audio.frames(); i++) {
                in[i + 1024] = ch[i];
            }
            small.forward(in, 0, spectrum);
            java.util.Arrays.fill(padded, 0);
            // Keep bins below Nyquist; halve the Nyquist bin (it splits between +/- fs/2 when upsampled).
            System.arraycopy(spectrum, 0, padded, 0, size);
            padded[size] = spectrum[size] / 2;
            padded[size + 1] = 0;
            large.inverse(padded, out, 0);
            for (double v : out) {
                peak = Math.max(peak, Math.abs(v) * factor);
            }
        }
        return 20 * Math.log10(peak);
    }
}
