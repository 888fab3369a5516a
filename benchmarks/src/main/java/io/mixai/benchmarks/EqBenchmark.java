package io.mixai.benchmarks;

import io.mixai.dsp.filter.ParametricEqProvider;
import io.mixai.param.ParameterSet;
import io.mixai.process.AudioProcessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;

/**
 * The parametric {@code eq} with six active bands (a 24 dB/oct low cut, two shelves, two bells, a
 * 12 dB/oct high cut: eight second-order sections per channel), minimum phase (biquad/SVF) and
 * linear phase, on noise at -20 dBFS RMS. Score: frames per second; / 48000 = multiple of real
 * time (see {@link EffectBenchmark}).
 */
public class EqBenchmark extends EffectBenchmark {

    private static final List<String> TYPES = List.of("off", "low_cut", "high_cut", "low_shelf", "high_shelf", "peak");

    @Param({"false", "true"})
    public boolean linearPhase;

    @Override
    protected AudioProcessor createProcessor() {
        ParametricEqProvider provider = new ParametricEqProvider();
        return provider.create(ParameterSet.of("eq", provider.parameters(), sixBands(linearPhase)));
    }

    /** The six-band setting shared with {@link MasteringChainBenchmark}. */
    static Map<String, Number> sixBands(boolean linearPhase) {
        Map<String, Number> v = new LinkedHashMap<>();
        band(v, 1, "low_cut", 40, 0, 0.707, 24);
        band(v, 2, "low_shelf", 120, 3, 0.707, 12);
        band(v, 3, "peak", 400, -2, 1.5, 12);
        band(v, 4, "peak", 2500, 2, 3, 12);
        band(v, 5, "high_shelf", 9000, -2, 0.707, 12);
        band(v, 6, "high_cut", 18000, 0, 0.707, 12);
        v.put("linear_phase", linearPhase ? 1 : 0);
        return v;
    }

    private static void band(Map<String, Number> v, int b, String type, double hz, double gainDb, double q, int slope) {
        v.put("band" + b + "_type", TYPES.indexOf(type));
        v.put("band" + b + "_freq_hz", hz);
        v.put("band" + b + "_gain_db", gainDb);
        v.put("band" + b + "_q", q);
        v.put("band" + b + "_slope_db_oct", slope);
    }
}
