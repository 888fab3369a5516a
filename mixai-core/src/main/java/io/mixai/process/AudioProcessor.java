package io.mixai.process;

import io.mixai.audio.AudioBlock;

/**
 * The processing contract every effect and chain follows (the JUCE-style three-phase lifecycle).
 *
 * <ol>
 *   <li>{@link #prepare(ProcessSpec)} allocates everything the processor will need.</li>
 *   <li>{@link #process(AudioBlock)} works in place on any block of 0 to
 *       {@code maxBlockFrames} frames with the prepared channel count. It allocates nothing,
 *       takes no locks, logs nothing, and never writes NaN, infinity or denormals. The output
 *       does not depend on how the stream is cut into blocks.</li>
 *   <li>{@link #reset()} clears the signal state (delay lines, envelopes) and keeps the
 *       parameters, so the next block behaves like the first one after prepare.</li>
 * </ol>
 */
public interface AudioProcessor {

    void prepare(ProcessSpec spec);

    void process(AudioBlock block);

    void reset();

    /** Delay in samples between an input sample and the output sample it becomes. */
    default int latencySamples() {
        return 0;
    }

    /**
     * How many samples of output may follow the end of the input (a reverb's decay, a filter's
     * ring-out); offline rendering runs this long on silence to flush it.
     */
    default int tailSamples() {
        return 0;
    }
}
