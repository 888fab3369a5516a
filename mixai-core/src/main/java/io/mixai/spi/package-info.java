/**
 * The effect service-provider interface: {@link io.mixai.spi.EffectProvider} creates
 * {@link io.mixai.spi.Effect}s of one type id, and {@link io.mixai.spi.EffectRegistry} finds
 * providers with {@link java.util.ServiceLoader}, containing broken ones and reporting duplicates.
 */
package io.mixai.spi;
