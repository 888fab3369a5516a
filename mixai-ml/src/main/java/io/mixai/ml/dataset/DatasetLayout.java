package io.mixai.ml.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The on-disk layout of a mixai dataset, rooted at a {@code data} directory:
 *
 * <pre>
 * data/raw/tracks/&lt;song&gt;/{vocals,drums,bass,other,mix}.wav
 * data/raw/metadata/&lt;song&gt;_metadata.json
 * data/processed/features/
 * data/processed/models/
 * </pre>
 *
 * This class only resolves and lists paths; it reads no audio.
 */
public final class DatasetLayout {

    private final Path root;

    private DatasetLayout(Path root) {
        this.root = root;
    }

    /** A layout rooted at {@code dataDir} (the directory that holds {@code raw/} and {@code processed/}). */
    public static DatasetLayout at(Path dataDir) {
        return new DatasetLayout(Objects.requireNonNull(dataDir, "dataDir"));
    }

    public Path root() {
        return root;
    }

    public Path tracksDir() {
        return root.resolve("raw").resolve("tracks");
    }

    public Path metadataDir() {
        return root.resolve("raw").resolve("metadata");
    }

    public Path featuresDir() {
        return root.resolve("processed").resolve("features");
    }

    public Path modelsDir() {
        return root.resolve("processed").resolve("models");
    }

    public Path songDir(String song) {
        return tracksDir().resolve(checkSongName(song));
    }

    public Path stemFile(String song, Stem stem) {
        return songDir(song).resolve(stem.fileStem() + ".wav");
    }

    /** The engineered mix of the song's stems. */
    public Path mixFile(String song) {
        return songDir(song).resolve("mix.wav");
    }

    public Path metadataFile(String song) {
        return metadataDir().resolve(checkSongName(song) + "_metadata.json");
    }

    /**
     * The songs present: every directory under {@code raw/tracks}, sorted by name so that every
     * run sees them in the same order.
     *
     * @throws IOException if {@code raw/tracks} is missing or unreadable
     */
    public List<String> songs() throws IOException {
        Path tracks = tracksDir();
        if (!Files.isDirectory(tracks)) {
            throw new IOException(tracks + ": not a directory; a dataset keeps its songs in raw/tracks/<song>/");
        }
        List<String> songs = new ArrayList<>();
        try (Stream<Path> entries = Files.list(tracks)) {
            entries.filter(Files::isDirectory).forEach(p -> songs.add(p.getFileName().toString()));
        }
        songs.sort(null);
        return songs;
    }

    /** The stems of a song that are missing on disk, in stem order (empty when complete). */
    public List<Stem> missingStems(String song) {
        List<Stem> missing = new ArrayList<>();
        for (Stem stem : Stem.values()) {
            if (!Files.isRegularFile(stemFile(song, stem))) {
                missing.add(stem);
            }
        }
        return missing;
    }

    private static String checkSongName(String song) {
        Objects.requireNonNull(song, "song");
        if (song.isEmpty() || song.contains("/") || song.contains("\\") || song.equals(".") || song.equals("..")) {
            throw new IllegalArgumentException("invalid song name '" + song + "': it must be a single directory name");
        }
        return song;
    }
}
