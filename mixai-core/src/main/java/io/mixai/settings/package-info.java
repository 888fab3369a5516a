/**
 * Settings as JSON: effect chains ({@link io.mixai.settings.ChainJson}) and the dataset's
 * per-stem metadata ({@link io.mixai.settings.MixMetadata}, {@link io.mixai.settings.MetadataJson}),
 * read strictly with errors that name the JSON path ({@link io.mixai.settings.SettingsException}),
 * and mapped to effect chains ({@link io.mixai.settings.StemSettings#toEffectSpecs()}).
 */
package io.mixai.settings;
