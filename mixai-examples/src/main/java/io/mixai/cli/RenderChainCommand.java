package io.mixai.cli;

import io.mixai.audio.wav.WavWriteOptions;
import io.mixai.chain.ChainRenderer;
import io.mixai.chain.EffectChain;
import io.mixai.settings.ChainJson;
import io.mixai.spi.EffectRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mixai render-chain IN.wav SETTINGS.json OUT.wav}: renders a WAV file through a saved
 * effect chain (e.g. the settings {@code mixai master} wrote), streaming, latency-compensated,
 * atomically and never over the input. With the same {@code --bits} it reproduces the master's
 * output file bit for bit.
 */
@Command(name = "render-chain", mixinStandardHelpOptions = true,
        description = "Render a WAV file through a saved effect chain (JSON settings).",
        footer = {"", "Exit codes: 0 ok, 2 usage error, 3 unreadable input or invalid settings, 1 other failure."})
public final class RenderChainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.wav", description = "The audio to render.")
    Path input;

    @Parameters(index = "1", paramLabel = "SETTINGS.json", description = "The chain (mixai_chain JSON).")
    Path settings;

    @Parameters(index = "2", paramLabel = "OUT.wav", description = "Where to write the result.")
    Path output;

    @Option(names = "--bits", paramLabel = "16|24|32f", defaultValue = "24",
            description = "Output sample format (16 and 24 are TPDF-dithered). Default: ${DEFAULT-VALUE}.")
    String bits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        var format = SampleFormats.parseBits("render-chain", bits);
        InputFileErrors.requireRegularFile(input);
        EffectChain chain = ChainJson.read(settings, EffectRegistry.discover());
        long frames = ChainRenderer.renderFile(chain, input, output, format,
                WavWriteOptions.builder().protectedInputs(List.of(input, settings)).build());
        spec.commandLine().getOut().println(input + " -> " + output + ": " + frames + " frames through "
                + chain.effects().size() + " effects");
        spec.commandLine().getOut().flush();
        return MixaiCli.EXIT_OK;
    }
}
