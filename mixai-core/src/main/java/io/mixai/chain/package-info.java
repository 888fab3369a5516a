/**
 * Effect chains: {@link io.mixai.chain.EffectChain} runs effects found by type id in order as
 * one processor and renders buffers offline with latency compensation;
 * {@link io.mixai.chain.EffectSpec} describes one effect as settings write it.
 */
package io.mixai.chain;
