package io.mixai.process;

/**
 * What a processor is prepared for: the sample rate, the largest block it will be handed and
 * the channel count. {@link AudioProcessor#prepare(ProcessSpec)} allocates for this spec;
 * processing never allocates afterwards.
 */
public record ProcessSpec(int sampleRate, int maxBlockFrames, int channels) {

    public ProcessSpec {
        if (sampleRate < 1) {
            throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        }
        if (maxBlockFrames < 1) {
            throw new IllegalArgumentException("maxBlockFrames must be positive, got " + maxBlockFrames);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive, got " + channels);
        }
    }
}
