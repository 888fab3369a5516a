package io.mixai.cli;

import static io.mixai.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.SampleFormat;
import io.mixai.dsp.features.NpyArray;
import io.mixai.dsp.features.NpyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {

    private static final int SR = 22050;
    private static final int FRAMES = 22050;

    @TempDir
    Path dir;

    /** Stereo file: a sine of amplitude 0.5 on the left, silence on the right (float, so no dither). */
    private Path sineLeftSilentRight(double frequency) throws IOException {
        float[][] planar = new float[2][FRAMES];
        for (int i = 0; i < FRAMES; i++) {
            planar[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * frequency * i / SR));
        }
        Path wav = dir.resolve("in.wav");
        AudioFile.write(AudioBuffer.wrap(planar, SR), wav, SampleFormat.FLOAT_32);
        return wav;
    }

    @Test
    void writesEveryFeatureInLibrosaShapesForTheDownmix() throws IOException {
        Path wav = sineLeftSilentRight(1000);
        Path out = dir.resolve("features");
        CliRun r = run("features", wav.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        int frames = 1 + FRAMES / 512; // librosa, center=True
        for (String name : FeaturesCommand.FEATURES) {
            assertTrue(Files.isRegularFile(out.resolve(name + ".npy")), name);
        }
        assertArrayEquals(new int[] {1025, frames}, NpyFile.read(out.resolve("stft_mag.npy")).shape());
        assertArrayEquals(new int[] {128, frames}, NpyFile.read(out.resolve("melspectrogram.npy")).shape());
        assertArrayEquals(new int[] {20, frames}, NpyFile.read(out.resolve("mfcc.npy")).shape());
        assertArrayEquals(new int[] {12, frames}, NpyFile.read(out.resolve("chroma_stft.npy")).shape());
        assertArrayEquals(new int[] {frames}, NpyFile.read(out.resolve("onset_strength.npy")).shape());

        // The downmix is the channel mean, so the 0.5 sine becomes 0.25: RMS 0.25/sqrt(2) away from the edges.
        NpyArray rms = NpyFile.read(out.resolve("rms.npy"));
        assertArrayEquals(new int[] {1, frames}, rms.shape());
        assertEquals(0.25 / Math.sqrt(2), rms.get(frames / 2), 2e-3);
        // A 1 kHz tone: centroid near 1 kHz (Hann leakage is symmetric around the tone).
        assertEquals(1000, NpyFile.read(out.resolve("spectral_centroid.npy")).get(frames / 2), 15);
    }

    @Test
    void multichannelKeepsALeadingChannelAxis() throws IOException {
        Path wav = sineLeftSilentRight(440);
        Path out = dir.resolve("multi");
        CliRun r = run("features", "--multichannel", "--n-fft", "1024", "--hop", "256", "--n-mels", "40",
                wav.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        int frames = 1 + FRAMES / 256;
        NpyArray mel = NpyFile.read(out.resolve("melspectrogram.npy"));
        assertArrayEquals(new int[] {2, 40, frames}, mel.shape());
        NpyArray rms = NpyFile.read(out.resolve("rms.npy"));
        assertArrayEquals(new int[] {2, 1, frames}, rms.shape());
        assertEquals(0.5 / Math.sqrt(2), rms.get(frames / 2), 2e-3, "left channel");
        assertEquals(0.0, rms.get(frames + frames / 2), 0.0, "right channel is silent");
    }

    @Test
    void resamplesFirstWhenAskedForAnotherRate() throws IOException {
        Path wav = sineLeftSilentRight(1000);
        Path out = dir.resolve("sr");
        CliRun r = run("features", "--sr", "16000", wav.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        int samples = (int) Math.ceil(FRAMES * 16000.0 / SR);
        assertArrayEquals(new int[] {1, 1 + samples / 512}, NpyFile.read(out.resolve("rms.npy")).shape());
    }

    @Test
    void badParametersAreUsageErrorsAndBadFilesAreInputErrors() throws IOException {
        Path wav = sineLeftSilentRight(1000);
        CliRun badHop = run("features", "--hop", "0", wav.toString(), dir.resolve("x").toString());
        assertEquals(MixaiCli.EXIT_USAGE, badHop.code(), badHop.err());
        assertEquals(1, badHop.err().strip().lines().count(), badHop.err());

        Path notWav = Files.writeString(dir.resolve("notes.wav"), "not audio");
        CliRun bad = run("features", notWav.toString(), dir.resolve("y").toString());
        assertEquals(MixaiCli.EXIT_BAD_INPUT, bad.code(), bad.err());
        assertTrue(bad.err().contains("notes.wav"), bad.err());
        assertTrue(Files.notExists(dir.resolve("y")), "nothing written for a bad input");
    }
}
