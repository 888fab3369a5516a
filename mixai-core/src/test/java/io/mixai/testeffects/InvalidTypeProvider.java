package io.mixai.testeffects;

/** A provider that loads but declares an id that is not lower_snake_case. */
public final class InvalidTypeProvider extends StubProvider {

    @Override
    public String type() {
        return "Not-A-Valid-Id";
    }
}
