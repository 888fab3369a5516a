package io.mixai.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.utility.GainProvider;
import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import io.mixai.spi.EffectRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The processing contract, checked on every effect the registry discovers (so effects added
 * later are covered without touching this test), at default parameters and at every
 * parameter's normalised 0.7 point: the block size never changes the output, reset restores
 * the initial behaviour, odd inputs give finite output without denormals, instances on
 * different threads agree, and {@code process()} allocates nothing.
 */
class EffectContractTest {

    private static final EffectRegistry REGISTRY = EffectRegistry.discover();
    private static final int[] RATES = {44100, 48000, 96000};
    /** The first is the reference the others must match bit for bit. */
    private static final int[] BLOCK_SIZES = {4096, 1, 17, 64, 512};
    private static final int[] CHANNELS = {1, 2};
    /** Short, to keep the full matrix fast; long enough for a burst and some of its decay. */
    private static final double SIGNAL_SECONDS = 0.2;

    /** One effect at one parameter set. */
    record Case(EffectProvider provider, String label, ParameterSet parameters) {
        String name() {
            return provider.type() + " @ " + label;
        }

        Effect create() {
            return provider.create(parameters);
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (EffectProvider p : REGISTRY.providers()) {
            cases.add(new Case(p, "defaults", p.defaults()));
            Map<String, Double> at07 = new LinkedHashMap<>();
            for (ParameterDescriptor d : p.parameters()) {
                at07.put(d.id(), d.fromNormalized(0.7));
            }
            cases.add(new Case(p, "normalised 0.7", ParameterSet.of(p.type(), p.parameters(), at07)));
        }
        return cases;
    }

    private static Stream<DynamicTest> forEachCase(String what, CaseCheck check) {
        return cases().stream().map(c -> DynamicTest.dynamicTest(what + ": " + c.name(), () -> check.run(c)));
    }

    @FunctionalInterface
    interface CaseCheck {
        void run(Case c) throws Exception;
    }

    /** Noise, a gap, then a loud burst with DC, then silence for the decay; channels differ. */
    static float[][] testSignal(int rate, int channels) {
        int frames = (int) (SIGNAL_SECONDS * rate);
        float[][] x = new float[channels][frames];
        Random random = new Random(rate * 31L + channels);
        int noiseEnd = frames * 2 / 5;
        int burstStart = frames / 2;
        int burstEnd = burstStart + rate / 50;
        for (int i = 0; i < frames; i++) {
            double common = random.nextGaussian() * 0.25;
            for (int c = 0; c < channels; c++) {
                double v = 0;
                if (i < noiseEnd) {
                    v = 0.6 * common + 0.4 * random.nextGaussian() * 0.25;
                } else if (i >= burstStart && i < burstEnd) {
                    v = 0.85 * Math.sin(2 * Math.PI * (1000 + 300 * c) * i / rate) + 0.1;
                }
                x[c][i] = (float) v;
            }
        }
        return x;
    }

    static float[][] copy(float[][] x) {
        float[][] y = new float[x.length][];
        for (int c = 0; c < x.length; c++) {
            y[c] = x[c].clone();
        }
        return y;
    }

    /** Runs a fresh instance over a copy of the input, cut into blocks of {@code blockSize}. */
    static float[][] render(Case c, int rate, int blockSize, float[][] input) {
        Effect effect = c.create();
        effect.prepare(new ProcessSpec(rate, blockSize, input.length));
        return process(effect, blockSize, input);
    }

    static float[][] process(Effect effect, int blockSize, float[][] input) {
        float[][] x = copy(input);
        AudioBlock block = new AudioBlock(x, 0, 0);
        for (int pos = 0; pos < x[0].length; pos += blockSize) {
            effect.process(block.moveTo(pos, Math.min(blockSize, x[0].length - pos)));
        }
        return x;
    }

    static void assertFiniteAndNormal(float[][] y, String where) {
        for (int c = 0; c < y.length; c++) {
            for (int i = 0; i < y[c].length; i++) {
                float v = y[c][i];
                if (!Float.isFinite(v)) {
                    fail(where + ": channel " + c + " sample " + i + " is " + v);
                }
                if (v != 0 && Math.abs(v) < Float.MIN_NORMAL) {
                    fail(where + ": channel " + c + " sample " + i + " is denormal (" + v + ")");
                }
            }
        }
    }

