package io.mixai.testeffects;

/** A provider whose class fails to initialise (ExceptionInInitializerError). */
public final class BrokenStaticInitProvider extends StubProvider {

    private static final int VALUE = fail();

    private static int fail() {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("static initialiser fails on purpose");
        }
        return 0;
    }

    @Override
    public String type() {
        return "broken_static_" + VALUE;
    }
}
