package io.mixai.audio.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBlock;
import io.mixai.audio.AudioBuffer;
import io.mixai.param.InvalidParameterException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Streaming behaviour: block-size independence, determinism, timing, lengths, edge cases. */
class ResamplerStreamingTest {

    /** Stereo test material: noise plus a tone, different in each channel. */
    private static float[][] material(int rate, double seconds, long seed) {
        int n = (int) Math.round(seconds * rate);
        Random random = new Random(seed);
        float[][] x = new float[2][n];
        for (int i = 0; i < n; i++) {
            x[0][i] = (float) (0.3 * random.nextGaussian() + 0.4 * Math.sin(2 * Math.PI * 997.0 * i / rate));
            x[1][i] = (float) (0.2 * random.nextGaussian() + 0.5 * Math.cos(2 * Math.PI * 3001.0 * i / rate));
        }
        return x;
    }

    /** Streams {@code x} through {@code r} in blocks whose sizes {@code sizes} supplies, then flushes. */
    private static float[][] stream(Resampler r, float[][] x, java.util.function.IntSupplier sizes) {
        int frames = x[0].length;
        float[][] out = new float[x.length][(int) r.totalOutputFrames(frames)];
        int written = 0;
        int consumed = 0;
        while (consumed < frames) {
            int n = Math.min(sizes.getAsInt(), frames - consumed);
            int produced = r.process(x, consumed, n, out, written);
            assertTrue(produced <= r.maxOutputFrames(n), "a block never produces more than promised");
            written += produced;
            consumed += n;
        }
        assertEquals(out[0].length - written, r.flushFrames());
        written += r.flush(out, written);
        assertEquals(out[0].length, written, "process + flush deliver ceil(frames*out/in) frames");
        return out;
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"44100,48000", "48000,44100", "96000,44100", "44100,48001", "8000,384000", "384000,8000"})
    void outputIsBitExactWhateverTheBlockSize(int in, int out) {
        float[][] x = material(in, 0.25, 7);
        float[][] whole = Resampler.resample(AudioBuffer.wrap(x, in), out).planar();
        for (int size : new int[] {1, 17, 4096}) {
            float[][] blocks = stream(new Resampler(in, out, 2), x, () -> size);
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(whole[c], blocks[c], "channel " + c + " in blocks of " + size);
            }
        }
        Random sizes = new Random(3);
        float[][] irregular = stream(new Resampler(in, out, 2), x, () -> sizes.nextInt(9000));
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(whole[c], irregular[c], "channel " + c + " in random blocks");
        }
    }

    @Test
    void isDeterministicAndResetStartsAfresh() {
        float[][] x = material(44100, 0.2, 11);
        Resampler r = new Resampler(44100, 48000, 2);
        float[][] first = stream(r, x, () -> 1000);
        r.reset();
        float[][] again = stream(r, x, () -> 333);
        float[][] fresh = stream(new Resampler(44100, 48000, 2), x, () -> 4096);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(first[c], again[c]);
            assertArrayEquals(first[c], fresh[c]);
        }
    }

    @Test
    void blockApiGivesTheSameOutputAsArrays() {
        float[][] x = material(48000, 0.1, 5);
        float[][] expected = Resampler.resample(AudioBuffer.wrap(x, 48000), 44100).planar();
        Resampler r = new Resampler(48000, 44100, 2);
        int block = 500;
        // Room for the largest block output beyond the end, as a caller sizing by maxOutputFrames has.
        float[][] out = new float[2][expected[0].length + r.maxOutputFrames(block)];
        AudioBlock input = new AudioBlock(x, 0, 0);
        AudioBlock target = new AudioBlock(out, 0, 0);
        int written = 0;
        for (int start = 0; start < x[0].length; start += block) {
            int n = Math.min(block, x[0].length - start);
            written += r.process(input.moveTo(start, n), target.moveTo(written, r.maxOutputFrames(n)));
        }
        written += r.flush(target.moveTo(written, r.flushFrames()));
        assertEquals(expected[0].length, written);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(expected[c], Arrays.copyOf(out[c], written));
        }
    }

    @Test
    void outputLengthIsCeilOfFramesTimesRatio() {
        int[][] pairs = {{44100, 48000}, {48000, 44100}, {48000, 96000}, {96000, 44100}, {44100, 48001}};
        for (int[] pair : pairs) {
            for (int frames : new int[] {0, 1, 2, 146, 147, 148, 1000, 44100, 44101}) {
                long expected = ((long) frames * pair[1] + pair[0] - 1) / pair[0];
                AudioBuffer in = AudioBuffer.allocate(1, frames, pair[0]);
                AudioBuffer out = Resampler.resample(in, pair[1]);
                assertEquals(expected, out.frames(), frames + " frames " + pair[0] + "->" + pair[1]);
                assertEquals(pair[1], out.sampleRate());
            }
        }
    }

    @Test
    void anOutputAppearsOnceTheInputReachesLatencyFramesPastItsTime() {
        Resampler r = new Resampler(44100, 48000, 1);
        int latency = r.latencyInputFrames();
        float[][] one = new float[1][1];
        float[][] out = new float[1][r.maxOutputFrames(1)];
        long produced = 0;
        for (int frames = 1; frames <= 3000; frames++) {
            produced += r.process(one, 0, 1, out, 0);
            // Outputs n whose time n*in/out lies at least `latency` frames before the newest input.
            long ready = 0;
            while ((long) Math.floor(ready * 44100.0 / 48000.0) + latency <= frames - 1) {
                ready++;
            }
            assertEquals(ready, produced, "after " + frames + " input frames");
        }
    }

    /**
     * An impulse at input time k0/in that falls on the output grid (n0/out) must give an output
     * peaking at n0 and symmetric around it: the linear-phase filter's delay is compensated.
     */
    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"48000,96000,1000,2000", "44100,48000,1029,1120", "48000,44100,1120,1029",
        "96000,44100,1280,588"})
    void impulseLandsAtItsTime(int in, int out, int k0, int n0) {
        assertEquals((double) k0 / in, (double) n0 / out, 1e-12, "test setup: same instant");
        float[] x = new float[3 * k0];
        x[k0] = 1f;
        float[] y = Resampler.resample(AudioBuffer.wrap(new float[][] {x}, in), out).channel(0);
        int reach = (int) Math.ceil(new Resampler(in, out, 1).latencyInputFrames() * (double) out / in) + 2;
        for (int j = 1; j <= reach; j++) {
            assertTrue(Math.abs(y[n0 + j]) < y[n0] && Math.abs(y[n0 - j]) < y[n0], "peak at n0, offset " + j);
            assertEquals(y[n0 - j], y[n0 + j], 1e-7, "symmetric at offset " + j);
        }
        // Unit gain at DC: the band-limited impulse carries the impulse's area, in output samples.
        double area = 0;
        for (float v : y) {
            area += v;
        }
        assertEquals((double) out / in, area, 1e-6);
    }

    @Test
    void constantInputGivesAConstantOutput() {
        float[] x = new float[20000];
        Arrays.fill(x, 0.5f);
        float[] y = Resampler.resample(AudioBuffer.wrap(new float[][] {x}, 44100), 48000).channel(0);
        int edge = 400;
        for (int n = edge; n < y.length - edge; n++) {
            assertEquals(0.5, y[n], 1e-7, "sample " + n);
        }
    }

    @Test
    void equalRatesCopyExactly() {
        Random random = new Random(1);
        float[][] x = new float[3][5000];
        for (float[] ch : x) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (float) random.nextGaussian() * (float) Math.pow(10, random.nextInt(12) - 9);
            }
        }
        AudioBuffer in = AudioBuffer.wrap(x, 48000);
        AudioBuffer out = Resampler.resample(in, 48000);
        assertEquals(48000, out.sampleRate());
        for (int c = 0; c < 3; c++) {
            assertNotSame(x[c], out.channel(c));
            assertArrayEquals(x[c], out.channel(c));
        }
        Resampler r = new Resampler(48000, 48000, 3);
        float[][] streamed = stream(r, x, () -> 77);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(x[c], streamed[c]);
        }
        assertEquals(0, r.latencyInputFrames());
    }

    @Test
    void nonFiniteAndDenormalInputNeverReachesTheOutput() {
        float[][] x = material(44100, 0.05, 2);
        float[][] clean = new float[2][];
        clean[0] = x[0].clone();
        clean[1] = x[1].clone();
        x[0][100] = Float.NaN;
        x[0][900] = Float.POSITIVE_INFINITY;
        x[1][500] = Float.NEGATIVE_INFINITY;
        clean[0][100] = 0f;
        clean[0][900] = 0f;
        clean[1][500] = 0f;
        for (int outRate : new int[] {48000, 44100}) {
            float[][] y = Resampler.resample(AudioBuffer.wrap(x, 44100), outRate).planar();
            float[][] expected = Resampler.resample(AudioBuffer.wrap(clean, 44100), outRate).planar();
            for (int c = 0; c < 2; c++) {
                assertArrayEquals(expected[c], y[c], "non-finite samples act as silence, " + outRate + " Hz");
            }
        }
        float[] tiny = new float[4000];
        Arrays.fill(tiny, 1e-35f);
        tiny[7] = Float.MIN_VALUE;
        for (float v : Resampler.resample(AudioBuffer.wrap(new float[][] {tiny}, 44100), 48000).channel(0)) {
            assertEquals(0f, v, "denormal-level input becomes exact silence");
            assertEquals(0, Float.floatToRawIntBits(v), "and positive zero");
        }
    }

    @Test
    void badArgumentsAreRejectedClearly() {
        InvalidParameterException low = assertThrows(InvalidParameterException.class,
                () -> new Resampler(7999, 48000, 1));
        assertEquals("inputRate", low.parameterId());
        assertTrue(low.getMessage().contains("7999"), low.getMessage());
        InvalidParameterException high = assertThrows(InvalidParameterException.class,
                () -> new Resampler(48000, 384001, 1));
        assertEquals("outputRate", high.parameterId());
        assertThrows(InvalidParameterException.class,
                () -> Resampler.resample(AudioBuffer.allocate(1, 10, 4000), 48000));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(48000, 44100, 0));

        Resampler r = new Resampler(48000, 44100, 2);
        float[][] mono = new float[1][100];
        float[][] stereo = new float[2][100];
        assertThrows(IllegalArgumentException.class, () -> r.process(mono, 0, 100, stereo, 0));
        assertThrows(IllegalArgumentException.class, () -> r.process(stereo, 50, 100, stereo, 0));
        assertThrows(IllegalArgumentException.class, () -> r.process(stereo, 0, 100, new float[2][10], 0));
        r.process(stereo, 0, 100, stereo, 0);
        r.flush(new float[2][r.flushFrames()], 0);
        assertThrows(IllegalStateException.class, () -> r.process(stereo, 0, 100, stereo, 0));
        r.reset();
        assertEquals(0, r.process(stereo, 0, 10, stereo, 0), "usable again after reset");
    }
}
