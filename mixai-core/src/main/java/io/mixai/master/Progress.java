package io.mixai.master;

/**
 * Where a render is.
 *
 * @param stage    what is running ({@code "analysis"}, {@code "render 1"}, ...)
 * @param fraction overall completion estimate in [0, 1], never decreasing
 */
public record Progress(String stage, double fraction) {
}
