/** mixai DSP: effect processors, loudness and spectral analysis, librosa-compatible features. */
module io.mixai.dsp {
    requires transitive io.mixai.core;
    requires org.slf4j;
    requires JTransforms;
    requires JLargeArrays;

    exports io.mixai.dsp.analysis;
    exports io.mixai.dsp.dynamics;
    exports io.mixai.dsp.effect;
    exports io.mixai.dsp.features;
    exports io.mixai.dsp.filter;
    exports io.mixai.dsp.master;
    exports io.mixai.dsp.reverb;
    exports io.mixai.dsp.spatial;
    exports io.mixai.dsp.spectral;
    exports io.mixai.dsp.utility;

    provides io.mixai.spi.EffectProvider with
            io.mixai.dsp.dynamics.CompressorProvider,
            io.mixai.dsp.dynamics.TruePeakLimiterProvider,
            io.mixai.dsp.filter.ParametricEqProvider,
            io.mixai.dsp.reverb.ConvolutionReverbProvider,
            io.mixai.dsp.reverb.ReverbProvider,
            io.mixai.dsp.spatial.MultibandWidthProvider,
            io.mixai.dsp.spatial.PanProvider,
            io.mixai.dsp.spatial.WidthProvider,
            io.mixai.dsp.utility.DcBlockerProvider,
            io.mixai.dsp.utility.GainProvider,
            io.mixai.dsp.utility.PolarityProvider;

    provides io.mixai.master.MasteringEngine with io.mixai.dsp.master.DefaultMasteringEngine;
}
