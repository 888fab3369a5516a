package io.mixai.cli;

import io.mixai.audio.SampleFormat;
import io.mixai.param.InvalidParameterException;

/** The {@code --bits} option of the rendering commands: 16, 24 (TPDF-dithered) or 32f. */
final class SampleFormats {

    private SampleFormats() {
    }

    static SampleFormat parseBits(String command, String bits) {
        return switch (bits.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "16" -> SampleFormat.PCM_16;
            case "24" -> SampleFormat.PCM_24;
            case "32f", "32float", "float" -> SampleFormat.FLOAT_32;
            default -> throw new InvalidParameterException(command, "bits", "expected 16, 24 or 32f, got '" + bits + "'");
        };
    }
}
