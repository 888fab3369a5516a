/** mixai DSP: effect processors, loudness and spectral analysis, librosa-compatible features. */
module io.mixai.dsp {
    requires transitive io.mixai.core;
    requires org.slf4j;
    requires JTransforms;
    requires JLargeArrays;

    exports io.mixai.dsp.analysis;
    exports io.mixai.dsp.spectral;
}
