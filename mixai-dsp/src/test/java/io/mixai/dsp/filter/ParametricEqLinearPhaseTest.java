package io.mixai.dsp.filter;

import static io.mixai.dsp.filter.ParametricEqResponseTest.compare;
import static io.mixai.dsp.filter.ParametricEqResponseTest.logSpaced;
import static io.mixai.dsp.filter.ParametricEqResponseTest.spectrumDb;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.filter.ParametricEqResponseTest.Band;
import io.mixai.dsp.filter.ParametricEqResponseTest.Comparison;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Linear-phase mode: the impulse response is symmetric about the reported latency, and its
 * magnitude follows the same closed-form targets as the minimum-phase mode above the
 * frequencies the FIR can resolve.
 */
class ParametricEqLinearPhaseTest {

    static double worstErrorDb;
    static double worstAsymmetry;

    static final List<Band> BANDS = List.of(
            new Band("low_cut", 30, 0, 0.707, 12),
            new Band("low_shelf", 150, 5, 0.707, 12),
            new Band("peak", 700, -4, 1.5, 12),
            new Band("peak", 3000, 3, 2, 12),
            new Band("high_shelf", 8000, -3, 0.707, 12),
            new Band("high_cut", 15000, 0, 0.707, 24));

    static Map<String, Number> values() {
        Map<String, Number> values = new LinkedHashMap<>();
        for (int i = 0; i < BANDS.size(); i++) {
            values.putAll(BANDS.get(i).values(i + 1));
        }
        values.put("linear_phase", 1);
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {44100, 48000, 96000})
    void impulseResponseIsSymmetricAboutTheLatencyAndMatchesTheTarget(int fs) {
        ParametricEqProvider provider = new ParametricEqProvider();
        Effect effect = provider.create(ParameterSet.of("eq", provider.parameters(), values()));
        effect.prepare(new ProcessSpec(fs, 512, 1));
        int latency = effect.latencySamples();
        int n = 1 << 16;
        float[] x = new float[n];
        x[0] = 1;
        AudioBlock block = AudioBlock.ofMono(x);
        for (int start = 0; start < n; start += 512) {
            effect.process(block.moveTo(start, 512));
        }

        // Symmetric about the latency: y[L + m] == y[L - m], and nothing outside the FIR's span.
        float peak = 0;
        for (float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        int half = latency - 1024;
        assertTrue(half > 0 && latency + half < n, "latency " + latency);
        double asymmetry = 0;
        for (int m = 1; m <= half; m++) {
            asymmetry = Math.max(asymmetry, Math.abs(x[latency + m] - x[latency - m]) / peak);
        }
        worstAsymmetry = Math.max(worstAsymmetry, asymmetry);
        assertTrue(asymmetry < 1e-6, "relative asymmetry " + asymmetry);
        for (int i = 0; i < n; i++) {
            if (Math.abs(i - latency) > half) {
                assertTrue(Math.abs(x[i]) < 1e-6 * peak, "sample " + i + " outside the FIR span is " + x[i]);
            }
        }
        // The largest tap is the centre, at exactly the reported latency (all bands here are broad).
        int argmax = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(x[i]) > Math.abs(x[argmax])) {
                argmax = i;
            }
        }
        assertEquals(latency, argmax);

        // Magnitude: within 0.1 dB from 10·fs/N (59 Hz at 48 kHz; below it the
        // Blackman window's smearing over about ±3·fs/N shows: 0.2 dB at 6·fs/N for this curve) (N the FIR length) up to 20 kHz.
        double[] measured = spectrumDb(x);
        int firLength = 2 * half + 1;
        double minHz = 10.0 * fs / firLength;
        DoubleUnaryOperator target = f -> BANDS.stream().mapToDouble(b -> b.targetDb(f, fs)).sum();
        Comparison c = compare(measured, fs, logSpaced(minHz, Math.min(20000, 0.45 * fs), 60), target, minHz,
                0.1, "linear phase " + fs);
        worstErrorDb = Math.max(worstErrorDb, c.worstDb());
        assertTrue(c.count() >= 50, "compared " + c.count());
    }

    @org.junit.jupiter.api.Test
    void aParameterChangeSwapsInTheNewFir() {
        // A 1 kHz bell at 0 dB, then +6 dB: a 1 kHz tone comes out 6 dB louder once the old FIR
        // has left the pipeline (latency + FIR length).
        ParametricEqProvider provider = new ParametricEqProvider();
        Map<String, Number> v = Map.of("band1_type", EqBandType.CHOICES.indexOf("peak"), "band1_freq_hz", 1000,
                "band1_q", 0.7, "linear_phase", 1);
        Effect effect = provider.create(ParameterSet.of("eq", provider.parameters(), v));
        effect.prepare(new ProcessSpec(48000, 480, 1));
        int n = 48000;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.1 * Math.sin(2 * Math.PI * 1000 * i / 48000.0));
        }
        AudioBlock block = AudioBlock.ofMono(x);
        for (int start = 0; start < n; start += 480) {
            if (start == 24000) {
                effect.setParameters(effect.parameters().with("band1_gain_db", 6));
            }
            effect.process(block.moveTo(start, 480));
        }
        int settled = 24000 + effect.latencySamples() + 8193 + 1024;
        double before = 0;
        double after = 0;
        for (int i = effect.latencySamples() + 8193; i < 24000; i++) {
            before = Math.max(before, Math.abs(x[i]));
        }
        for (int i = settled; i < n; i++) {
            after = Math.max(after, Math.abs(x[i]));
        }
        assertEquals(0, 20 * Math.log10(before / 0.1), 0.02);
        assertEquals(6, 20 * Math.log10(after / 0.1), 0.02);
    }

    @AfterAll
    static void report() {
        System.out.printf("EQ linear-phase worst magnitude error: %.4f dB, worst relative asymmetry %.2e%n",
                worstErrorDb, worstAsymmetry);
    }
}
