/**
 * Streaming RIFF WAVE reading and writing: PCM 8 (unsigned), 16, 24 and 32-bit, IEEE float 32
 * and 64-bit, {@code WAVE_FORMAT_EXTENSIBLE}; RF64/BW64 for reading, and RF64 for writing files
 * beyond 4 GiB when asked to.
 *
 * <p>Sources: Microsoft "Multimedia Programming Interface and Data Specifications 1.0" (1991,
 * RIFF and the WAVE fmt/data/fact chunks); Microsoft "Multiple Channel Audio Data and WAVE
 * Files" (WAVE_FORMAT_EXTENSIBLE, channel masks, valid bits); EBU Tech 3306 (RF64) and
 * ITU-R BS.2088 (BW64, same ds64 layout). Sample conversion conventions are on
 * {@link io.mixai.audio.SampleFormat}.
 */
package io.mixai.audio.wav;
