package io.mixai.dsp.analysis;

import io.mixai.audio.AudioBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Test signals synthesised from their definitions, and helpers to feed them to meters. */
final class Signals {

    private Signals() {
    }

    static double amplitude(double dbfs) {
        return Math.pow(10, dbfs / 20);
    }

    /** A sequence of segments built up channel by channel, in planar float form. */
    static final class Builder {
        private final int sampleRate;
        private final int channels;
        private final List<float[]> parts = new ArrayList<>();
        private int frames;

        Builder(int sampleRate, int channels) {
            this.sampleRate = sampleRate;
            this.channels = channels;
        }

        /** A sine of {@code freq} Hz at {@code dbfs[c]} peak in each channel (phase continuous from 0 at each segment start). */
        Builder sine(double freq, double seconds, double... dbfsPerChannel) {
            int n = (int) Math.round(seconds * sampleRate);
            float[] seg = new float[n * channels];
            for (int c = 0; c < channels; c++) {
                double dbfs = dbfsPerChannel.length == 1 ? dbfsPerChannel[0] : dbfsPerChannel[c];
                double a = Double.isInfinite(dbfs) ? 0 : amplitude(dbfs);
                for (int i = 0; i < n; i++) {
                    seg[c * n + i] = (float) (a * Math.sin(2 * Math.PI * freq * i / sampleRate));
                }
            }
            parts.add(seg);
            frames += n;
            return this;
        }

        Builder silence(double seconds) {
            return silenceFrames((int) Math.round(seconds * sampleRate));
        }

        Builder silenceFrames(int n) {
            parts.add(new float[n * channels]);
            frames += n;
            return this;
        }

        float[][] build() {
            float[][] out = new float[channels][frames];
            int at = 0;
            for (float[] seg : parts) {
                int n = seg.length / channels;
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(seg, c * n, out[c], at, n);
                }
                at += n;
            }
            return out;
        }
    }

    /** Feeds {@code planar} to {@code sink} in blocks of {@code blockFrames} (the last may be shorter). */
    static void feed(float[][] planar, int blockFrames, Consumer<AudioBlock> sink) {
        int n = planar[0].length;
        AudioBlock block = new AudioBlock(planar, 0, 0);
        for (int at = 0; at < n; at += blockFrames) {
            sink.accept(block.moveTo(at, Math.min(blockFrames, n - at)));
        }
    }

    static LoudnessMeter meter(float[][] planar, int sampleRate) {
        LoudnessMeter m = new LoudnessMeter(sampleRate, planar.length);
        feed(planar, 4096, m::process);
        return m;
    }

    static double value(java.util.OptionalDouble v, String what) {
        if (v.isEmpty()) {
            throw new AssertionError(what + " was not measured");
        }
        return v.getAsDouble();
    }
}
