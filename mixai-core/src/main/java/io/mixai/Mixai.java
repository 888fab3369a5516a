package io.mixai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build of mixai. */
public final class Mixai {

    private static final String VERSION = loadVersion();

    private Mixai() {
    }

    /** The version of mixai, e.g. {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Mixai.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mixai's version.properties", e);
        }
    }
}