    @Test
    void theDspEffectsAreDiscoveredAndNoneFailsToLoad() {
        assertTrue(REGISTRY.types().containsAll(List.of("gain", "pan", "width", "polarity", "dc_blocker")),
                REGISTRY.types().toString());
        assertEquals(List.of(), REGISTRY.failures());
        assertEquals(List.of(), REGISTRY.duplicates());
    }

    /** Every provider in the services file is also in module-info's {@code provides}, and the other way round. */
    @Test
    void providersAreDeclaredInBothServicesFileAndModuleInfo() throws Exception {
        Path classes = Path.of(GainProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
        Set<String> inModuleInfo = new TreeSet<>();
        module.provides().stream().filter(p -> p.service().equals(EffectProvider.class.getName()))
                .forEach(p -> inModuleInfo.addAll(p.providers()));
        Set<String> inServices = new TreeSet<>();
        Enumeration<java.net.URL> files = GainProvider.class.getClassLoader()
                .getResources("META-INF/services/" + EffectProvider.class.getName());
        while (files.hasMoreElements()) {
            java.net.URL url = files.nextElement();
            if (!Path.of(url.toURI()).startsWith(classes)) {
                continue; // another jar's file
            }
            try (InputStream in = url.openStream();
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty()).forEach(inServices::add);
            }
        }
        assertEquals(inServices, inModuleInfo);
        assertTrue(inServices.size() >= 5, inServices.toString());
    }

