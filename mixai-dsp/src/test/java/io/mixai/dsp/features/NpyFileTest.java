package io.mixai.dsp.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {

    @Test
    void float32RoundTripIsBitExactWithNumpysHeader(@TempDir Path dir) throws IOException {
        float[] data = {1.5f, -0f, Float.MIN_VALUE, 3.4e38f, 7f, 8f};
        Path file = dir.resolve("a.npy");
        NpyFile.write(file, NpyArray.ofFloat32(data, 2, 3));
        byte[] bytes = Files.readAllBytes(file);
        String header = new String(bytes, 10, bytes.length - 10 - 24, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.strip());
        assertEquals(0, (bytes.length - 24) % 64, "data starts on a 64-byte boundary");
        assertEquals('\n', header.charAt(header.length() - 1));
        assertEquals(1, bytes[6]); // version 1.0
        NpyArray back = NpyFile.read(file);
        assertArrayEquals(new int[] {2, 3}, back.shape());
        for (int i = 0; i < data.length; i++) {
            assertEquals(Float.floatToRawIntBits(data[i]), Float.floatToRawIntBits(back.float32()[i]));
        }
    }

    @Test
    void float64AndOneDimensionalShapes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFile.write(out, NpyArray.ofFloat64(new double[] {Math.PI, -2}, 2));
        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("'descr': '<f8'") && text.contains("'shape': (2,)"), text);
        NpyArray back = NpyFile.read(new ByteArrayInputStream(out.toByteArray()), "mem");
        assertArrayEquals(new double[] {Math.PI, -2}, back.float64());
        assertArrayEquals(new int[] {2}, back.shape());
    }

    @Test
    void nestedArraysAreStoredRowMajor() {
        NpyArray m = NpyArray.ofFloat32(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, m.float32());
        NpyArray c = NpyArray.ofFloat32(new float[][][] {{{1, 2}}, {{3, 4}}});
        assertArrayEquals(new int[] {2, 1, 2}, c.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, c.float32());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofFloat32(new float[][] {{1, 2}, {3}}));
    }

    @Test
    void fortranOrderedFilesAreReadIntoCOrder() throws IOException {
        // numpy.save of a transposed (2, 3) array: column-major data 1 4 2 5 3 6 for [[1 2 3] [4 5 6]].
        String dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
        int headerLength = 128 - 10;
        ByteBuffer b = ByteBuffer.allocate(128 + 24).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) headerLength);
        b.put((dict + " ".repeat(headerLength - dict.length() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
        for (float v : new float[] {1, 4, 2, 5, 3, 6}) {
            b.putFloat(v);
        }
        NpyArray a = NpyFile.read(new ByteArrayInputStream(b.array()), "f.npy");
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.float32());
    }

    @Test
    void readsLibrosasFiles() {
        NpyArray mfcc = LibrosaReferenceTest.read("short_22050_mono_default", "mfcc");
        assertArrayEquals(new int[] {20, 2}, mfcc.shape());
        NpyArray centroid = LibrosaReferenceTest.read("short_22050_mono_default", "spectral_centroid");
        assertEquals("<f8", centroid.descr());
    }

    @Test
    void rejectsTruncatedAndForeignFiles() {
        assertThrows(IOException.class, () -> NpyFile.read(new ByteArrayInputStream("hello world".getBytes(StandardCharsets.US_ASCII)), "x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            NpyFile.write(out, NpyArray.ofFloat32(new float[100], 10, 10));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        byte[] cut = java.util.Arrays.copyOf(out.toByteArray(), out.size() - 4);
        IOException e = assertThrows(IOException.class, () -> NpyFile.read(new ByteArrayInputStream(cut), "cut.npy"));
        assertTrue(e.getMessage().startsWith("cut.npy"), e.getMessage());
    }
}
