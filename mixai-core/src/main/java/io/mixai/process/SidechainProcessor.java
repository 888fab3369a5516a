package io.mixai.process;

import io.mixai.audio.AudioBlock;

/**
 * A processor whose behaviour can be keyed by a second signal (a compressor ducking music under
 * a voice). Without a sidechain it behaves as a plain {@link AudioProcessor}.
 */
public interface SidechainProcessor extends AudioProcessor {

    /**
     * Processes {@code main} in place, detecting on {@code sidechain}, which has the same frame
     * count and any channel count up to the prepared one.
     */
    void process(AudioBlock main, AudioBlock sidechain);
}