    @TestFactory
    Stream<DynamicTest> theBlockSizeNeverChangesTheOutput() {
        return forEachCase("block size", c -> {
            for (int rate : RATES) {
                for (int channels : CHANNELS) {
                    float[][] input = testSignal(rate, channels);
                    float[][] reference = render(c, rate, BLOCK_SIZES[0], input);
                    assertFiniteAndNormal(reference, c.name() + " " + rate + " Hz " + channels + " ch");
                    for (int b = 1; b < BLOCK_SIZES.length; b++) {
                        float[][] out = render(c, rate, BLOCK_SIZES[b], input);
                        for (int ch = 0; ch < channels; ch++) {
                            assertArrayEquals(reference[ch], out[ch], c.name() + " at " + rate + " Hz, " + channels
                                    + " ch: block size " + BLOCK_SIZES[b] + " differs from " + BLOCK_SIZES[0]
                                    + " on channel " + ch);
                        }
                    }
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> resetRestoresTheInitialBehaviour() {
        return forEachCase("reset", c -> {
            for (int rate : RATES) {
                for (int channels : CHANNELS) {
                    float[][] input = testSignal(rate, channels);
                    Effect effect = c.create();
                    effect.prepare(new ProcessSpec(rate, 512, channels));
                    float[][] first = process(effect, 512, input);
                    effect.reset();
                    float[][] second = process(effect, 512, input);
                    assertArrayEquals(first, second, c.name() + " at " + rate + " Hz, " + channels + " ch");
                    assertEquals(c.parameters(), effect.parameters(), "reset must keep the parameters");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> silenceGivesFiniteOutput() {
        return forEachCase("silence", c -> {
            for (int rate : RATES) {
                for (int channels : CHANNELS) {
                    float[][] out = render(c, rate, 512, new float[channels][(int) (SIGNAL_SECONDS * rate)]);
                    assertFiniteAndNormal(out, c.name() + " on silence at " + rate + " Hz, " + channels + " ch");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> extremeInputsGiveFiniteOutput() {
        return forEachCase("extreme input", c -> {
            int rate = 48000;
            int frames = (int) (SIGNAL_SECONDS * rate);
            Map<String, float[][]> inputs = new LinkedHashMap<>();
            float[][] base = testSignal(rate, 2);
            float[][] huge = copy(base);
            float[][] tiny = copy(base);
            float[][] nyquist = new float[2][frames];
            float[][] dc = new float[2][frames];
            for (int ch = 0; ch < 2; ch++) {
                for (int i = 0; i < frames; i++) {
                    huge[ch][i] *= 1e4f; // +80 dB over full scale
                    tiny[ch][i] *= 1e-39f; // float denormal range
                    nyquist[ch][i] = (i & 1) == 0 ? 1f : -1f;
                    dc[ch][i] = 1f;
                }
            }
            inputs.put("huge values", huge);
            inputs.put("denormal-range values", tiny);
            inputs.put("full-scale Nyquist", nyquist);
            inputs.put("full-scale DC", dc);
            for (Map.Entry<String, float[][]> e : inputs.entrySet()) {
                for (int channels : CHANNELS) {
                    float[][] in = channels == 2 ? e.getValue() : new float[][] {e.getValue()[0]};
                    assertFiniteAndNormal(render(c, rate, 64, in), c.name() + " on " + e.getKey() + ", "
                            + channels + " ch");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> eightInstancesOnEightThreadsMatchOne() {
        return forEachCase("threads", c -> {
            int rate = 48000;
            float[][] input = testSignal(rate, 2);
            float[][] reference = render(c, rate, 256, input);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<float[][]>> jobs = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    jobs.add(() -> render(c, rate, 256, input));
                }
                for (Future<float[][]> f : pool.invokeAll(jobs)) {
                    assertArrayEquals(reference, f.get(), c.name());
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /**
     * Counts the bytes the audio thread allocates over many {@code process} calls after the JIT
     * has compiled them, with parameter snapshots swapped in between by the caller (the control
     * thread's work, not counted). Any allocation inside process() fails.
     */
    @TestFactory
    Stream<DynamicTest> processAllocatesNothing() {
        return REGISTRY.providers().stream().map(p -> DynamicTest.dynamicTest("allocation: " + p.type(), () -> {
            List<Case> mine = cases().stream().filter(c -> c.provider() == p).toList();
            Effect effect = p.create(mine.get(0).parameters());
            long bytes = bytesAllocatedByProcess(effect, mine.get(0).parameters(), mine.get(1).parameters());
            assertEquals(0, bytes, p.type() + ": process() allocated " + bytes + " bytes after warm-up");
        }));
    }

    /** The meter above must be able to fail: an effect that allocates one small array per block is caught. */
    @Test
    void theAllocationMeterSeesAnAllocatingEffect() {
        EffectProvider gain = REGISTRY.provider("gain");
        Effect allocating = new AllocatingEffect(gain.defaults());
        long bytes = bytesAllocatedByProcess(allocating, gain.defaults(), gain.defaults().with("gain_db", -3));
        assertTrue(bytes >= 40L * 38 * 16, "measured only " + bytes + " bytes");
    }

    /** Allocates a 4-float array per block and keeps it reachable, so escape analysis cannot remove it. */
    static final class AllocatingEffect extends io.mixai.dsp.effect.AbstractEffect {
        static volatile float[] sink;

        AllocatingEffect(ParameterSet p) {
            super(p);
        }

        @Override
        protected void onPrepare(ProcessSpec spec, ParameterSet parameters) {
        }

        @Override
        protected void onParameters(ParameterSet parameters) {
        }

        @Override
        protected void processBlock(AudioBlock block) {
            sink = new float[4];
        }

        @Override
        protected void onReset() {
        }
    }

    /** Bytes the current thread allocates while {@code effect} processes 40 passes of the test signal, after 300 passes of warm-up. */
    static long bytesAllocatedByProcess(Effect effect, ParameterSet first, ParameterSet second) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 100; i++) {
            threads.getCurrentThreadAllocatedBytes(); // the meter's own first calls may allocate
        }
        int rate = 48000;
        int blockSize = 256;
        float[][] source = testSignal(rate, 2);
        float[][] work = copy(source);
        effect.prepare(new ProcessSpec(rate, blockSize, 2));
        AudioBlock block = new AudioBlock(work, 0, 0);
        int frames = source[0].length;
        long measured = 0;
        for (int phase = 0; phase < 2; phase++) {
            int passes = phase == 0 ? 300 : 40; // first warm up, then measure
            measured = 0;
            for (int pass = 0; pass < passes; pass++) {
                // Parameter changes are the control thread's work (an effect may design filters
                // there); only the audio thread's process() calls are counted.
                effect.setParameters((pass & 1) == 0 ? second : first);
                System.arraycopy(source[0], 0, work[0], 0, frames);
                System.arraycopy(source[1], 0, work[1], 0, frames);
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int pos = 0; pos < frames; pos += blockSize) {
                    effect.process(block.moveTo(pos, Math.min(blockSize, frames - pos)));
                }
                measured += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        return measured;
    }

    @Test
    void everyTypeIdIsUnique() {
        Set<String> seen = new HashSet<>();
        for (EffectProvider p : REGISTRY.providers()) {
            assertTrue(seen.add(p.type()), p.type());
        }
    }
}
