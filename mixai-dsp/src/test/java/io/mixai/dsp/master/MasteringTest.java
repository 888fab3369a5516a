package io.mixai.dsp.master;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mixai.audio.AudioBuffer;
import io.mixai.audio.AudioFile;
import io.mixai.audio.SampleFormat;
import io.mixai.audio.resample.Resampler;
import io.mixai.chain.EffectChain;
import io.mixai.dsp.analysis.LongTermSpectrum;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.SpectrumAnalyzer;
import io.mixai.dsp.analysis.SpectrumDifference;
import io.mixai.master.Mastering;
import io.mixai.master.MasteringResult;
import io.mixai.master.MatchAmounts;
import io.mixai.master.Progress;
import io.mixai.master.Target;
import io.mixai.param.InvalidParameterException;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mastering engine end to end on synthetic programme, every property measured on the
 * audio with meters independent of the engine's own report where it matters (loudness with
 * {@link LoudnessMeter}, true peak by 8x FFT interpolation, tonal distance with a fresh
 * {@link SpectrumAnalyzer}).
 */
class MasteringTest {

    private static final int RATE = 44100;
    private static final EffectRegistry REGISTRY = EffectRegistry.discover();
    private static AudioBuffer music;

    @TempDir
    Path dir;

    @BeforeAll
    static void synthesise() {
        music = SyntheticMusic.stereo(5, RATE, 7);
    }

    private static double integrated(AudioBuffer audio) {
        return LoudnessMeter.measure(audio).integratedLufs().orElseThrow();
    }

    private static double tonalDistance(AudioBuffer a, AudioBuffer b) {
        LongTermSpectrum sa = SpectrumAnalyzer.analyze(a, 3);
        LongTermSpectrum sb = SpectrumAnalyzer.analyze(b, 3);
        return SpectrumDifference.between(sa.bands(), sa.totalDb(), sb.totalDb(), 30, 16000, 0).rmsDb();
    }

    @Test
    void engineIsFoundThroughServiceLoader() {
        assertInstanceOf(DefaultMasteringEngine.class, Mastering.discoverEngine(getClass().getClassLoader()));
    }

