package io.mixai.dsp.master;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.LongTermSpectrum;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.SpectrumAnalyzer;
import io.mixai.master.Measurements;
import io.mixai.master.Timeline;

/**
 * Measures one programme as it streams past: BS.1770-4 loudness, loudness range, true and
 * sample peak, short-term loudness once a second ({@link LoudnessMeter}); the 1/3-octave
 * long-term spectrum of mid and side with per-band correlation ({@link SpectrumAnalyzer});
 * the 10 ms level distribution ({@link LevelHistogram}); and optionally a 16x true peak
 * ({@link OversampledPeakMeter}). Memory is constant apart from the per-second timeline.
 */
final class ProgrammeAnalyzer {

    /** Band resolution of every spectrum the engine compares. */
    static final int BANDS_PER_OCTAVE = 3;
    private static final int HOPS_PER_TIMELINE_POINT = 10; // the meter hops every 100 ms

    /** Everything measured. */
    record Analysis(Measurements measurements, LongTermSpectrum spectrum, LevelHistogram levels) {
    }

    private final int sampleRate;
    private final int channels;
    private final LoudnessMeter loudness;
    private final SpectrumAnalyzer spectrum;
    private final LevelHistogram levels;
    private final OversampledPeakMeter strictPeak;
    private final DoubleList shortTerm = new DoubleList();
    private long frames;

    /**
     * @param strictPeak whether to measure the 16x true peak too
     */
    ProgrammeAnalyzer(int sampleRate, int channels, boolean strictPeak) {
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.loudness = new LoudnessMeter(sampleRate, channels);
        this.spectrum = new SpectrumAnalyzer(sampleRate, channels, BANDS_PER_OCTAVE);
        this.levels = new LevelHistogram(sampleRate);
        this.strictPeak = strictPeak ? new OversampledPeakMeter(channels) : null;
        int[] hops = {0};
        loudness.setHopListener(meter -> {
            if (++hops[0] % HOPS_PER_TIMELINE_POINT == 0) {
                shortTerm.add(meter.shortTermLufs().orElse(Double.NaN));
            }
        });
    }

    /** Measures frames {@code offset .. offset + n} of planar audio. */
    void process(float[][] audio, int offset, int n) {
        if (n == 0) {
            return;
        }
        AudioBlock b = new AudioBlock(audio, offset, n);
        loudness.process(b);
        spectrum.process(b);
        levels.process(audio, offset, n);
        if (strictPeak != null) {
            strictPeak.process(audio, offset, n);
        }
        frames += n;
    }

    Analysis result() {
        if (strictPeak != null) {
            strictPeak.finish();
        }
        var r = loudness.result();
        LongTermSpectrum lts = spectrum.result();
        double[] correlation = lts.correlation();
        Measurements m = new Measurements(
                r.integratedLufs().orElse(Double.NaN),
                r.loudnessRangeLu().orElse(Double.NaN),
                r.maxShortTermLufs().orElse(Double.NaN),
                r.truePeakDbtp().orElse(Double.NaN),
                strictPeak != null ? strictPeak.peakDbtp() : Double.NaN,
                r.samplePeakDbfs().orElse(Double.NaN),
                lts.centres(), lts.midDb(), lts.sideDb(), correlation,
                new Timeline(1.0, shortTerm.toArray()),
                frames, sampleRate, channels);
        return new Analysis(m, lts, levels);
    }
}
