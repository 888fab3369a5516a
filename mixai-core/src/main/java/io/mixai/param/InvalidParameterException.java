package io.mixai.param;

/** A parameter value or id that an effect does not accept; the message names the effect, the parameter and what is allowed. */
public class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String effectType;
    private final String parameterId;
    private final String problem;

    public InvalidParameterException(String effectType, String parameterId, String message) {
        super(effectType + "." + parameterId + ": " + message);
        this.effectType = effectType;
        this.parameterId = parameterId;
        this.problem = message;
    }

    public String effectType() {
        return effectType;
    }

    public String parameterId() {
        return parameterId;
    }

    /** What is wrong, without the effect and parameter prefix. */
    public String problem() {
        return problem;
    }
}
