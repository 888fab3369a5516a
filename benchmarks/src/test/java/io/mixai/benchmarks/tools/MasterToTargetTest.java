package io.mixai.benchmarks.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.wav.WavReader;
import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.audio.wav.WavWriter;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.LoudnessResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterToTargetTest {

    @TempDir
    Path dir;

    /** A quiet sine comes out at the target loudness, measured again by the BS.1770-4 meter. */
    @Test
    void quietSineIsRaisedToTheTargetLoudness() throws Exception {
        int rate = 48_000;
        int frames = 4 * rate;
        float[][] audio = new float[2][frames];
        for (int i = 0; i < frames; i++) {
            audio[0][i] = audio[1][i] = (float) (0.01 * Math.sin(2 * Math.PI * 997 * i / rate));
        }
        Path in = dir.resolve("in.wav");
        try (WavWriter w = WavWriter.create(in, rate, 2, SampleFormat.FLOAT_32, WavWriteOptions.defaults())) {
            w.write(audio, 0, frames);
        }
        Path out = dir.resolve("out.wav");
        MasterToTarget.main(new String[] {in.toString(), out.toString(), "-16", "-1"});

        float[][] y = new float[2][frames];
        try (WavReader r = WavReader.open(out)) {
            assertEquals(frames, r.frames());
            r.read(y, 0, frames);
        }
        LoudnessResult result = LoudnessMeter.measure(AudioBuffer.wrap(y, rate));
        assertEquals(-16.0, result.integratedLufs().orElseThrow(), 0.05);
        assertTrue(result.truePeakDbtp().orElseThrow() <= -1.0, "true peak " + result.truePeakDbtp());
    }
}
