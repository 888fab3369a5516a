/**
 * Analysis: the ITU-R BS.1770-4 / EBU R 128 loudness meter (momentary, short-term, integrated,
 * loudness range), the true-peak meter and its oversampling interpolator, the channel weights
 * that connect a file's channel layout to the meter, the fractional-octave long-term spectrum of
 * mid and side with per-band stereo width and correlation, tonal distance between spectra, and
 * dynamics descriptors: crest factor, PLR, PSR and loudness over time.
 *
 * <p>Every meter streams: it is fed blocks of any size, keeps memory that does not grow with the
 * length of the programme, and gives bit-identical results however the stream is cut into
 * blocks. Values that cannot be measured (silence, a programme shorter than a measurement
 * window) are {@link java.util.OptionalDouble#empty() empty}, never NaN or infinity.
 *
 * <p>Primary sources: ITU-R BS.1770-4 (2015), EBU Tech 3341 (2016), EBU Tech 3342 (2016),
 * IEC 61260-1 (2014) for the band grid.
 */
package io.mixai.dsp.analysis;
