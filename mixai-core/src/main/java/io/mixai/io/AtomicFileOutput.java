package io.mixai.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file all-or-nothing: bytes go to a temporary file in the target's directory (same
 * file system, so the final rename can be atomic), and {@link #commit()} moves it over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE}, falling back to a replacing move where
 * the file system cannot do that atomically. {@link #abort()} (and {@link #close()} without a
 * commit) deletes the temporary file, leaving any existing target untouched.
 *
 * <pre>{@code
 * try (AtomicFileOutput out = AtomicFileOutput.open(target)) {
 *     write(out.channel());
 *     out.commit();
 * } // an exception before commit() leaves neither target nor temporary file
 * }</pre>
 *
 * Not thread-safe.
 */
public final class AtomicFileOutput implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileOutput.class);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Body of {@link #write(Path, Body)}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private boolean finished;

    private AtomicFileOutput(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
    }

    /**
     * Creates the temporary file for {@code target}. The target's directory must exist.
     *
     * @throws IOException if the temporary file cannot be created
     */
    public static AtomicFileOutput open(Path target) throws IOException {
        Path absolute = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path name = absolute.getFileName();
        if (name == null) {
            throw new IOException(target + ": not a file path");
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(target.toString(), null, "the directory " + dir + " does not exist");
        }
        Path temp = createTempFile(dir, name.toString());
        try {
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.READ);
            return new AtomicFileOutput(absolute, temp, channel);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Creates a new, uniquely named empty file in {@code dir}. Unlike
     * {@link Files#createTempFile}, which makes files readable by their owner only, this keeps
     * the default permissions (the umask), so the published file has the permissions any
     * ordinary new file would have. A dot-prefixed name keeps it out of casual listings.
     */
    private static Path createTempFile(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(RANDOM.nextLong() >>> 1) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes {@code target} with {@code body} atomically: if the body throws, nothing is left
     * behind and the exception propagates.
     */
    public static void write(Path target, Body body) throws IOException {
        try (AtomicFileOutput out = open(target)) {
            OutputStream stream = new java.io.BufferedOutputStream(out.outputStream(), 1 << 16);
            body.writeTo(stream);
            stream.flush();
            out.commit();
        }
    }

    /** The final path (absolute). */
    public Path target() {
        return target;
    }

    /** The temporary file being written. */
    public Path tempFile() {
        return temp;
    }

    /** The channel onto the temporary file (readable and writable, for header patching). */
    public FileChannel channel() {
        return channel;
    }

    /**
     * An unbuffered stream onto {@link #channel()}. Closing it closes the channel; that is
     * harmless, but {@link #commit()} or {@link #abort()} must still be called.
     */
    public OutputStream outputStream() {
        return Channels.newOutputStream(channel);
    }

    /**
     * Flushes the temporary file to storage and moves it over the target.
     *
     * @throws IOException if that fails; the temporary file is then deleted
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + ": output already committed or aborted");
        }
        finished = true;
        try {
            channel.force(false); // data durable before the rename makes it visible
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.debug("{}: atomic move not supported, replacing non-atomically", target);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Discards the output: closes and deletes the temporary file. Never throws; idempotent. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        closeQuietly();
        deleteQuietly(temp);
    }

    /** Whether {@link #commit()} or {@link #abort()} has run. */
    public boolean isFinished() {
        return finished;
    }

    /** {@linkplain #abort() Aborts} unless committed. */
    @Override
    public void close() {
        abort();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("{}: cannot close temporary file {}: {}", target, temp, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete temporary file {}: {}", file, e.toString());
        }
    }
}
