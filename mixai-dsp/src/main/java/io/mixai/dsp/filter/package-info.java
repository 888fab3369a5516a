/**
 * Filters: second-order sections designed after the RBJ Audio EQ Cookbook and realised as
 * topology-preserving-transform state-variable filters (Zavalishin, "The Art of VA Filter
 * Design"), Butterworth cascades, linear-phase FIR design and partitioned FFT convolution, and
 * the parametric EQ effect ({@code eq}) built from them.
 *
 * <p>Coefficients ({@link io.mixai.dsp.filter.BiquadCoefficients}) are immutable values that
 * report their own magnitude response; filter state lives in the processors, apart from them.
 */
package io.mixai.dsp.filter;
