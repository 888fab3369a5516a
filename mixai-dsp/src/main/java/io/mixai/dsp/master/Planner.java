package io.mixai.dsp.master;

import io.mixai.chain.EffectSpec;
import io.mixai.dsp.analysis.FractionalOctaveBands;
import io.mixai.dsp.analysis.LongTermSpectrum;
import io.mixai.master.Preferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns measurements into effect settings, one aspect at a time. Every limit is a named
 * constant with the reason for its value.
 */
final class Planner {

    /** Largest boost the tonal match may ask for: more sounds like an effect, not a master. */
    static final double MAX_BOOST_DB = 6;
    /** Largest cut the tonal match may ask for. */
    static final double MAX_CUT_DB = 8;
    /** Bands more than this far below the track's loudest band get no boost (the track barely has them). */
    static final double BARELY_THERE_DB = 50;
    /** ... with the boost limit fading in over this many dB above that. */
    static final double BARELY_THERE_FADE_DB = 10;
    /** The range where the spectra are compared and the fit is weighted fully. */
    static final double MATCH_LOW_HZ = 30;
    static final double MATCH_HIGH_HZ = 16000;
    /** Above MATCH_HIGH_HZ boosts are limited further: air-band boosts mostly lift noise and hiss. */
    static final double AIR_BOOST_DB = 3;
    /** Crossovers of the per-band width: below 150 Hz the bass must stay centred for vinyl, mono and club systems. */
    static final double WIDTH_LOW_CROSSOVER_HZ = 150;
    static final double WIDTH_HIGH_CROSSOVER_HZ = 4000;
    /** Width changes are kept within these side-gain factors (about -6 dB .. +3.5 dB of side). */
    static final double MIN_SIDE_GAIN = 0.5;
    static final double MAX_SIDE_GAIN = 1.5;
    /** Most crest reduction the compressor is asked for; beyond it compression audibly pumps. */
    static final double MAX_COMPRESSION_DB = 6;
    /** Deepest threshold below the programme's loud end (99th percentile of 10 ms levels). */
    static final double MAX_THRESHOLD_DEPTH_DB = 24;

    private Planner() {
    }

    /** The tonal plan: the curve wanted and the {@code eq} fitted to it. */
    record Tonal(double[] centres, double[] desiredDb, double[] fittedDb, EffectSpec eq) {
    }

