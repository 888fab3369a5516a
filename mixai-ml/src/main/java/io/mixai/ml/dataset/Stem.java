package io.mixai.ml.dataset;

import java.util.Locale;

/** The four stems of the dataset layout, named as their files are ({@code vocals.wav}, ...). */
public enum Stem {
    VOCALS, DRUMS, BASS, OTHER;

    /** The name used for the stem's file and its key in the metadata JSON. */
    public String fileStem() {
        return name().toLowerCase(Locale.ROOT);
    }
}
