package io.mixai.dsp.analysis;

/**
 * Peak-to-loudness descriptors of a master's dynamics, as pure functions of measurements made
 * elsewhere (true peak and loudness per ITU-R BS.1770-4 / EBU R 128).
 *
 * <ul>
 *   <li>PLR, peak-to-loudness ratio: true peak (dBTP) minus integrated loudness (LUFS), in dB
 *       (EBU R 128 s1 / AES TD1004 usage; a typical heavily limited master reads 8-10 dB).</li>
 *   <li>PSR, peak-to-short-term-loudness ratio: true peak minus short-term loudness (3 s
 *       window), in dB; computed per short-term window it tracks how "squashed" each passage is.</li>
 * </ul>
 */
public final class DynamicsDescriptors {

    private DynamicsDescriptors() {
    }

    /**
     * Peak-to-loudness ratio in dB.
     *
     * @throws IllegalArgumentException if either value is not finite (silence has no PLR)
     */
    public static double plr(double truePeakDbtp, double integratedLufs) {
        requireFinite("truePeakDbtp", truePeakDbtp);
        requireFinite("integratedLufs", integratedLufs);
        return truePeakDbtp - integratedLufs;
    }

    /**
     * Peak-to-short-term-loudness ratio in dB.
     *
     * @throws IllegalArgumentException if either value is not finite
     */
    public static double psr(double truePeakDbtp, double shortTermLufs) {
        requireFinite("truePeakDbtp", truePeakDbtp);
        requireFinite("shortTermLufs", shortTermLufs);
        return truePeakDbtp - shortTermLufs;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite level in dB, got " + value);
        }
    }
}
