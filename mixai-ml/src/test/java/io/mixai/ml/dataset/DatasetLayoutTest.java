package io.mixai.ml.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLayoutTest {

    @TempDir
    Path data;

    @Test
    void listsSongsInNameOrderAndFindsMissingStems() throws IOException {
        DatasetLayout layout = DatasetLayout.at(data);
        for (String song : List.of("zeta", "alpha")) {
            Files.createDirectories(layout.songDir(song));
        }
        Files.writeString(layout.tracksDir().resolve("stray.txt"), "not a song");
        Files.write(layout.stemFile("alpha", Stem.VOCALS), new byte[0]);
        Files.write(layout.stemFile("alpha", Stem.BASS), new byte[0]);

        assertEquals(List.of("alpha", "zeta"), layout.songs());
        assertEquals(List.of(Stem.DRUMS, Stem.OTHER), layout.missingStems("alpha"));
        assertEquals(data.resolve("raw/metadata/alpha_metadata.json"), layout.metadataFile("alpha"));
        assertEquals(data.resolve("raw/tracks/alpha/mix.wav"), layout.mixFile("alpha"));
        assertEquals(data.resolve("processed/features"), layout.featuresDir());
    }

    @Test
    void rejectsSongNamesThatEscapeTheLayout() {
        DatasetLayout layout = DatasetLayout.at(data);
        assertThrows(IllegalArgumentException.class, () -> layout.songDir("../etc"));
        assertThrows(IllegalArgumentException.class, () -> layout.songDir(".."));
        assertThrows(IOException.class, layout::songs);
    }
}
