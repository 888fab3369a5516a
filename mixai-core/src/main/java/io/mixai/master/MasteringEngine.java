package io.mixai.master;

import java.io.IOException;

/**
 * Does the work behind {@link Mastering}: analyses, plans an effect chain, renders and
 * measures. Implementations are found with {@link java.util.ServiceLoader} (declare them in
 * {@code META-INF/services/io.mixai.master.MasteringEngine} and with
 * {@code provides io.mixai.master.MasteringEngine with ...}); mixai-dsp provides the default.
 *
 * <p>Contract: the result's {@link MasteringResult#settings() settings}, rendered through the
 * request's registry with {@link io.mixai.chain.EffectChain#render}, give the result's audio bit
 * for bit (for finite input: non-finite samples are mastered as silence, as the WAV reader
 * delivers them); memory stays bounded independent of the input's length when the input and
 * output are files.
 */
public interface MasteringEngine {

    /** A short name for logs and reports. */
    String name();

    /**
     * Masters according to the request.
     *
     * @throws IOException for unreadable inputs ({@link io.mixai.audio.AudioFileException}) or output failures
     */
    MasteringResult master(MasteringRequest request) throws IOException;
}
