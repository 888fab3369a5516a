/** mixai core: audio buffers, WAV I/O, resampling, the processing and effect SPIs. */
module io.mixai.core {
    requires transitive java.desktop; // javax.sound.sampled.AudioInputStream in the public API
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports io.mixai;
    exports io.mixai.audio;
    exports io.mixai.audio.resample;
    exports io.mixai.audio.wav;
    exports io.mixai.chain;
    exports io.mixai.io;
    exports io.mixai.master;
    exports io.mixai.param;
    exports io.mixai.process;
    exports io.mixai.settings;
    exports io.mixai.spi;

    uses io.mixai.spi.EffectProvider;
    uses io.mixai.master.MasteringEngine;
}
