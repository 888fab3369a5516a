package io.mixai.dsp.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy {@code .npy} files (format version 1.0 on writing; 1.0, 2.0 and 3.0 on
 * reading) holding little-endian float32 or float64 arrays in C order: what
 * {@code numpy.save} writes for a contiguous {@code float32}/{@code float64} array and what
 * {@code numpy.load(..., allow_pickle=False)} reads.
 *
 * <p>Format: the NumPy "NEP 1" specification
 * (numpy.org/doc/stable/reference/generated/numpy.lib.format.html): the magic
 * {@code \x93NUMPY}, two version bytes, a little-endian header length, then an ASCII Python dict
 * literal padded with spaces and a newline so that the data starts at a multiple of 64 bytes
 * (numpy's own alignment).
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFile() {
    }

    /**
     * Writes the array to {@code file} atomically: into a temporary file in the same directory,
     * then moved into place, so a reader never sees a half-written file.
     */
    public static void write(Path file, NpyArray array) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out, array);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes the array in {@code .npy} format 1.0 to the stream (which is not closed). */
    public static void write(OutputStream out, NpyArray array) throws IOException {
        out.write(header(array));
        int itemSize = array.float32() != null ? 4 : 8;
        ByteBuffer chunk = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < array.size(); i++) {
            if (chunk.remaining() < itemSize) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            if (itemSize == 4) {
                chunk.putFloat(array.float32()[i]);
            } else {
                chunk.putDouble(array.float64()[i]);
            }
        }
        out.write(chunk.array(), 0, chunk.position());
    }

    private static byte[] header(NpyArray array) {
        StringBuilder shape = new StringBuilder("(");
        int[] dims = array.shape();
        for (int i = 0; i < dims.length; i++) {
            shape.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        if (dims.length == 1) {
            shape.append(',');
        }
        shape.append(')');
        StringBuilder dict = new StringBuilder("{'descr': '").append(array.descr())
                .append("', 'fortran_order': False, 'shape': ").append(shape).append(", }");
        int total = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padded = (total + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        dict.append(" ".repeat(padded - total)).append('\n');
        int headerLength = dict.length();
        if (headerLength > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long for format 1.0: " + headerLength);
        }
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength);
        b.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Reads a float32 or float64, little-endian, C-ordered {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads one array from the stream; {@code name} is used in error messages. */
    public static NpyArray read(InputStream in, String name) throws IOException {
        byte[] prefix = readFully(in, MAGIC.length + 2, name);
        for (int i = 0; i < MAGIC.length; i++) {
            if (prefix[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy file (bad magic)");
            }
        }
        int major = prefix[MAGIC.length];
        int headerLength;
        if (major == 1) {
            ByteBuffer b = ByteBuffer.wrap(readFully(in, 2, name)).order(ByteOrder.LITTLE_ENDIAN);
            headerLength = Short.toUnsignedInt(b.getShort());
        } else if (major == 2 || major == 3) {
            ByteBuffer b = ByteBuffer.wrap(readFully(in, 4, name)).order(ByteOrder.LITTLE_ENDIAN);
            headerLength = b.getInt();
            if (headerLength < 0 || headerLength > 1 << 20) {
                throw new IOException(name + ": implausible npy header length " + headerLength);
            }
        } else {
            throw new IOException(name + ": unsupported npy format version " + major);
        }
        String header = new String(readFully(in, headerLength, name),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", name);
        boolean fortran = "True".equals(group(FORTRAN, header, "fortran_order", name));
        int[] shape = parseShape(group(SHAPE, header, "shape", name), name);
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new IOException(name + ": array too large (" + size + " values)");
        }
        int n = (int) size;
        switch (descr) {
            case "<f4": {
                ByteBuffer b = ByteBuffer.wrap(readFully(in, Math.multiplyExact(n, 4), name)).order(ByteOrder.LITTLE_ENDIAN);
                float[] data = new float[n];
                b.asFloatBuffer().get(data);
                NpyArray a = NpyArray.ofFloat32(data, shape);
                return fortran ? toCOrder(a) : a;
            }
            case "<f8": {
                ByteBuffer b = ByteBuffer.wrap(readFully(in, Math.multiplyExact(n, 8), name)).order(ByteOrder.LITTLE_ENDIAN);
                double[] data = new double[n];
                b.asDoubleBuffer().get(data);
                NpyArray a = NpyArray.ofFloat64(data, shape);
                return fortran ? toCOrder(a) : a;
            }
            default:
                throw new IOException(name + ": unsupported dtype '" + descr + "' (only <f4 and <f8)");
        }
    }

    /**
     * Reorders Fortran-ordered (column-major) data into C order. numpy saves a transposed
     * array this way, for example librosa's {@code (channels, n)} view of soundfile's
     * {@code (n, channels)} buffer.
     */
    private static NpyArray toCOrder(NpyArray fortranData) {
        int[] shape = fortranData.shape();
        int rank = shape.length;
        int n = fortranData.size();
        // Fortran strides: the first axis varies fastest.
        int[] fStride = new int[rank];
        int stride = 1;
        for (int d = 0; d < rank; d++) {
            fStride[d] = stride;
            stride *= shape[d];
        }
        int[] index = new int[rank];
        float[] f32 = fortranData.float32() != null ? new float[n] : null;
        double[] f64 = f32 == null ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            int src = 0;
            for (int d = 0; d < rank; d++) {
                src += index[d] * fStride[d];
            }
            if (f32 != null) {
                f32[i] = fortranData.float32()[src];
            } else {
                f64[i] = fortranData.float64()[src];
            }
            for (int d = rank - 1; d >= 0; d--) { // advance the C-order index, last axis fastest
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return f32 != null ? NpyArray.ofFloat32(f32, shape) : NpyArray.ofFloat64(f64, shape);
    }

    private static String group(Pattern pattern, String header, String key, String name) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(name + ": npy header has no valid '" + key + "': " + header.strip());
        }
        return m.group(1);
    }

    private static int[] parseShape(String text, String name) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            if (t.isEmpty()) {
                continue;
            }
            try {
                int d = Integer.parseInt(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
                if (d < 0) {
                    throw new NumberFormatException();
                }
                dims.add(d);
            } catch (NumberFormatException e) {
                throw new IOException(name + ": bad npy shape (" + text + ")", e);
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] readFully(InputStream in, int n, String name) throws IOException {
        if (n <= 1 << 24) {
            byte[] b = in.readNBytes(n);
            if (b.length != n) {
                throw new IOException(name + ": truncated npy file (wanted " + n + " bytes, got " + b.length + ")");
            }
            return b;
        }
        // Large payloads: read in chunks so a lying header cannot make us allocate up front.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        int left = n;
        while (left > 0) {
            int r = in.read(chunk, 0, Math.min(chunk.length, left));
            if (r < 0) {
                throw new IOException(name + ": truncated npy file (" + left + " bytes missing)");
            }
            out.write(chunk, 0, r);
            left -= r;
        }
        return out.toByteArray();
    }
}
