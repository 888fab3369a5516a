package io.mixai.dsp.master;

import io.mixai.dsp.analysis.LongTermSpectrum;
import io.mixai.master.ReferenceTrack;
import java.util.List;
import java.util.Locale;

/**
 * What the references have in common, weighted: loudness, PLR, the normalised tonal balance
 * (each reference's band levels minus their own mean over the match range, so a loud and a
 * quiet reference count by their shape only), and the per-band side-to-mid ratio of the stereo
 * ones (a mono reference says nothing about width).
 */
record ReferenceProfile(double loudnessLufs, double plrDb, double[] midDb, double[] totalDb, boolean stereo,
        double[] widthRatios) {

    static ReferenceProfile of(List<ProgrammeAnalyzer.Analysis> refs, List<ReferenceTrack> tracks, int trackChannels,
            List<String> notes) {
        int n = refs.get(0).spectrum().bandCount();
        double[] mid = new double[n];
        double[] total = new double[n];
        double[] ratios = new double[3];
        double weightSum = 0;
        double loudness = 0;
        double loudnessWeight = 0;
        double plr = 0;
        double plrWeight = 0;
        double stereoWeight = 0;
        for (int i = 0; i < refs.size(); i++) {
            ProgrammeAnalyzer.Analysis a = refs.get(i);
            double w = tracks.get(i).weight();
            LongTermSpectrum s = a.spectrum();
            addNormalised(mid, s.midDb(), s.centres(), w);
            addNormalised(total, s.totalDb(), s.centres(), w);
            weightSum += w;
            double lufs = a.measurements().integratedLufs();
            if (Double.isFinite(lufs)) {
                loudness += w * lufs;
                loudnessWeight += w;
                double p = a.measurements().peakToLoudnessRatioDb();
                if (Double.isFinite(p)) {
                    plr += w * p;
                    plrWeight += w;
                }
            }
            if (s.channels() == 2) {
                double[] r = Planner.widthBands(s);
                for (int g = 0; g < 3; g++) {
                    ratios[g] += w * r[g];
                }
                stereoWeight += w;
            } else if (trackChannels == 2) {
                notes.add("reference " + tracks.get(i).label() + " is mono: it counts for tonal balance, loudness and "
                        + "dynamics, not for width");
            }
            notes.add(String.format(Locale.ROOT, "reference %s (weight %.2f): %.2f LUFS, PLR %.1f dB",
                    tracks.get(i).label(), w, lufs, a.measurements().peakToLoudnessRatioDb()));
        }
        for (int b = 0; b < n; b++) {
            mid[b] /= weightSum;
            total[b] /= weightSum;
        }
        for (int g = 0; g < 3 && stereoWeight > 0; g++) {
            ratios[g] /= stereoWeight;
        }
        return new ReferenceProfile(loudnessWeight > 0 ? loudness / loudnessWeight : Double.NaN,
                plrWeight > 0 ? plr / plrWeight : Double.NaN, mid, total, stereoWeight > 0,
                stereoWeight > 0 ? ratios : null);
    }

    private static void addNormalised(double[] sum, double[] levels, double[] centres, double weight) {
        double mean = 0;
        int used = 0;
        for (int b = 0; b < levels.length; b++) {
            if (centres[b] >= Planner.MATCH_LOW_HZ && centres[b] <= Planner.MATCH_HIGH_HZ) {
                mean += levels[b];
                used++;
            }
        }
        mean /= Math.max(1, used);
        for (int b = 0; b < levels.length; b++) {
            sum[b] += weight * (levels[b] - mean);
        }
    }
}
