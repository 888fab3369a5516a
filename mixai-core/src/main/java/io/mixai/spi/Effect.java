package io.mixai.spi;

import io.mixai.param.ParameterSet;
import io.mixai.process.AudioProcessor;

/** An audio processor created by an {@link EffectProvider}, with readable and replaceable parameters. */
public interface Effect extends AudioProcessor {

    /** The type id of the provider that made it. */
    String type();

    /** The current parameter snapshot. */
    ParameterSet parameters();

    /**
     * Replaces the parameters. Safe to call from another thread than the audio thread: the new
     * snapshot takes effect at the start of the next block. A change that alters latency
     * (look-ahead, linear phase) takes effect only at the next {@link #prepare}.
     *
     * @throws io.mixai.param.InvalidParameterException if the set is for another effect type
     */
    void setParameters(ParameterSet parameters);
}
