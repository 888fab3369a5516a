package io.mixai.dsp.analysis;

import java.util.Arrays;

/**
 * A contiguous run of fractional-octave bands (1/b octave, b in 1, 2, 3, 6, 12, 24) with
 * base-2 centre frequencies after IEC 61260-1:2014, section 5.2 and 5.4, reference 1000 Hz:
 *
 * <ul>
 *   <li>odd b: {@code f_c = 1000 * 2^(x / b)} (so 1000 Hz is a centre),</li>
 *   <li>even b: {@code f_c = 1000 * 2^((2x + 1) / (2b))} (1000 Hz is a band edge),</li>
 *   <li>edges: {@code f_c * 2^(-1/(2b))} and {@code f_c * 2^(+1/(2b))}, so neighbouring bands
 *       share an edge and the bands tile the range without gaps.</li>
 * </ul>
 *
 * <p>Base 2 rather than base 10 because it makes every band exactly 1/b octave wide and
 * the 1/1, 1/3, 1/6 ... grids nest by powers of two; exact centres differ from the nominal
 * labels (the "20 Hz" 1/3-octave band is centred at 19.686 Hz). Immutable.
 */
public final class FractionalOctaveBands {

    /** Reference frequency of the band grid (IEC 61260-1). */
    public static final double REFERENCE_HZ = 1000.0;

    private final int bandsPerOctave;
    private final int firstIndex;
    private final double[] centres;
    private final double[] lowerEdges;
    private final double[] upperEdges;

    private FractionalOctaveBands(int bandsPerOctave, int firstIndex, int count) {
        this.bandsPerOctave = bandsPerOctave;
        this.firstIndex = firstIndex;
        this.centres = new double[count];
        this.lowerEdges = new double[count];
        this.upperEdges = new double[count];
        double halfBand = Math.pow(2.0, 1.0 / (2.0 * bandsPerOctave));
        for (int i = 0; i < count; i++) {
            double centre = centreOf(bandsPerOctave, firstIndex + i);
            centres[i] = centre;
            lowerEdges[i] = centre / halfBand;
            upperEdges[i] = centre * halfBand;
        }
    }

    /**
     * The bands from the one containing {@code lowHz} to the one containing {@code highHz},
     * without any band whose upper edge lies above the Nyquist frequency (such a band could
     * not be measured whole).
     *
     * @throws IllegalArgumentException if b is not one of 1, 2, 3, 6, 12, 24, the range is
     *     empty or not positive, or no band fits below Nyquist
     */
    public static FractionalOctaveBands covering(int bandsPerOctave, double lowHz, double highHz,
            double sampleRate) {
        checkFraction(bandsPerOctave);
        if (!(lowHz > 0) || !(highHz >= lowHz) || !Double.isFinite(highHz)) {
            throw new IllegalArgumentException("band range must satisfy 0 < lowHz <= highHz, got "
                    + lowHz + " .. " + highHz + " Hz");
        }
        if (!(sampleRate > 0) || !Double.isFinite(sampleRate)) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        int first = indexContaining(bandsPerOctave, lowHz);
        int last = indexContaining(bandsPerOctave, highHz);
        double nyquist = sampleRate / 2;
        double halfBand = Math.pow(2.0, 1.0 / (2.0 * bandsPerOctave));
        while (last >= first && centreOf(bandsPerOctave, last) * halfBand > nyquist) {
            last--;
        }
        if (last < first) {
            throw new IllegalArgumentException("no 1/" + bandsPerOctave + "-octave band from "
                    + lowHz + " Hz fits below the Nyquist frequency " + nyquist + " Hz");
        }
        return new FractionalOctaveBands(bandsPerOctave, first, last - first + 1);
    }

    /** The audio range: from the band containing 20 Hz to the one containing 20 kHz (or Nyquist). */
    public static FractionalOctaveBands audioRange(int bandsPerOctave, double sampleRate) {
        return covering(bandsPerOctave, 20.0, 20_000.0, sampleRate);
    }

    /** Exact centre frequency of band index {@code x} (x = 0 is the band at or just above 1 kHz). */
    public static double centreOf(int bandsPerOctave, int x) {
        checkFraction(bandsPerOctave);
        double exponent = (bandsPerOctave % 2 == 1)
                ? x / (double) bandsPerOctave
                : (2.0 * x + 1.0) / (2.0 * bandsPerOctave);
        return REFERENCE_HZ * Math.pow(2.0, exponent);
    }

    /** The index x of the band whose edges enclose {@code hz} (the upper one on an exact edge). */
    static int indexContaining(int bandsPerOctave, double hz) {
        double octaves = Math.log(hz / REFERENCE_HZ) / Math.log(2.0) * bandsPerOctave;
        int x = (bandsPerOctave % 2 == 1) ? (int) Math.floor(octaves + 0.5) : (int) Math.floor(octaves);
        // Guard against log rounding right at an edge: step until the edges really enclose hz.
        double halfBand = Math.pow(2.0, 1.0 / (2.0 * bandsPerOctave));
        while (centreOf(bandsPerOctave, x) / halfBand > hz) {
            x--;
        }
        while (centreOf(bandsPerOctave, x) * halfBand <= hz) {
            x++;
        }
        return x;
    }

    private static void checkFraction(int bandsPerOctave) {
        switch (bandsPerOctave) {
            case 1, 2, 3, 6, 12, 24 -> { }
            default -> throw new IllegalArgumentException(
                    "bands per octave must be one of 1, 2, 3, 6, 12, 24, got " + bandsPerOctave);
        }
    }

    /** b in "1/b octave". */
    public int bandsPerOctave() {
        return bandsPerOctave;
    }

    /** The grid index x of the first band (see {@link #centreOf(int, int)}). */
    public int firstIndex() {
        return firstIndex;
    }

    public int count() {
        return centres.length;
    }

    public double centre(int band) {
        return centres[band];
    }

    public double lowerEdge(int band) {
        return lowerEdges[band];
    }

    public double upperEdge(int band) {
        return upperEdges[band];
    }

    /** A copy of all band centres in Hz, lowest first. */
    public double[] centres() {
        return centres.clone();
    }

    /** A copy of all lower band edges in Hz. */
    public double[] lowerEdges() {
        return lowerEdges.clone();
    }

    /** A copy of all upper band edges in Hz. */
    public double[] upperEdges() {
        return upperEdges.clone();
    }

    /** Index of the band whose edges enclose {@code hz}, or -1 if none does. */
    public int bandContaining(double hz) {
        if (!(hz > 0)) {
            return -1;
        }
        int band = indexContaining(bandsPerOctave, hz) - firstIndex;
        return band >= 0 && band < centres.length ? band : -1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FractionalOctaveBands that
                && bandsPerOctave == that.bandsPerOctave
                && firstIndex == that.firstIndex
                && centres.length == that.centres.length;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * bandsPerOctave + firstIndex) + centres.length;
    }

    @Override
    public String toString() {
        return "1/" + bandsPerOctave + "-octave bands " + Arrays.toString(new double[] {
            centres[0], centres[centres.length - 1]}) + " Hz (" + centres.length + " bands)";
    }
}
