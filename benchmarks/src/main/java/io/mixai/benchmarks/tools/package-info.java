/**
 * Small command-line programs that {@code benchmarks/compare-tools.sh} times against other
 * tools; they do one job the way the SDK's streaming API is meant to be used.
 */
package io.mixai.benchmarks.tools;