    @Test
    void targetModeHitsLoudnessAndCeiling() throws Exception {
        for (Target target : List.of(Target.STREAMING, Target.LOUD_CD)) {
            List<Progress> progress = new ArrayList<>();
            MasteringResult r = Mastering.of(music).target(target).onProgress(progress::add).render();
            AudioBuffer out = r.audio();
            assertEquals(music.frames(), out.frames());
            assertEquals(RATE, out.sampleRate());
            double lufs = integrated(out);
            assertEquals(target.loudnessLufs(), lufs, 0.5, target.name() + " loudness");
            double tp = SyntheticMusic.truePeak8xDbtp(out);
            assertTrue(tp <= target.ceilingDbtp(), target.name() + ": true peak " + tp + " above " + target.ceilingDbtp());
            // Progress is monotone and ends at 1.
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i).fraction() >= progress.get(i - 1).fraction());
            }
            assertEquals(1.0, progress.get(progress.size() - 1).fraction());
        }
    }

    @Test
    void ceilingOptionOverridesThePreset() throws Exception {
        MasteringResult r = Mastering.of(music).target(Target.STREAMING).ceilingDbtp(-3).render();
        assertTrue(SyntheticMusic.truePeak8xDbtp(r.audio()) <= -3.0);
        assertEquals(-14, integrated(r.audio()), 0.5);
    }

    @Test
    void silenceStaysSilentWithAWarning() throws Exception {
        AudioBuffer silence = AudioBuffer.allocate(2, 3 * RATE, RATE);
        MasteringResult r = Mastering.of(silence).target(Target.STREAMING).render();
        for (int c = 0; c < 2; c++) {
            for (float x : r.audio().channel(c)) {
                assertEquals(0f, x);
            }
        }
        assertFalse(r.warnings().isEmpty());
        assertTrue(r.warnings().get(0).contains("no measurable loudness"), r.warnings().toString());
    }

    @Test
    void settingsJsonReRendersBitIdentically() throws Exception {
        MasteringResult r = Mastering.of(music).reference(SyntheticMusic.tilted(music)).render();
        EffectChain chain = ChainJson.read(r.settings().toJson(), REGISTRY);
        AudioBuffer again = chain.render(music);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(r.audio().channel(c), again.channel(c), "channel " + c);
        }
        List<String> types = chain.effects().stream().map(e -> e.type()).toList();
        assertTrue(types.contains("eq") && types.contains("limiter") && types.contains("gain"), types.toString());
    }

    @Test
    void fileToFileRenderEqualsInMemoryRender() throws Exception {
        Path in = dir.resolve("in.wav");
        Path out = dir.resolve("out.wav");
        AudioFile.write(music, in, SampleFormat.FLOAT_32);
        MasteringResult streamed = Mastering.ofFile(in).target(Target.APPLE_MUSIC).render(out, SampleFormat.FLOAT_32);
        MasteringResult memory = Mastering.of(AudioFile.read(in)).target(Target.APPLE_MUSIC).render();
        AudioBuffer written = AudioFile.read(out);
        for (int c = 0; c < 2; c++) {
            assertArrayEquals(memory.audio().channel(c), written.channel(c));
        }
        assertThrows(IllegalStateException.class, streamed::audio);
        assertEquals(-16, integrated(written), 0.5);
    }

    @Test
    void referenceModeRemovesMostOfATonalDifference() throws Exception {
        AudioBuffer coloured = SyntheticMusic.tilted(music);
        double before = tonalDistance(coloured, music);
        MasteringResult r = Mastering.of(coloured).reference(music).match(new MatchAmounts(100, 100, 100, 0)).render();
        double after = tonalDistance(r.audio(), music);
        assertTrue(before > 2, "test pair should differ tonally, distance " + before);
        assertTrue(after <= 0.3 * before, "tonal distance " + before + " -> " + after + " dB");
        assertEquals(integrated(music), integrated(r.audio()), 0.5, "loudness follows the reference");
        assertTrue(SyntheticMusic.truePeak8xDbtp(r.audio()) <= -1.0);
    }

    @Test
    void referenceOfAnotherRateChannelCountAndLevelIsHandled() throws Exception {
        // The reference: the uncoloured music, mono, at 48 kHz, 8 dB quieter.
        AudioBuffer mono = AudioBuffer.allocate(1, music.frames(), RATE);
        for (int i = 0; i < music.frames(); i++) {
            mono.channel(0)[i] = (float) (0.4 * (music.channel(0)[i] + music.channel(1)[i]));
        }
        AudioBuffer reference = Resampler.resample(mono, 48000);
        AudioBuffer coloured = SyntheticMusic.tilted(music);
        MasteringResult r = Mastering.of(coloured).reference(reference).match(new MatchAmounts(100, 100, 100, 0))
                .render();
        assertEquals(2, r.audio().channelCount());
        assertEquals(RATE, r.audio().sampleRate());
        assertEquals(integrated(reference), integrated(r.audio()), 0.5);
        assertTrue(r.tonalDistanceAfterDb() < 0.5 * r.tonalDistanceBeforeDb(),
                r.tonalDistanceBeforeDb() + " -> " + r.tonalDistanceAfterDb());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("resampled from 48000")), r.notes().toString());
    }

    @Test
    void monoStaysMonoAndDualMonoStaysIdentical() throws Exception {
        AudioBuffer mono = AudioBuffer.wrap(new float[][] {music.channel(0).clone()}, RATE);
        MasteringResult m = Mastering.of(mono).target(Target.STREAMING).widthPercent(150).render();
        assertEquals(1, m.audio().channelCount());
        assertEquals(-14, integrated(m.audio()), 0.5);

        AudioBuffer dual = AudioBuffer.wrap(new float[][] {music.channel(0).clone(), music.channel(0).clone()}, RATE);
        MasteringResult d = Mastering.of(dual).target(Target.STREAMING).widthPercent(150).brightnessDb(2).render();
        assertArrayEquals(d.audio().channel(0), d.audio().channel(1), "dual mono must stay exactly dual mono");
    }

    @Test
    void widthNeverTurnsTheImageAntiPhase() throws Exception {
        MasteringResult r = Mastering.of(music).target(Target.STREAMING).widthPercent(150).render();
        LongTermSpectrum s = SpectrumAnalyzer.analyze(r.audio(), 3);
        assertTrue(s.broadbandCorrelation() > 0, "correlation " + s.broadbandCorrelation());
        for (int b = 0; b < s.bandCount(); b++) {
            assertTrue(s.sideDb(b) <= s.midDb(b) + 0.5, "side above mid at " + s.centres()[b] + " Hz");
        }
    }

    @Test
    void optionsAreCheckedWhenSet() {
        Mastering m = Mastering.of(music);
        assertThrows(InvalidParameterException.class, () -> m.ceilingDbtp(0.5));
        assertThrows(InvalidParameterException.class, () -> m.targetLufs(-3));
        assertThrows(InvalidParameterException.class, () -> m.widthPercent(300));
        assertThrows(InvalidParameterException.class, () -> MatchAmounts.parse("tonal=120", MatchAmounts.FULL));
        assertThrows(InvalidParameterException.class, () -> Target.preset("nonesuch"));
        assertEquals(new MatchAmounts(50, 100, 0, 100), MatchAmounts.parse("tonal=50,width=0%", MatchAmounts.FULL));
    }

    @Test
    void reportIsSelfContainedAndComplete() throws Exception {
        MasteringResult r = Mastering.of(SyntheticMusic.tilted(music)).reference(music).render();
        String html = r.report().toHtml();
        assertTrue(html.contains("<svg"));
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"));
        assertFalse(html.contains("https://") || html.contains("<script") || html.contains("<link"));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.report().toJson());
        assertEquals(r.after().integratedLufs() - r.targetLufs(), json.get("loudness_error_lu").asDouble(), 1e-3);
        assertTrue(json.get("gain_reduction_db").get("values").size() >= 40); // 100 ms steps over 5 s
        assertEquals("eq", json.get("settings").get("effects").get(1).get("type").asText());
        assertTrue(json.get("before").get("short_term_lufs").get("values").size() >= 4);
        // The applied EQ curve in the report is the response of the eq settings in the chain.
        var eq = json.get("eq_curve");
        assertEquals(json.get("before").get("spectrum_third_octave").get("centres_hz").size(), eq.get("applied_db").size());
        var bands = json.get("settings").get("effects").get(1).get("params");
        int at1k = -1;
        for (int i = 0; i < eq.get("centres_hz").size(); i++) {
            if (Math.abs(eq.get("centres_hz").get(i).asDouble() - 1000) < 1) {
                at1k = i;
            }
        }
        double sum = 0;
        for (int b = 1; b <= 8; b++) {
            String type = bands.get("band" + b + "_type").asText();
            double f = bands.get("band" + b + "_freq_hz").asDouble();
            double g = bands.get("band" + b + "_gain_db").asDouble();
            double q = bands.get("band" + b + "_q").asDouble();
            sum += switch (type) {
                case "peak" -> io.mixai.dsp.filter.BiquadCoefficients.peak(RATE, f, q, g).magnitudeDb(1000);
                case "low_shelf" -> io.mixai.dsp.filter.BiquadCoefficients.lowShelf(RATE, f, q, g).magnitudeDb(1000);
                case "high_shelf" -> io.mixai.dsp.filter.BiquadCoefficients.highShelf(RATE, f, q, g).magnitudeDb(1000);
                default -> 0;
            };
        }
        assertEquals(sum, eq.get("applied_db").get(at1k).asDouble(), 0.02);
        assertTrue(html.contains("EQ: wanted and applied"));
    }

    @Test
    void referenceWeightsDecideWhichReferenceCounts() throws Exception {
        AudioBuffer coloured = SyntheticMusic.tilted(music);
        MatchAmounts tonalOnly = new MatchAmounts(100, 0, 0, 0);
        MasteringResult towardsPlain = Mastering.of(coloured).reference(music, 9).reference(coloured, 1)
                .match(tonalOnly).render();
        MasteringResult towardsColoured = Mastering.of(coloured).reference(music, 1).reference(coloured, 9)
                .match(tonalOnly).render();
        double plainFirst = tonalDistance(towardsPlain.audio(), music);
        double colouredFirst = tonalDistance(towardsColoured.audio(), music);
        assertTrue(plainFirst < 0.5 * colouredFirst, plainFirst + " vs " + colouredFirst);
    }

    @Test
    void nearSilenceIsLiftedAtMost24LuWithAWarning() throws Exception {
        AudioBuffer quiet = music.copy();
        for (int c = 0; c < 2; c++) {
            float[] x = quiet.channel(c);
            for (int i = 0; i < x.length; i++) {
                x[i] *= 1e-2f; // -40 dB: about -60 LUFS, still above the -70 LUFS gate
            }
        }
        double in = integrated(quiet);
        MasteringResult r = Mastering.of(quiet).target(Target.STREAMING).render();
        assertEquals(in + 24, integrated(r.audio()), 0.5);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("at most +24 LU")), r.warnings().toString());
    }
}
