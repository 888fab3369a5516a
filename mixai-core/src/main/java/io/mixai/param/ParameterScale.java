package io.mixai.param;

/** How a parameter's range maps to the normalised 0..1 range used by models and user interfaces. */
public enum ParameterScale {
    /** Equal steps in value are equal steps in 0..1. */
    LINEAR,
    /** Equal ratios in value are equal steps in 0..1 (frequencies, times); the range must be positive. */
    LOGARITHMIC
}
