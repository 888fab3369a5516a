package io.mixai.testeffects;

import io.mixai.audio.AudioBlock;
import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.Arrays;
import java.util.List;

/**
 * A third-party effect that exists only in test sources and is declared only in the test
 * class path's META-INF/services: a pure delay with gain that reports its delay as latency, so
 * latency-compensated rendering must give back the input times the gain.
 */
public final class DelayProvider implements EffectProvider {

    public static final String TYPE = "test_delay";

    static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("delay_samples", ParameterUnit.NONE).range(0, 10000).step(1).defaultValue(0)
                    .build(),
            ParameterDescriptor.linear("gain_db", ParameterUnit.DECIBELS, -24, 24, 0),
            ParameterDescriptor.choice("polarity", List.of("normal", "inverted"), "normal"),
            ParameterDescriptor.toggle("mute", false),
            ParameterDescriptor.logarithmic("unused_hz", ParameterUnit.HERTZ, 20, 20000, 1000));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Test delay with gain (test sources only)";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new DelayEffect(parameters);
    }

    static final class DelayEffect implements Effect {
        private volatile ParameterSet parameters;
        private float[][] line;
        private int write;
        private int delay;

        DelayEffect(ParameterSet parameters) {
            this.parameters = parameters;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public ParameterSet parameters() {
            return parameters;
        }

        @Override
        public void setParameters(ParameterSet parameters) {
            this.parameters = parameters;
        }

        @Override
        public void prepare(ProcessSpec spec) {
            delay = (int) parameters.get("delay_samples");
            line = new float[spec.channels()][delay + 1];
            write = 0;
        }

        @Override
        public void process(AudioBlock block) {
            ParameterSet p = parameters;
            float gain = (float) Math.pow(10, p.get("gain_db") / 20);
            if (p.getChoice("polarity").equals("inverted")) {
                gain = -gain;
            }
            if (p.getBoolean("mute")) {
                gain = 0;
            }
            int size = delay + 1;
            int w = write;
            for (int i = 0; i < block.frames(); i++) {
                int read = (w + 1) % size;
                for (int c = 0; c < block.channelCount(); c++) {
                    line[c][w] = block.get(c, i);
                    block.set(c, i, line[c][read] * gain);
                }
                w = read;
            }
            write = w;
        }

        @Override
        public void reset() {
            for (float[] ch : line) {
                Arrays.fill(ch, 0f);
            }
            write = 0;
        }

        @Override
        public int latencySamples() {
            return delay;
        }

        @Override
        public int tailSamples() {
            return delay;
        }
    }
}
