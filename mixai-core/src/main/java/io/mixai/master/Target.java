package io.mixai.master;

import io.mixai.param.InvalidParameterException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A delivery target: integrated loudness (ITU-R BS.1770-4, LUFS) and a true-peak ceiling
 * (dBTP). The presets are named after published targets; each says where its numbers come from.
 *
 * @param name        preset name (lower_snake_case) or {@code "custom"}
 * @param loudnessLufs integrated loudness to reach, in [-40, -5] LUFS
 * @param ceilingDbtp true-peak ceiling, in [-20, 0] dBTP
 * @param source      where the numbers come from
 */
public record Target(String name, double loudnessLufs, double ceilingDbtp, String source) {

    /** Lowest and highest loudness a target may ask for. */
    public static final double MIN_LUFS = -40;
    public static final double MAX_LUFS = -5;
    /** Lowest and highest ceiling (the limiter's range). */
    public static final double MIN_CEILING_DBTP = -20;
    public static final double MAX_CEILING_DBTP = 0;

    /**
     * Streaming services: -14 LUFS, -1 dBTP. Spotify normalises playback to -14 LUFS and asks
     * for masters to peak at -1 dBTP or lower because lossy encoding raises peaks (Spotify for
     * Artists, "Loudness normalization"); YouTube and Tidal normalise to about the same level.
     */
    public static final Target STREAMING = new Target("streaming", -14, -1,
            "Spotify for Artists loudness normalization: -14 LUFS playback level, -1 dBTP for lossy encoding");

    /**
     * Apple Music: -16 LUFS, -1 dBTP. Sound Check normalises to about -16 LUFS, and Apple's
     * "Apple Digital Masters" (formerly Mastered for iTunes) guidance asks for -1 dBTP headroom
     * for AAC encoding.
     */
    public static final Target APPLE_MUSIC = new Target("apple_music", -16, -1,
            "Apple Music Sound Check level -16 LUFS; Apple Digital Masters guidance -1 dBTP");

    /** Broadcast, Europe: EBU R 128 (2020): programme loudness -23 LUFS, maximum true peak -1 dBTP. */
    public static final Target EBU_R128 = new Target("ebu_r128", -23, -1,
            "EBU R 128 (2020): -23 LUFS programme loudness, -1 dBTP maximum true-peak level");

    /**
     * Broadcast, US: ATSC A/85:2013: -24 LKFS target loudness (LKFS = LUFS) and true peak at
     * most -2 dBTP.
     */
    public static final Target ATSC_A85 = new Target("atsc_a85", -24, -2,
            "ATSC A/85:2013 recommended practice: -24 LKFS, true peak at most -2 dBTP");

    /** Podcasts: Apple Podcasts' specification, -16 LKFS (±1 dB) and true peak no higher than -1 dBFS. */
    public static final Target PODCAST = new Target("podcast", -16, -1,
            "Apple Podcasts audio requirements: -16 LKFS +-1 dB, true peak not above -1 dBFS");

    /**
     * Loud club / CD masters: -9 LUFS, -0.3 dBTP. No standard sets this; it is what loud pop,
     * rock and dance masters for CD and club play measure (commonly -10 to -7 LUFS). The -0.3 dBTP
     * ceiling is the usual margin for PCM delivery, which is not re-encoded; use
     * {@link #STREAMING} for anything that will go through a lossy codec.
     */
    public static final Target LOUD_CD = new Target("loud_cd", -9, -0.3,
            "No standard: typical loud CD/club masters measure -10..-7 LUFS; -0.3 dBTP is the usual PCM-delivery margin");

    /** The presets, in the order the CLI lists them. */
    public static final List<Target> PRESETS = List.of(STREAMING, APPLE_MUSIC, EBU_R128, ATSC_A85, PODCAST, LOUD_CD);

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        checkLoudness(loudnessLufs);
        checkCeiling(ceilingDbtp);
    }

    /** A custom target. */
    public static Target of(double loudnessLufs, double ceilingDbtp) {
        return new Target("custom", loudnessLufs, ceilingDbtp, "custom");
    }

    /** This target with another ceiling. */
    public Target withCeiling(double ceilingDbtp) {
        return new Target(name, loudnessLufs, ceilingDbtp, source);
    }

    /** This target with another loudness (it becomes a custom target). */
    public Target withLoudness(double loudnessLufs) {
        return new Target("custom", loudnessLufs, ceilingDbtp, "custom");
    }

    /**
     * The preset of that name (case-insensitive; '-' and '_' are the same).
     *
     * @throws InvalidParameterException listing the preset names when there is none
     */
    public static Target preset(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Target t : PRESETS) {
            if (t.name.equals(key)) {
                return t;
            }
        }
        throw new InvalidParameterException("mastering", "preset", "unknown preset '" + name + "'; one of "
                + PRESETS.stream().map(Target::name).toList());
    }

    static double checkLoudness(double lufs) {
        if (!(lufs >= MIN_LUFS && lufs <= MAX_LUFS)) {
            throw new InvalidParameterException("mastering", "target_lufs", "must be in [" + MIN_LUFS + ", "
                    + MAX_LUFS + "] LUFS, got " + lufs);
        }
        return lufs;
    }

    static double checkCeiling(double dbtp) {
        if (!(dbtp >= MIN_CEILING_DBTP && dbtp <= MAX_CEILING_DBTP)) {
            throw new InvalidParameterException("mastering", "ceiling_dbtp", "must be in [" + MIN_CEILING_DBTP
                    + ", " + MAX_CEILING_DBTP + "] dBTP, got " + dbtp);
        }
        return dbtp;
    }
}