    /**
     * The desired EQ curve: in reference mode, the smoothed, limited difference between the
     * references' and the track's normalised spectra times the tonal amount; plus the
     * brightness tilt and warmth of the preferences.
     *
     * @param trackDb     the track's band levels (mid, or total when either side is mono)
     * @param referenceDb the references' combined band levels on the same bands, or null
     */
    static Tonal tonal(FractionalOctaveBands bands, double[] trackDb, double[] referenceDb, double amount,
            Preferences prefs, int sampleRate, List<String> notes) {
        int n = bands.count();
        double[] centres = bands.centres();
        double[] desired = new double[n];
        if (referenceDb != null && amount > 0) {
            double[] diff = new double[n];
            double mean = 0;
            int used = 0;
            for (int b = 0; b < n; b++) {
                diff[b] = referenceDb[b] - trackDb[b];
                if (centres[b] >= MATCH_LOW_HZ && centres[b] <= MATCH_HIGH_HZ) {
                    mean += diff[b];
                    used++;
                }
            }
            mean /= Math.max(1, used);
            for (int b = 0; b < n; b++) {
                diff[b] -= mean; // loudness normalisation: only the shape matters here
            }
            double[] smooth = smooth(smooth(diff));
            double[] trackSmooth = smooth(trackDb);
            double loudest = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < n; b++) {
                if (centres[b] >= MATCH_LOW_HZ && centres[b] <= MATCH_HIGH_HZ) {
                    loudest = Math.max(loudest, trackSmooth[b]);
                }
            }
            int limited = 0;
            for (int b = 0; b < n; b++) {
                double want = smooth[b] * amount;
                double boostLimit = MAX_BOOST_DB;
                double below = loudest - trackSmooth[b];
                boostLimit *= clamp((BARELY_THERE_DB - below) / BARELY_THERE_FADE_DB, 0, 1);
                if (centres[b] < MATCH_LOW_HZ) {
                    boostLimit = 0;
                } else if (centres[b] > MATCH_HIGH_HZ) {
                    boostLimit = Math.min(boostLimit, AIR_BOOST_DB);
                }
                double limitedWant = clamp(want, -MAX_CUT_DB, boostLimit);
                if (limitedWant != want) {
                    limited++;
                }
                desired[b] = limitedWant;
            }
            notes.add(String.format(Locale.ROOT, "tonal match at %.0f %%: difference to the references smoothed over "
                    + "about 2/3 octave, limited to +%.0f/-%.0f dB (%d of %d bands hit a limit)",
                    amount * 100, MAX_BOOST_DB, MAX_CUT_DB, limited, n));
        }
        if (prefs.brightnessDb() != 0 || prefs.warmthDb() != 0) {
            for (int b = 0; b < n; b++) {
                double f = centres[b];
                desired[b] += prefs.brightnessDb() * Math.log10(f / 1000.0);
                desired[b] += prefs.warmthDb() / (1 + Math.pow(f / 150.0, 2));
            }
            notes.add(String.format(Locale.ROOT, "preferences: tilt %+.1f dB/decade about 1 kHz, warmth %+.1f dB below "
                    + "150 Hz", prefs.brightnessDb(), prefs.warmthDb()));
        }
        double[] weights = new double[n];
        double limitHz = 0.45 * sampleRate;
        for (int b = 0; b < n; b++) {
            boolean inRange = centres[b] >= MATCH_LOW_HZ && centres[b] <= MATCH_HIGH_HZ;
            weights[b] = centres[b] > limitHz ? 0 : inRange ? 1 : 0.3;
        }
        double[] gains = EqFitter.fit(centres, desired, weights, sampleRate);
        EffectSpec eq = EqFitter.spec(gains);
        return new Tonal(centres, desired, EqFitter.response(gains, centres, sampleRate), eq);
    }

    /** [1/4, 1/2, 1/4] over neighbouring 1/3-octave bands (edges repeat). */
    static double[] smooth(double[] v) {
        int n = v.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double left = v[Math.max(0, i - 1)];
            double right = v[Math.min(n - 1, i + 1)];
            s[i] = 0.25 * left + 0.5 * v[i] + 0.25 * right;
        }
        return s;
    }

    /** Side-to-mid power ratios summed over the three width bands: low, mid, high. */
    static double[] widthBands(LongTermSpectrum s) {
        double[] side = new double[3];
        double[] mid = new double[3];
        double[] centres = s.centres();
        double[] midDb = s.midDb();
        double[] sideDb = s.sideDb();
        for (int b = 0; b < centres.length; b++) {
            int group = centres[b] < WIDTH_LOW_CROSSOVER_HZ ? 0 : centres[b] < WIDTH_HIGH_CROSSOVER_HZ ? 1 : 2;
            mid[group] += Math.pow(10, midDb[b] / 10);
            side[group] += Math.pow(10, sideDb[b] / 10);
        }
        double[] ratio = new double[3];
        for (int g = 0; g < 3; g++) {
            ratio[g] = mid[g] > 0 ? side[g] / mid[g] : 0;
        }
        return ratio;
    }

    /**
     * The {@code multiband_width} spec: side gains per band towards the references' side-to-mid
     * ratios (by {@code amount}; null ratios for none), times the width preference above the low
     * band. Bass is never widened, and the side may never exceed the mid (which would make
     * the channels anti-correlated).
     */
    static EffectSpec width(double[] trackRatio, double[] referenceRatio, double amount, Preferences prefs,
            List<String> notes) {
        double[] gain = {1, 1, 1};
        String[] names = {"low", "mid", "high"};
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < 3; g++) {
            double k = 1;
            if (referenceRatio != null && amount > 0 && trackRatio[g] > 1e-6 && referenceRatio[g] > 0) {
                k = Math.pow(Math.sqrt(referenceRatio[g] / trackRatio[g]), amount);
            }
            if (g > 0) {
                k *= prefs.widthPercent() / 100;
            }
            double max = g == 0 ? 1 : MAX_SIDE_GAIN;
            if (trackRatio[g] > 0) {
                max = Math.min(max, 1 / Math.sqrt(trackRatio[g])); // side power at most mid power
            }
            gain[g] = clamp(k, MIN_SIDE_GAIN, Math.max(MIN_SIDE_GAIN, max));
            gain[g] = Math.rint(gain[g] * 1000) / 1000;
            text.append(String.format(Locale.ROOT, "%s%s %.0f %%", g == 0 ? "" : ", ", names[g], gain[g] * 100));
        }
        notes.add("stereo width (side level per band, mid untouched): " + text);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("low_width_percent", Math.rint(gain[0] * 1000) / 10);
        p.put("mid_width_percent", Math.rint(gain[1] * 1000) / 10);
        p.put("high_width_percent", Math.rint(gain[2] * 1000) / 10);
        p.put("low_crossover_hz", WIDTH_LOW_CROSSOVER_HZ);
        p.put("high_crossover_hz", WIDTH_HIGH_CROSSOVER_HZ);
        return new EffectSpec("multiband_width", p);
    }

    /** A compressor plan and the average level it is predicted to take away. */
    record Compression(EffectSpec compressor, double predictedLevelLossDb) {
    }

    /**
     * A gentle bus compressor (RMS detection, 30 ms attack, 200 ms release, 6 dB knee, linked)
     * whose threshold is chosen, from the level distribution, so that its static curve lowers
     * the crest by {@code crestReductionDb}; null when that is negligible.
     */
    static Compression compression(LevelHistogram levels, double crestReductionDb, List<String> notes) {
        double wanted = Math.min(MAX_COMPRESSION_DB, crestReductionDb);
        if (!(wanted >= 0.3) || levels.windows() == 0) {
            notes.add("no compressor: pure limiting (crest reduction asked for "
                    + String.format(Locale.ROOT, "%.1f dB)", Math.max(0, crestReductionDb)));
            return null;
        }
        double ratio = clamp(1.5 + wanted / 2, 1.5, 4);
        double knee = 6;
        double loud = levels.percentileDb(0.99);
        // The threshold stays within 24 dB of the loud end: lower would compress everything,
        // quiet passages included, which levels the music rather than controlling its peaks.
        double lo = loud - MAX_THRESHOLD_DEPTH_DB;
        double hi = loud;
        for (int i = 0; i < 40; i++) { // predicted reduction falls as the threshold rises
            double mid = (lo + hi) / 2;
            if (levels.predictedCrestReductionDb(mid, ratio, knee) > wanted) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double threshold = clamp(Math.rint((lo + hi) / 2 * 10) / 10, -60, 0);
        double achieved = levels.predictedCrestReductionDb(threshold, ratio, knee);
        double levelLoss = LevelHistogram.reductionDb(loud, threshold, ratio, knee) - achieved;
        notes.add(String.format(Locale.ROOT, "compressor ahead of the limiter: %.1f dB crest reduction asked, threshold "
                + "%.1f dBFS, ratio %.2f (static prediction %.1f dB)", wanted, threshold, ratio, achieved));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("threshold_db", threshold);
        p.put("ratio", Math.rint(ratio * 100) / 100);
        p.put("knee_db", knee);
        p.put("attack_ms", 30.0);
        p.put("release_ms", 200.0);
        p.put("makeup_db", 0.0);
        p.put("auto_makeup", false);
        p.put("detection", "rms");
        p.put("stereo_link_percent", 100.0);
        p.put("lookahead_ms", 0.0);
        return new Compression(new EffectSpec("compressor", p), levelLoss);
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
