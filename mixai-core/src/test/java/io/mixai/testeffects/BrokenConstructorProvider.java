package io.mixai.testeffects;

/** A provider whose constructor throws, as one with a missing native library would. */
public final class BrokenConstructorProvider extends StubProvider {

    public BrokenConstructorProvider() {
        throw new IllegalStateException("constructor fails on purpose");
    }

    @Override
    public String type() {
        return "broken_constructor";
    }
}
