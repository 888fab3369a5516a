package io.mixai.param;

import java.util.List;
import java.util.Objects;

/**
 * Declares one parameter of an effect: an id that carries its unit ({@code threshold_db},
 * {@code attack_ms}, {@code cutoff_hz}), the unit, the allowed range, the default, the scale
 * and, for stepped or choice parameters, the step or the choice names.
 *
 * <p>Every way of setting a value (builders, JSON, a model's 0..1 output) goes through
 * {@link #validate(String, double)}, so there is one validation path.
 */
public final class ParameterDescriptor {

    private final String id;
    private final ParameterUnit unit;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final ParameterScale scale;
    private final double step;
    private final List<String> choices;
    private final String description;

    private ParameterDescriptor(Builder b) {
        this.id = b.id;
        this.unit = b.unit;
        this.min = b.min;
        this.max = b.max;
        this.defaultValue = b.defaultValue;
        this.scale = b.scale;
        this.step = b.step;
        this.choices = b.choices;
        this.description = b.description;
    }

    /** A continuous parameter on a linear scale. */
    public static ParameterDescriptor linear(String id, ParameterUnit unit, double min, double max, double defaultValue) {
        return builder(id, unit).range(min, max).defaultValue(defaultValue).build();
    }

    /** A continuous parameter on a logarithmic scale (frequencies, times). */
    public static ParameterDescriptor logarithmic(String id, ParameterUnit unit, double min, double max, double defaultValue) {
        return builder(id, unit).range(min, max).defaultValue(defaultValue).scale(ParameterScale.LOGARITHMIC).build();
    }

    /** An on/off switch, stored as 0 or 1. */
    public static ParameterDescriptor toggle(String id, boolean defaultOn) {
        return builder(id, ParameterUnit.BOOLEAN).range(0, 1).step(1).defaultValue(defaultOn ? 1 : 0).build();
    }

    /** One of several named choices, stored as the index of the choice. */
    public static ParameterDescriptor choice(String id, List<String> choices, String defaultChoice) {
        int index = choices.indexOf(defaultChoice);
        if (index < 0) {
            throw new IllegalArgumentException(id + ": default choice '" + defaultChoice + "' is not one of " + choices);
        }
        return builder(id, ParameterUnit.CHOICE).range(0, choices.size() - 1).step(1).choices(choices)
                .defaultValue(index).build();
    }

    public static Builder builder(String id, ParameterUnit unit) {
        return new Builder(id, unit);
    }

    public String id() {
        return id;
    }

    public ParameterUnit unit() {
        return unit;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public ParameterScale scale() {
        return scale;
    }

    /** The step between allowed values, or 0 for a continuous parameter. */
    public double step() {
        return step;
    }

    /** The names of the choices for a {@link ParameterUnit#CHOICE} parameter, else empty. */
    public List<String> choices() {
        return choices;
    }

    public String description() {
        return description;
    }

    /**
     * Checks a value for the given effect type and returns it.
     *
     * @throws InvalidParameterException if the value is not finite, outside [min, max], or not on the step grid
     */
    public double validate(String effectType, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(effectType, id, "value " + value + " is not a finite number; allowed range "
                    + rangeText());
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(effectType, id, "value " + value + " is outside the allowed range "
                    + rangeText());
        }
        if (step > 0) {
            double steps = (value - min) / step;
            if (Math.abs(steps - Math.rint(steps)) > 1e-9) {
                throw new InvalidParameterException(effectType, id, "value " + value + " is not a multiple of " + step
                        + " from " + min + "; allowed " + rangeText());
            }
        }
        return value;
    }

    /** The allowed range as text, e.g. {@code "[-60.0, 0.0] dB"} or the list of choices. */
    public String rangeText() {
        if (unit == ParameterUnit.CHOICE) {
            return "one of " + choices;
        }
        if (unit == ParameterUnit.BOOLEAN) {
            return "0 or 1";
        }
        String text = "[" + min + ", " + max + "]";
        return unit.symbol().isEmpty() ? text : text + " " + unit.symbol();
    }

    /** Maps a value in range to 0..1 along the parameter's scale. */
    public double toNormalized(double value) {
        double v = Math.max(min, Math.min(max, value));
        if (max == min) {
            return 0;
        }
        if (scale == ParameterScale.LOGARITHMIC) {
            return Math.log(v / min) / Math.log(max / min);
        }
        return (v - min) / (max - min);
    }

    /** Maps 0..1 back to a value in range (snapped to the step grid when there is one). */
    public double fromNormalized(double normalized) {
        double n = Math.max(0, Math.min(1, normalized));
        double v = scale == ParameterScale.LOGARITHMIC ? min * Math.pow(max / min, n) : min + n * (max - min);
        if (step > 0) {
            v = min + Math.rint((v - min) / step) * step;
        }
        return Math.max(min, Math.min(max, v));
    }

    @Override
    public String toString() {
        return id + " " + rangeText() + " default " + defaultValue;
    }

    /** Builds a descriptor; {@link #build()} checks that it is consistent. */
    public static final class Builder {
        private final String id;
        private final ParameterUnit unit;
        private double min = 0;
        private double max = 1;
        private Double defaultValue;
        private ParameterScale scale = ParameterScale.LINEAR;
        private double step = 0;
        private List<String> choices = List.of();
        private String description = "";

        private Builder(String id, ParameterUnit unit) {
            this.id = Objects.requireNonNull(id, "id");
            this.unit = Objects.requireNonNull(unit, "unit");
            if (!id.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("parameter id '" + id + "' must be lower_snake_case");
            }
            if (!id.endsWith(unit.idSuffix())) {
                throw new IllegalArgumentException("parameter id '" + id + "' must end with '" + unit.idSuffix()
                        + "' because its unit is " + unit);
            }
        }

        public Builder range(double min, double max) {
            if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
                throw new IllegalArgumentException(id + ": invalid range [" + min + ", " + max + "]");
            }
            this.min = min;
            this.max = max;
            return this;
        }

        public Builder defaultValue(double value) {
            this.defaultValue = value;
            return this;
        }

        public Builder scale(ParameterScale scale) {
            this.scale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        public Builder step(double step) {
            if (!(step >= 0)) {
                throw new IllegalArgumentException(id + ": step must not be negative, got " + step);
            }
            this.step = step;
            return this;
        }

        public Builder choices(List<String> choices) {
            this.choices = List.copyOf(choices);
            return this;
        }

        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        public ParameterDescriptor build() {
            if (defaultValue == null) {
                throw new IllegalStateException(id + ": no default value set");
            }
            if (scale == ParameterScale.LOGARITHMIC && min <= 0) {
                throw new IllegalStateException(id + ": a logarithmic scale needs a positive range, got min " + min);
            }
            if (unit == ParameterUnit.CHOICE && choices.size() != (int) (max - min) + 1) {
                throw new IllegalStateException(id + ": " + choices.size() + " choices do not match range ["
                        + min + ", " + max + "]");
            }
            ParameterDescriptor d = new ParameterDescriptor(this);
            d.validate("(declaration)", defaultValue);
            return d;
        }
    }
}
