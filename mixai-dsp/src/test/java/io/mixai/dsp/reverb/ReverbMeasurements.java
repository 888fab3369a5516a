package io.mixai.dsp.reverb;

/** Room-acoustics measurements on impulse responses, written for the tests from ISO 3382-1. */
final class ReverbMeasurements {

    private ReverbMeasurements() {
    }

    /**
     * Reverberation time from the Schroeder energy decay curve (backward integration of the
     * squared impulse response, summed over channels): a least-squares line through the EDC
     * between {@code fromDb} and {@code toDb} (e.g. -5 and -35 for T30), extrapolated to 60 dB.
     */
    static double reverberationTime(double[][] impulseResponse, int sampleRate, double fromDb, double toDb) {
        int frames = impulseResponse[0].length;
        double[] edc = new double[frames];
        double running = 0;
        for (int n = frames - 1; n >= 0; n--) {
            for (double[] channel : impulseResponse) {
                running += channel[n] * channel[n];
            }
            edc[n] = running;
        }
        double total = edc[0];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int count = 0;
        for (int n = 0; n < frames; n++) {
            double db = 10 * Math.log10(edc[n] / total);
            if (db <= fromDb && db >= toDb) {
                double t = n / (double) sampleRate;
                sx += t;
                sy += db;
                sxx += t * t;
                sxy += t * db;
                count++;
            }
        }
        if (count < 10) {
            throw new AssertionError("the decay curve does not span " + fromDb + " to " + toDb + " dB");
        }
        double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
        return -60.0 / slope;
    }

    /** Filters each channel with an RBJ cookbook band-pass (0 dB peak gain) at {@code centreHz}. */
    static double[][] bandPass(double[][] signal, int sampleRate, double centreHz, double q) {
        double w0 = 2 * Math.PI * centreHz / sampleRate;
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        double b0 = alpha / a0;
        double b2 = -alpha / a0;
        double a1 = -2 * Math.cos(w0) / a0;
        double a2 = (1 - alpha) / a0;
        double[][] out = new double[signal.length][];
        for (int c = 0; c < signal.length; c++) {
            double[] x = signal[c];
            double[] y = new double[x.length];
            double x1 = 0;
            double x2 = 0;
            double y1 = 0;
            double y2 = 0;
            for (int n = 0; n < x.length; n++) {
                y[n] = b0 * x[n] + b2 * x2 - a1 * y1 - a2 * y2;
                x2 = x1;
                x1 = x[n];
                y2 = y1;
                y1 = y[n];
            }
            out[c] = y;
        }
        return out;
    }

    static double[][] toDouble(float[][] audio) {
        double[][] out = new double[audio.length][];
        for (int c = 0; c < audio.length; c++) {
            out[c] = new double[audio[c].length];
            for (int n = 0; n < audio[c].length; n++) {
                out[c][n] = audio[c][n];
            }
        }
        return out;
    }
}
