package io.mixai.dsp.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * A C-ordered (row-major) array of float32 or float64 values with a NumPy shape, as stored in a
 * {@code .npy} file. Exactly one of {@link #float32()} and {@link #float64()} is non-null.
 */
public final class NpyArray {

    private final int[] shape;
    private final float[] float32;
    private final double[] float64;

    private NpyArray(int[] shape, float[] float32, double[] float64) {
        this.shape = shape.clone();
        long size = 1;
        for (int d : this.shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        int length = float32 != null ? float32.length : float64.length;
        if (size != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values but the data has " + length);
        }
        this.float32 = float32;
        this.float64 = float64;
    }

    /** Wraps float32 data (not copied) with the given shape. */
    public static NpyArray ofFloat32(float[] data, int... shape) {
        return new NpyArray(shape, Objects.requireNonNull(data, "data"), null);
    }

    /** Wraps float64 data (not copied) with the given shape. */
    public static NpyArray ofFloat64(double[] data, int... shape) {
        return new NpyArray(shape, null, Objects.requireNonNull(data, "data"));
    }

    /** A {@code (rows, columns)} float32 array from {@code matrix[row][column]} (copied). */
    public static NpyArray ofFloat32(float[][] matrix) {
        int rows = matrix.length;
        int cols = rows == 0 ? 0 : matrix[0].length;
        return ofFloat32(flatten(matrix, rows, cols, new float[Math.multiplyExact(rows, cols)], 0), rows, cols);
    }

    /** A {@code (channels, rows, columns)} float32 array from {@code cube[channel][row][column]} (copied). */
    public static NpyArray ofFloat32(float[][][] cube) {
        int rows = cube.length == 0 ? 0 : cube[0].length;
        int cols = rows == 0 ? 0 : cube[0][0].length;
        float[] data = new float[Math.multiplyExact(cube.length, Math.multiplyExact(rows, cols))];
        for (int c = 0; c < cube.length; c++) {
            flatten(cube[c], rows, cols, data, c * rows * cols);
        }
        return ofFloat32(data, cube.length, rows, cols);
    }

    private static float[] flatten(float[][] matrix, int rows, int cols, float[] into, int offset) {
        if (matrix.length != rows) {
            throw new IllegalArgumentException("ragged array: " + matrix.length + " rows, expected " + rows);
        }
        for (int r = 0; r < rows; r++) {
            if (matrix[r].length != cols) {
                throw new IllegalArgumentException("ragged array: row of " + matrix[r].length + ", expected " + cols);
            }
            System.arraycopy(matrix[r], 0, into, offset + r * cols, cols);
        }
        return into;
    }

    /** The same data with another shape of the same size. */
    public NpyArray reshape(int... newShape) {
        return float32 != null ? new NpyArray(newShape, float32, null) : new NpyArray(newShape, null, float64);
    }

    public int[] shape() {
        return shape.clone();
    }

    /** NumPy's {@code descr}: {@code "<f4"} or {@code "<f8"}. */
    public String descr() {
        return float32 != null ? "<f4" : "<f8";
    }

    public int size() {
        return float32 != null ? float32.length : float64.length;
    }

    /** The float32 data (live), or null for a float64 array. */
    public float[] float32() {
        return float32;
    }

    /** The float64 data (live), or null for a float32 array. */
    public double[] float64() {
        return float64;
    }

    /** Element {@code i} of the flat C-ordered data, as a double whatever the dtype. */
    public double get(int i) {
        return float32 != null ? float32[i] : float64[i];
    }

    @Override
    public String toString() {
        return "NpyArray[" + descr() + " " + Arrays.toString(shape) + "]";
    }
}
