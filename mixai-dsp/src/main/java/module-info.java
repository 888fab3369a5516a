/** mixai DSP: effect processors, loudness and spectral analysis, librosa-compatible features. */
module io.mixai.dsp {
    requires transitive io.mixai.core;
    requires org.slf4j;
    requires JTransforms;
    requires JLargeArrays;

    exports io.mixai.dsp.spectral;
    exports io.mixai.dsp.reverb;
    exports io.mixai.dsp.dynamics;

    provides io.mixai.spi.EffectProvider with
            io.mixai.dsp.reverb.ReverbProvider,
            io.mixai.dsp.reverb.ConvolutionReverbProvider,
            io.mixai.dsp.dynamics.TruePeakLimiterProvider;
}
