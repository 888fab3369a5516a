package io.mixai.master;

/**
 * The tonal decision of a master: per 1/3-octave band, the EQ response that was wanted (the
 * limited reference difference plus the preferences) and the response of the {@code eq}
 * settings fitted to it, both in dB.
 */
public record EqCurve(double[] centresHz, double[] desiredDb, double[] appliedDb) {

    public EqCurve {
        centresHz = centresHz.clone();
        desiredDb = desiredDb.clone();
        appliedDb = appliedDb.clone();
        if (desiredDb.length != centresHz.length || appliedDb.length != centresHz.length) {
            throw new IllegalArgumentException("curve arrays differ in length");
        }
    }

    @Override
    public double[] centresHz() {
        return centresHz.clone();
    }

    @Override
    public double[] desiredDb() {
        return desiredDb.clone();
    }

    @Override
    public double[] appliedDb() {
        return appliedDb.clone();
    }
}
