package io.mixai.audio.wav;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link WavWriter} writes. Immutable; build with {@link #builder()}.
 *
 * <ul>
 *   <li>{@code dither} (default on): TPDF dither when writing 8, 16 or 24-bit integers from
 *       float. Turn it off only for audio already on the target grid (then the round trip
 *       file → float → file is bit-exact) or for tests.</li>
 *   <li>{@code ditherSeed} (default {@value #DEFAULT_DITHER_SEED}): the same seed and audio give
 *       the same bytes. Files that will later be summed (stems) should get different seeds, or
 *       their dither noise adds up coherently (+6 dB instead of +3 dB per doubling).</li>
 *   <li>{@code channelMask} (default 0 = mixai chooses: front-centre for mono, front-left|right
 *       for stereo, none for more channels): a non-zero mask forces a WAVE_FORMAT_EXTENSIBLE
 *       header.</li>
 *   <li>{@code rf64WhenNeeded} (default off): reserve room (a 36-byte JUNK chunk) so that a file
 *       outgrowing the 4 GiB RIFF limit is finished as RF64 (EBU Tech 3306) instead of failing.
 *       Off by default so that ordinary files keep the canonical minimal header.</li>
 *   <li>{@code protectedInputs}: paths the writer must never replace, typically the files the
 *       audio was read from; {@code allowOverwriteInput(true)} lifts that protection (for an
 *       explicit in-place edit).</li>
 * </ul>
 */
public final class WavWriteOptions {

    /** The default dither seed (the bytes of "mixai"). */
    public static final long DEFAULT_DITHER_SEED = 0x6D69786169L;

    private static final WavWriteOptions DEFAULTS = builder().build();

    private final boolean dither;
    private final long ditherSeed;
    private final long channelMask;
    private final List<Path> protectedInputs;
    private final boolean allowOverwriteInput;
    private final boolean rf64WhenNeeded;

    private WavWriteOptions(Builder b) {
        this.rf64WhenNeeded = b.rf64WhenNeeded;
        this.dither = b.dither;
        this.ditherSeed = b.ditherSeed;
        this.channelMask = b.channelMask;
        this.protectedInputs = List.copyOf(b.protectedInputs);
        this.allowOverwriteInput = b.allowOverwriteInput;
    }

    /** Dither on with the default seed, automatic channel mask, nothing protected. */
    public static WavWriteOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dither = dither;
        b.ditherSeed = ditherSeed;
        b.channelMask = channelMask;
        b.protectedInputs.addAll(protectedInputs);
        b.allowOverwriteInput = allowOverwriteInput;
        b.rf64WhenNeeded = rf64WhenNeeded;
        return b;
    }

    public boolean dither() {
        return dither;
    }

    public long ditherSeed() {
        return ditherSeed;
    }

    /** The requested channel mask, 0 for automatic. */
    public long channelMask() {
        return channelMask;
    }

    public List<Path> protectedInputs() {
        return protectedInputs;
    }

    public boolean allowOverwriteInput() {
        return allowOverwriteInput;
    }

    public boolean rf64WhenNeeded() {
        return rf64WhenNeeded;
    }

    /** Builds {@link WavWriteOptions}. */
    public static final class Builder {
        private boolean dither = true;
        private long ditherSeed = DEFAULT_DITHER_SEED;
        private long channelMask;
        private final List<Path> protectedInputs = new ArrayList<>();
        private boolean allowOverwriteInput;
        private boolean rf64WhenNeeded;

        private Builder() {
        }

        public Builder dither(boolean on) {
            this.dither = on;
            return this;
        }

        public Builder ditherSeed(long seed) {
            this.ditherSeed = seed;
            return this;
        }

        /**
         * @param mask a WAVE_FORMAT_EXTENSIBLE speaker mask (e.g. 0x3F for 5.1), 0 for automatic
         */
        public Builder channelMask(long mask) {
            if (mask < 0 || mask > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("channel mask must fit in 32 bits, got 0x" + Long.toHexString(mask));
            }
            this.channelMask = mask;
            return this;
        }

        /** Adds paths that must not be overwritten (compared with {@code Files.isSameFile}). */
        public Builder protectedInputs(Collection<Path> inputs) {
            for (Path p : inputs) {
                protectedInput(p);
            }
            return this;
        }

        /** Adds one path that must not be overwritten. */
        public Builder protectedInput(Path input) {
            protectedInputs.add(Objects.requireNonNull(input, "protected input"));
            return this;
        }

        /** Allows the target to be one of the protected inputs (an explicit in-place edit). */
        public Builder allowOverwriteInput(boolean allow) {
            this.allowOverwriteInput = allow;
            return this;
        }

        /** Allows finishing files beyond 4 GiB as RF64 (reserves a JUNK chunk in every file). */
        public Builder rf64WhenNeeded(boolean allow) {
            this.rf64WhenNeeded = allow;
            return this;
        }

        public WavWriteOptions build() {
            return new WavWriteOptions(this);
        }
    }
}
