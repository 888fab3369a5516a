/** Analysis: loudness, true peak, spectra and stereo descriptors. */
package io.mixai.dsp.analysis;
