package io.mixai.spi;

import java.util.Objects;

/**
 * A provider that could not be loaded during discovery: its class failed to load or initialise,
 * its constructor threw, or it declared itself inconsistently (no type id, duplicate parameter
 * ids). Discovery keeps going without it.
 *
 * @param provider the provider class name when known, else the text of the service entry
 * @param message what went wrong, in one line
 * @param cause the error that was caught
 */
public record ProviderFailure(String provider, String message, Throwable cause) {

    public ProviderFailure {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }
}
