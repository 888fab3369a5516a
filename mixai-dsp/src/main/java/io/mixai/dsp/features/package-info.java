/**
 * Audio features that reproduce librosa 0.11.0 numerically (STFT magnitude, mel spectrogram,
 * {@code power_to_db}, MFCC, spectral centroid/bandwidth/rolloff/flatness, RMS, zero-crossing
 * rate, chroma with tuning estimation, onset strength), so that a model trained in Python on
 * librosa features runs in Java unchanged; plus a NumPy {@code .npy} reader and writer.
 *
 * <p>Arrays use librosa's axis order: {@code [row][frame]} (for example {@code [mel][frame]}),
 * with a leading channel index for multichannel input. Every class documents the librosa
 * function it matches. Conventions that matter (zero centre padding, periodic Hann window,
 * Slaney mel scale and area normalisation, global {@code top_db}, float32 rounding points) are
 * described where they are implemented.
 *
 * <p>Extractor objects ({@link io.mixai.dsp.features.Stft},
 * {@link io.mixai.dsp.features.FeatureExtractor}) keep preallocated per-frame buffers and are
 * therefore not thread-safe: use one per thread.
 */
package io.mixai.dsp.features;
